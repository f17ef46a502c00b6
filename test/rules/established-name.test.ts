import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const RISKS = 'Risks include serious infections and liver injury.';

// Edge cases beyond the docs examples, through the same tester.
tester.run('established-name', rules['established-name']!, {
  valid: [
    { text: 'Zelvaxa (zelvarimab) is here.', channel: 'x', products },
    { text: 'zelvarimab, sold as Zelvaxa, is here.', channel: 'x', products },
  ],
  invalid: [
    {
      text: 'Ask about #Zelvaxa',
      channel: 'x',
      products,
      errors: [{ message: '"Zelvaxa" without its established name "zelvarimab": write "Zelvaxa (zelvarimab)"', range: [11, 18] }],
    },
  ],
});

describeRuleDocs('established-name');
