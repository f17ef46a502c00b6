import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('max-mentions', rules['max-mentions']!, {
  valid: [{ text: '@a @b @c', channel: 'x', options: { max: 3 } }],
  invalid: [{ text: 'Thanks @a @b @c', channel: 'x', options: { max: 2 }, errors: [{ message: '3 @mentions, over your limit of 2: remove 1', range: [13, 15] }] }],
});

describeRuleDocs('max-mentions');
