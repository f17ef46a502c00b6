import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const RISKS = 'Risks include serious infections and liver injury.';
const { de: german, fr: french } = pharmaExamples.localProducts;
const FRENCH_RISKS = 'Risques : infections graves et lésions du foie.';
const otherLink = (brand: string, url: string, riskUrl: string) =>
  `"${brand}" links to ${url} for its risk information, not to its risk page ${riskUrl}: check that the page is devoted to the risks of ${brand}`;

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
    {
      // "notice" is a risk page's word in French paths only: in English it is also a privacy notice.
      text: `Zelvaxa (zelvarimab) reduces flares. ${RISKS} https://example.com/privacy-notice`,
      channel: 'x',
      products,
      errors: [{ message: '"Zelvaxa" with the benefit claim "reduces" but no link to its risk information: add https://example.com/zelvaxa/risk', range: [21, 28] }],
    },
    {
      text: `Vandrexa (vandrexumab) soulage la migraine. ${FRENCH_RISKS} https://example.fr/migraine/notice`,
      channel: 'x',
      products: french,
      language: 'fr',
      errors: [{ message: otherLink('Vandrexa', 'https://example.fr/migraine/notice', 'https://example.fr/vandrexa/rcp'), severity: 'warning', range: [92, 126] }],
    },
    {
      text: `Vandrexa (vandrexumab) soulage la migraine. ${FRENCH_RISKS} https://example.fr/migraine/effets-indesirables`,
      channel: 'x',
      products: french,
      language: 'fr',
      errors: [{ message: otherLink('Vandrexa', 'https://example.fr/migraine/effets-indesirables', 'https://example.fr/vandrexa/rcp'), severity: 'warning', range: [92, 139] }],
    },
    {
      // English path words count in a German draft too.
      text: 'Quorvela (quorvelimab) senkt die Schubrate. Risiken: schwere Infektionen und Leberschäden. https://example.de/quorvela-safety',
      channel: 'x',
      products: german,
      language: 'de',
      errors: [{ message: otherLink('Quorvela', 'https://example.de/quorvela-safety', 'https://example.de/quorvela/pflichttext'), severity: 'warning', range: [91, 125] }],
    },
  ],
});

describeRuleDocs('risk-link');
