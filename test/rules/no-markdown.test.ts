import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('no-markdown', rules['no-markdown']!, {
  valid: [{ text: '2 * 3 * 4 = 24', channel: 'x' }],
  invalid: [
    // Found by the property test in fix.test.ts: "$ABCbold" would be another cashtag, so no fix is offered.
    { text: '$ABC**bold** ', channel: 'x', errors: ['X does not show bold: readers will see "**bold**" as typed; write "bold"'], output: null },
    { text: '**Join** #WorldCancerDay', channel: 'x', errors: [{ range: [0, 8] }], output: 'Join #WorldCancerDay' },
  ],
});


describeRuleDocs('no-markdown');
