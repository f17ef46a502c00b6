import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';
import pharmaExamples from '../../rules/data/pharma-examples.json';

const products = pharmaExamples.products;
const { de: german, fr: french } = pharmaExamples.localProducts;
const named = (brand: string, market: string, where: string, channel: string, code: string) =>
  `"${brand}" is a prescription-only medicine in the ${market} market, named ${where} of a public ${channel} post: ${code} forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals`;
const RISKS = 'Risks include serious infections and liver injury.';

// Edge cases beyond the docs examples, through the same tester.
tester.run('prescription-only-public', rules['prescription-only-public']!, {
  valid: [
    // Zelvaxa is promoted in the US only: UK rules do not reach it by default.
    { text: 'Ask your doctor about Zelvaxa (zelvarimab).', channel: 'x', products },
    { text: 'Norquell (tavoprazine): prescribing information for specialists.', channel: 'linkedin', products, options: { privateChannels: ['linkedin'] } },
    // The market decides, not the draft's language; a market left out of the option is not checked.
    { text: 'Fragen Sie Ihre Ärztin nach Quorvela.', channel: 'x', products: german, options: { markets: ['FR'] } },
    { text: 'Quorvela gibt es ohne Rezept in der Apotheke.', channel: 'x', products: german.map((p) => ({ ...p, prescriptionOnly: false })) },
  ],
  invalid: [
    {
      text: 'Ask your doctor about Zelvaxa (zelvarimab).',
      channel: 'x',
      products,
      options: { markets: ['US'] },
      errors: [{ message: '"Zelvaxa" is a prescription-only medicine in the US market, named in the text of a public X post: the markets option lists US as forbidding its promotion to the public: remove it, or post it only where the audience is healthcare professionals', range: [22, 29] }],
    },
    {
      text: 'Fragen Sie Ihre Ärztin nach Quorvela.',
      channel: 'x',
      products: german.map((p) => ({ ...p, markets: ['AT'] })),
      errors: [{ message: named('Quorvela', 'AT', 'in the text', 'X', 'the Arzneimittelgesetz (AMG §51)'), range: [28, 36] }],
    },
    {
      text: 'Fragen Sie in der Apotheke nach @QuorvelaCH.',
      channel: 'x',
      products: german.map((p) => ({ ...p, markets: ['CH'] })),
      errors: [{ message: named('Quorvela', 'CH', 'in the @-tag @QuorvelaCH', 'X', 'the Heilmittelgesetz (HMG Art. 32, with the Arzneimittel-Werbeverordnung)'), range: [33, 41] }],
    },
    {
      text: 'Infos : https://example.be/vandrexa',
      channel: 'x',
      products: french.map((p) => ({ ...p, markets: ['BE'] })),
      errors: [{ message: named('Vandrexa', 'BE', 'in the link https://example.be/vandrexa', 'X', 'Belgian medicines law (law of 25 March 1964 and royal decree of 7 April 1995)'), range: [27, 35] }],
    },
    {
      // A product marketed in Italy only: the directive itself, as Italian law applies it.
      text: 'Chiedi al tuo medico di Vandrexa.',
      channel: 'x',
      products: french.map((p) => ({ ...p, markets: ['IT'] })),
      errors: [{ message: named('Vandrexa', 'IT', 'in the text', 'X', 'Directive 2001/83/EC (Article 88, as national law applies it)'), range: [24, 32] }],
    },
  ],
});

describeRuleDocs('prescription-only-public');
