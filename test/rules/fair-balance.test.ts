import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const { de: german, fr: french } = pharmaExamples.localProducts;
const GERMAN_RISKS = 'Risiken: schwere Infektionen und Leberschäden.';
const FRENCH_RISKS = 'Risques : infections graves et lésions du foie.';
const RISKS = 'Risks include serious infections and liver injury.';

// Edge cases beyond the docs examples, through the same tester.
tester.run('fair-balance', rules['fair-balance']!, {
  valid: [
    { text: `Zelvaxa (zelvarimab) reduces flares. ${RISKS} https://example.com/zelvaxa/risk`, channel: 'x', products },
    // A product named without a benefit claim is a reminder: no risks needed.
    { text: 'Zelvaxa (zelvarimab). Ask your doctor.', channel: 'x', products },
    { text: 'Zelvaxa reduces flares.', channel: 'x' },
    { text: `Quorvela (quorvelimab) senkt das Risiko eines Schubs. ${GERMAN_RISKS}`, channel: 'x', products: german, language: 'de' },
    { text: 'Quorvela (quorvelimab): Fragen Sie Ihre Ärztin.', channel: 'x', products: german, language: 'de' },
    // Side-effect wording is not a claim: "verminderter Appetit", "diminution de l'appétit".
    { text: 'Quorvela (quorvelimab): verminderter Appetit und schneller Herzschlag sind möglich.', channel: 'x', products: german, language: 'de' },
    { text: "Vandrexa (vandrexumab) : diminution de l'appétit et rythme cardiaque ralenti possibles.", channel: 'x', products: french, language: 'fr' },
    { text: `Vandrexa (vandrexumab) soulage la migraine. ${FRENCH_RISKS}`, channel: 'x', products: french, language: 'fr' },
    // Read as English, the French claim word is not one.
    { text: 'Vandrexa (vandrexumab) réduit les crises.', channel: 'x', products: french, language: 'en' },
  ],
  invalid: [
    {
      text: 'Zelvaxa (zelvarimab) reduces flares. Risks include serious infections. https://example.com/zelvaxa/risk',
      channel: 'x',
      products,
      errors: [{ message: '"Zelvaxa" with the benefit claim "reduces" but not its risk information in this post: add "liver injury"', range: [21, 28] }],
    },
    {
      text: 'Quorvela (quorvelimab): um 40 % weniger Schübe.',
      channel: 'x',
      products: german,
      language: 'de',
      errors: [{ message: '"Quorvela" with the benefit claim "40 %" but not its risk information in this post: add "schwere Infektionen" and "Leberschäden"', range: [27, 31] }],
    },
    {
      text: 'Quorvela (quorvelimab) ist zugelassen zur Behandlung der Plaque-Psoriasis. Risiken: schwere Infektionen.',
      channel: 'x',
      products: german,
      language: 'de',
      errors: [{ message: '"Quorvela" with the benefit claim "zugelassen zur" but not its risk information in this post: add "Leberschäden"', range: [27, 41] }],
    },
    {
      text: 'Vandrexa (vandrexumab) : 50 pour cent de crises en moins.',
      channel: 'x',
      products: french,
      language: 'fr',
      errors: [{ message: '"Vandrexa" with the benefit claim "50 pour cent" but not its risk information in this post: add "infections graves" and "lésions du foie"', range: [25, 37] }],
    },
    {
      text: 'Vandrexa (vandrexumab) réduit les crises.',
      channel: 'x',
      products: french,
      language: 'fr',
      errors: [{ message: '"Vandrexa" with the benefit claim "réduit" but not its risk information in this post: add "infections graves" and "lésions du foie"', range: [23, 29] }],
    },
  ],
});

describeRuleDocs('fair-balance');
