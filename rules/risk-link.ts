import riskPageWords from './data/risk-page-words.json';
import pharmaExamples from './data/pharma-examples.json';
import { compileLexicon, matchLexicon, parseAddress, readLexicon, defineRule, type EntityWords, type Link, pharmaPosts } from '../src/rule/index.js';

const { products: exampleProducts, sources: PHARMA_SOURCES } = pharmaExamples;

const riskPathWords = compileLexicon(readLexicon(riskPageWords, 'risk-page-words.json').entries);

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
        "FDA's 2014 draft guidance (not binding) asks that a post with a benefit claim also link to a page devoted exclusively to the product's fuller risk information. The rule accepts the product's riskUrl (scheme, www., a trailing slash, query and fragment ignored); a different link whose path signals risk or safety information (risk, safety, isi, side-effects, prescribing-information...: data in rules/data/risk-page-words.json) gets a warning to check it instead. The PMCPA counts links as part of a post too.",
      sources: PHARMA_SOURCES,
      correct: [
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. Risks include serious infections and liver injury. https://example.com/zelvaxa/risk',
          channel: 'x',
          products: exampleProducts,
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
        const riskPage = links.find(signalsRisk);
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
function signalsRisk({ link, words }: { link: Link; words: EntityWords }): boolean {
  const pathStart = link.pathStart;
  if (pathStart === undefined) return false;
  return matchLexicon(riskPathWords, words.words.filter((w) => w.start >= pathStart)).length > 0;
}
