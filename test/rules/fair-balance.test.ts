import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const RISKS = 'Risks include serious infections and liver injury.';

// Edge cases beyond the docs examples, through the same tester.
tester.run('fair-balance', rules['fair-balance']!, {
  valid: [
    { text: `Zelvaxa (zelvarimab) reduces flares. ${RISKS} https://example.com/zelvaxa/risk`, channel: 'x', products },
    // A product named without a benefit claim is a reminder: no risks needed.
    { text: 'Zelvaxa (zelvarimab). Ask your doctor.', channel: 'x', products },
    { text: 'Zelvaxa reduces flares.', channel: 'x' },
  ],
  invalid: [
    {
      text: 'Zelvaxa (zelvarimab) reduces flares. Risks include serious infections. https://example.com/zelvaxa/risk',
      channel: 'x',
      products,
      errors: [{ message: '"Zelvaxa" with the benefit claim "reduces" but not its risk information in this post: add "liver injury"', range: [21, 28] }],
    },
  ],
});

describeRuleDocs('fair-balance');
