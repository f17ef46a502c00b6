import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('max-hashtags', rules['max-hashtags']!, {
  valid: [{ text: '#one #two #three', channel: 'x', options: { max: 3 } }],
  invalid: [{ text: '#one #two #three', channel: 'x', options: { max: 1 }, errors: [{ message: '3 hashtags, over your limit of 1: remove 2', range: [5, 16] }] }],
});

describeRuleDocs('max-hashtags');
