import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('max-links', rules['max-links']!, {
  valid: [
    { text: 'a.org b.org c.org d.org e.org f.org', channel: 'x' },
    { text: 'https://example.org/1 https://example.org/2', channel: 'threads', options: { max: 2 } },
  ],
  invalid: [
    { text: 'https://example.org/1 https://example.org/2', channel: 'x', options: { max: 1 }, errors: [{ message: '2 links, over your limit of 1: remove 1', range: [22, 43] }] },
  ],
});

describeRuleDocs('max-links');
