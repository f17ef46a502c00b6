import pharmaExamples from './data/pharma-examples.json';
import { defineRule, pharmaPosts } from '../src/rule/index.js';

const { products: exampleProducts, sources: PHARMA_SOURCES } = pharmaExamples;

export default defineRule({
  meta: {
    id: 'established-name',
    description: 'A post that names a product by its brand also gives its established (generic) name.',
    severity: 'error',
    fixable: false,
    readsThread: true,
    hasSuggestions: true,
    messages: {
      missingEstablished: '"{brand}" without its established name "{established}": write "{brand} ({established})"',
    },
    defaults: {},
    docs: {
      why:
        "FDA's 2014 draft guidance (not binding) asks that a product claim on a character-limited platform give the brand name together with the established name, as in its own example \"NoFocus (rememberine)\"; US reminder labelling names both too. The rule checks each post of a thread alone, whenever the brand appears in the text or a hashtag, and also when it appears only in a link or @-tag of a post that makes a benefit claim. The established name counts in the text or a hashtag. Benefit claims are read in the draft's language (English, German or French wording, see fair-balance).",
      sources: PHARMA_SOURCES,
      languages: ['en', 'de', 'fr'],
      correct: [{ text: 'Zelvaxa (zelvarimab). Ask your doctor if it is right for you.', channel: 'x', products: exampleProducts }],
      incorrect: [
        {
          text: 'Zelvaxa reduces plaque psoriasis flares. Risks include serious infections and liver injury. https://example.com/zelvaxa/risk',
          channel: 'x',
          products: exampleProducts,
          messages: ['"Zelvaxa" without its established name "zelvarimab": write "Zelvaxa (zelvarimab)"'],
          suggestions: [
            {
              title: 'Add "(zelvarimab)" after Zelvaxa',
              output: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. Risks include serious infections and liver injury. https://example.com/zelvaxa/risk',
            },
          ],
        },
      ],
    },
  },
  check({ analysis, products, report }) {
    for (const { claims, named } of pharmaPosts(analysis, products)) {
      for (const { product, brands, established } of named) {
        if (established.length > 0) continue;
        const visible = brands.find((b) => b.place === 'text' || b.place === 'hashtag');
        if (!visible && claims.length === 0) continue;
        const first = visible ?? brands[0]!;
        const insert = ` (${product.established})`;
        report({
          messageId: 'missingEstablished',
          data: { brand: product.brand, established: product.established },
          start: first.start,
          end: first.end,
          suggestions:
            first.place === 'text' ? [{ title: `Add "${insert.trim()}" after ${product.brand}`, fix: { edits: [{ range: [first.end, first.end], text: insert }] } }] : [],
        });
      }
    }
  },
});
