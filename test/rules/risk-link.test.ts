import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const RISKS = 'Risks include serious infections and liver injury.';

// Edge cases beyond the docs examples, through the same tester.
tester.run('risk-link', rules['risk-link']!, {
  valid: [
    // The risk page as written in many ways: www., a trailing slash, a query or a fragment, upper case.
    { text: `Zelvaxa (zelvarimab) reduces flares. ${RISKS} https://www.example.com/Zelvaxa/Risk/?utm_source=x#top`, channel: 'x', products },
    { text: `Zelvaxa (zelvarimab) reduces flares. ${RISKS} example.com/zelvaxa/risk`, channel: 'x', products },
    // No claim, no link needed.
    { text: 'Zelvaxa (zelvarimab): ask your doctor.', channel: 'x', products },
  ],
  invalid: [
    {
      // The risk page of another post of the thread does not count.
      text: `Zelvaxa (zelvarimab) reduces flares. ${RISKS}\n\n---\n\nhttps://example.com/zelvaxa/risk`,
      channel: 'x',
      products,
      errors: [{ message: '"Zelvaxa" with the benefit claim "reduces" but no link to its risk information: add https://example.com/zelvaxa/risk', range: [21, 28] }],
    },
  ],
});

describeRuleDocs('risk-link');
