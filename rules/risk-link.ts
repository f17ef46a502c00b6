import riskPageWords from './data/risk-page-words.json';
import germanRiskPageWords from './data/risk-page-words.de.json';
import frenchRiskPageWords from './data/risk-page-words.fr.json';
import pharmaExamples from './data/pharma-examples.json';
import { compileLexicon, compiledOnFirstUse, matchLexicon, parseAddress, shippedLexicon, defineRule, type CompiledLexicon, type EntityWords, type Language, type Link, pharmaPosts } from '../src/rule/index.js';

const { products: exampleProducts, localProducts, sources: PHARMA_SOURCES } = pharmaExamples;

// A link's path is in whatever language the site chose: English words count in every draft, and the draft's own language's too.
const english = shippedLexicon(riskPageWords, 'risk-page-words.json').entries;
const RISK_PATH_WORDS: Record<Language, CompiledLexicon> = compiledOnFirstUse({
  en: () => compileLexicon(english),
  de: () => compileLexicon([...english, ...shippedLexicon(germanRiskPageWords, 'risk-page-words.de.json').entries]),
  fr: () => compileLexicon([...english, ...shippedLexicon(frenchRiskPageWords, 'risk-page-words.fr.json').entries]),
});

export default defineRule({
  meta: {
    id: 'risk-link',
    description: "A post that names a product with a benefit claim links to the product's risk information page.",
    severity: 'error',
    fixable: false,
    readsThread: true,
    messages: {
      missingLink: '"{brand}" with the benefit claim "{claim}" but no link to its risk information: add {riskUrl}',
      otherRiskLink: '"{brand}" links to {url} for its risk information, not to its risk page {riskUrl}: check that the page is devoted to the risks of {brand}',
    },
    defaults: {},
    docs: {
      why:
        "FDA's 2014 draft guidance (not binding) asks that a post with a benefit claim also link to a page devoted exclusively to the product's fuller risk information. The rule accepts the product's riskUrl (scheme, www., a trailing slash, query and fragment ignored); a different link whose path signals risk or safety information (risk, safety, isi, side-effects, prescribing-information...: data in rules/data/risk-page-words.json) gets a warning to check it instead. German and French drafts add words of their own (risk-page-words.de.json: risiken, sicherheit, nebenwirkungen, fachinformation, gebrauchsinformation, pflichttext...; .fr.json: risques, securite, effets-indesirables, rcp, notice...) to the English ones, which count in every draft since sites in any language use English paths; \"notice\" counts in French drafts only, as in English it is also a privacy or legal notice. Benefit claims are read in the draft's language (see fair-balance). The PMCPA counts links as part of a post too.",
      sources: PHARMA_SOURCES,
      languages: ['en', 'de', 'fr'],
      correct: [
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. Risks include serious infections and liver injury. https://example.com/zelvaxa/risk',
          channel: 'x',
          products: exampleProducts,
        },
        {
          text: 'Quorvela (quorvelimab) lindert die Schübe der Plaque-Psoriasis. Risiken: schwere Infektionen und Leberschäden. https://example.de/quorvela/pflichttext',
          channel: 'x',
          products: localProducts.de,
          language: 'de',
        },
      ],
      incorrect: [
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. Risks include serious infections and liver injury.',
          channel: 'x',
          products: exampleProducts,
          messages: ['"Zelvaxa" with the benefit claim "reduces" but no link to its risk information: add https://example.com/zelvaxa/risk'],
        },
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. Risks include serious infections and liver injury. https://example.com/psoriasis/safety',
          channel: 'x',
          products: exampleProducts,
          messages: ['"Zelvaxa" links to https://example.com/psoriasis/safety for its risk information, not to its risk page https://example.com/zelvaxa/risk: check that the page is devoted to the risks of Zelvaxa'],
        },
        {
          text: 'Quorvela (quorvelimab) lindert die Schübe der Plaque-Psoriasis. Risiken: schwere Infektionen und Leberschäden. https://example.de/psoriasis/nebenwirkungen',
          channel: 'x',
          products: localProducts.de,
          language: 'de',
          messages: ['"Quorvela" links to https://example.de/psoriasis/nebenwirkungen for its risk information, not to its risk page https://example.de/quorvela/pflichttext: check that the page is devoted to the risks of Quorvela'],
          ranges: [[111, 154]],
        },
        {
          text: 'Vandrexa (vandrexumab) soulage la migraine. Risques : infections graves et lésions du foie.',
          channel: 'x',
          products: localProducts.fr,
          language: 'fr',
          messages: ['"Vandrexa" with the benefit claim "soulage" but no link to its risk information: add https://example.fr/vandrexa/rcp'],
          ranges: [[23, 30]],
        },
      ],
    },
  },
  check({ analysis, products, report }) {
    const linkWords = analysis.entityWords.filter(({ entity }) => entity.type === 'url');
    const allLinks = analysis.links.map((link, i) => ({ link, words: linkWords[i]! }));
    let next = 0;
    for (const { post, claims, named } of pharmaPosts(analysis, products)) {
      // Links and posts are in text order: one sweep gives each post its own links, never another post's.
      while (next < allLinks.length && allLinks[next]!.link.start < post.start) next++;
      const first = next;
      while (next < allLinks.length && allLinks[next]!.link.start < post.end) next++;
      const links = allLinks.slice(first, next);
      const claim = claims[0];
      if (!claim) continue;
      for (const { product } of named) {
        const target = sitePath(parseAddress(product.riskUrl));
        if (links.some(({ link }) => sitePath(link.address) === target)) continue;
        const riskPage = links.find((link) => signalsRisk(link, RISK_PATH_WORDS[analysis.language]));
        if (riskPage) {
          const { entity } = riskPage.link;
          report({ messageId: 'otherRiskLink', severity: 'warning', data: { brand: product.brand, url: entity.text, riskUrl: product.riskUrl }, start: entity.start, end: entity.end });
        } else {
          report({ messageId: 'missingLink', data: { brand: product.brand, claim: claim.text, riskUrl: product.riskUrl }, start: claim.start, end: claim.end });
        }
      }
    }
  },
});

/** Host and path, lower case, without scheme, www., trailing slash, query or fragment. */
function sitePath(address: Link['address']): string | undefined {
  return address?.hostPath.toLowerCase();
}

/** Whether a link's path (not its host) has words of a risk or safety page. */
function signalsRisk({ link, words }: { link: Link; words: EntityWords }, riskPathWords: CompiledLexicon): boolean {
  const pathStart = link.pathStart;
  if (pathStart === undefined) return false;
  return matchLexicon(riskPathWords, words.words.filter((w) => w.start >= pathStart)).length > 0;
}
