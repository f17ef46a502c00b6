import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const RISKS = 'Risks include serious infections and liver injury.';

// Edge cases beyond the docs examples, through the same tester.
tester.run('prescription-only-public', rules['prescription-only-public']!, {
  valid: [
    // Zelvaxa is promoted in the US only: UK rules do not reach it by default.
    { text: 'Ask your doctor about Zelvaxa (zelvarimab).', channel: 'x', products },
    { text: 'Norquell (tavoprazine): prescribing information for specialists.', channel: 'linkedin', products, options: { privateChannels: ['linkedin'] } },
  ],
  invalid: [
    {
      text: 'Ask your doctor about Zelvaxa (zelvarimab).',
      channel: 'x',
      products,
      options: { markets: ['US'] },
      errors: [{ message: '"Zelvaxa" is a prescription-only medicine in the US market, named in the text of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals', range: [22, 29] }],
    },
  ],
});

describeRuleDocs('prescription-only-public');
