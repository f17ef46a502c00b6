import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('max-length', rules['max-length']!, {
  valid: [
    { text: 'x'.repeat(280), channel: 'x' },
    { text: 'x'.repeat(5000), channel: 'email' },
  ],
  invalid: [
    // Bluesky's second cap: 300 graphemes fit, 3000 UTF-8 bytes do not.
    {
      text: '👩🏽‍⚕️'.repeat(200),
      channel: 'bluesky',
      errors: [
        {
          message: '3400/3000 UTF-8 bytes for Bluesky: 400 over',
          suggestions: [{ title: 'Split into a 2-post thread', output: '👩🏽‍⚕️'.repeat(100) + ' 1/2\n\n---\n\n' + '👩🏽‍⚕️'.repeat(100) + ' 2/2' }],
        },
      ],
    },
  ],
});

describeRuleDocs('max-length');
