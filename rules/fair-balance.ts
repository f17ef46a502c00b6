import pharmaExamples from './data/pharma-examples.json';
import { measure, defineRule, type Analysis, type Channel, type Product, pharmaPosts, quoteList, sentenceAt, type Claim } from '../src/rule/index.js';

const { products: exampleProducts, localProducts, sources: PHARMA_SOURCES } = pharmaExamples;

export default defineRule({
  meta: {
    id: 'fair-balance',
    description: 'A post that names a product and makes a benefit claim carries its most serious risks in the same post.',
    severity: 'error',
    fixable: false,
    readsThread: true,
    messages: {
      missingRisk: '"{brand}" with the benefit claim "{claim}" but not its risk information in this post: add {missing}',
      riskInAnotherPost:
        '"{brand}" with the benefit claim "{claim}" but its risk information only in post {other} of the thread: add {missing} to this post (post {post}); a thread does not count',
      cannotFit:
        '"{brand}" with the benefit claim "{claim}" cannot be balanced on {channel}: the claim, its risks ({risks}), "{brand} ({established})" and the link {riskUrl} need at least {needed} {unit}, over the limit of {limit}. Use a longer-form channel ({longForm}) or a reminder post that names {brand} without a claim',
    },
    defaults: {},
    docs: {
      why:
        "FDA's 2014 draft guidance on platforms with character space limitations says a post that makes a benefit claim for a prescription drug must present its most serious risks in the same post, not in a later post of a thread, a linked page or a profile; if claim, risks, both names and a risk link cannot fit, the firm should reconsider the platform. The guidance is a draft: not binding, but the clearest statement of FDA's thinking. This rule checks each post alone: a draft is split into posts at a line of ---, ***, ___ or ===, and at thread numbering (\"1/3\" ending a line, \"2/\" opening one, when the thread starts at 1); risk phrases found in another post never count. Products and their risk phrases come from LintOptions.products; benefit wording is data in src/facts/data/benefit-claims.json, with lists of its own for German and French drafts (benefit-claims.de.json, .fr.json: \"lindert\", \"senkt\", \"zugelassen für\"; \"soulage\", \"réduit\", \"indiqué dans\"), written for postlint and leaving out words that also describe side effects (\"verminderter Appetit\", \"diminution de l'appétit\"). A percentage is a claim however it is written: \"40%\", \"40 %\", \"40 Prozent\", \"40 pour cent\". The risk phrases are the product's own (LintOptions.products), in the language the post is written in.",
      sources: PHARMA_SOURCES,
      languages: ['en', 'de', 'fr'],
      correct: [
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. Risks include serious infections and liver injury. https://example.com/zelvaxa/risk',
          channel: 'x',
          products: exampleProducts,
        },
        { text: 'Zelvaxa (zelvarimab). Ask your doctor if it is right for you.', channel: 'x', products: exampleProducts },
        {
          text: 'Quorvela (quorvelimab) lindert die Schübe der Plaque-Psoriasis. Zu den Risiken gehören schwere Infektionen und Leberschäden. https://example.de/quorvela/pflichttext',
          channel: 'x',
          products: localProducts.de,
          language: 'de',
        },
        {
          text: 'Vandrexa (vandrexumab) réduit les crises de migraine. Risques : infections graves et lésions du foie. https://example.fr/vandrexa/rcp',
          channel: 'x',
          products: localProducts.fr,
          language: 'fr',
        },
      ],
      incorrect: [
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. https://example.com/zelvaxa/risk',
          channel: 'x',
          products: exampleProducts,
          messages: ['"Zelvaxa" with the benefit claim "reduces" but not its risk information in this post: add "serious infections" and "liver injury"'],
        },
        {
          text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. https://example.com/zelvaxa/risk 1/2\nRisks include serious infections and liver injury. 2/2',
          channel: 'x',
          products: exampleProducts,
          messages: [
            '"Zelvaxa" with the benefit claim "reduces" but its risk information only in post 2 of the thread: add "serious infections" and "liver injury" to this post (post 1); a thread does not count',
          ],
        },
        {
          text: 'Quorvela (quorvelimab) lindert die Schübe der Plaque-Psoriasis. https://example.de/quorvela/pflichttext',
          channel: 'x',
          products: localProducts.de,
          language: 'de',
          messages: ['"Quorvela" with the benefit claim "lindert" but not its risk information in this post: add "schwere Infektionen" and "Leberschäden"'],
          ranges: [[23, 30]],
        },
        {
          text: 'Vandrexa (vandrexumab) est indiqué dans la migraine. Risques : infections graves. https://example.fr/vandrexa/rcp',
          channel: 'x',
          products: localProducts.fr,
          language: 'fr',
          messages: ['"Vandrexa" with the benefit claim "indiqué dans" but not its risk information in this post: add "lésions du foie"'],
          ranges: [[27, 39]],
        },
      ],
    },
  },
  check({ analysis, products, channel, longFormChannels, report }) {
    const posts = pharmaPosts(analysis, products);
    // Posts of the thread that state each product's risks, to say where a misplaced risk went.
    const riskPosts = new Map<Product, number[]>();
    for (const { post, hits } of posts) {
      for (const hit of hits) {
        if (hit.part !== 'risk' || hit.place !== 'text') continue;
        const list = riskPosts.get(hit.product) ?? [];
        if (list[list.length - 1] !== post.index) list.push(post.index);
        riskPosts.set(hit.product, list);
      }
    }
    for (const { post, claims, named } of posts) {
      const claim = claims[0];
      if (!claim) continue;
      for (const { product, risks } of named) {
        const brand = product.brand;
        const needed = minimumLength(analysis, channel, product, claim);
        if (needed && needed.count > needed.limit) {
          report({
            messageId: 'cannotFit',
            data: {
              brand,
              claim: claim.text,
              channel: channel.name,
              risks: quoteList(product.riskInfo),
              established: product.established,
              riskUrl: product.riskUrl,
              needed: needed.count,
              unit: needed.unit,
              limit: needed.limit,
              longForm: longFormChannels.join(', '),
            },
            start: claim.start,
            end: claim.end,
          });
          continue;
        }
        const missing = product.riskInfo.filter((risk) => !risks.some((hit) => hit.phrase === risk));
        if (missing.length === 0) continue;
        const data = { brand, claim: claim.text, missing: quoteList(missing) };
        const other = riskPosts.get(product)?.find((index) => index !== post.index);
        if (other !== undefined) report({ messageId: 'riskInAnotherPost', data: { ...data, other: other + 1, post: post.index + 1 }, start: claim.start, end: claim.end });
        else report({ messageId: 'missingRisk', data, start: claim.start, end: claim.end });
      }
    }
  },
});

/**
 * The shortest post that could carry the claim fairly: the claim's sentence as written plus whatever
 * of the brand, established name, risk phrases and risk link it lacks, joined by single spaces.
 */
function minimumLength(analysis: Analysis, channel: Channel, product: Product, claim: Claim) {
  if (!Number.isFinite(channel.limit)) return undefined;
  const sentence = analysis.sentences[sentenceAt(analysis, claim.start)]?.text ?? claim.text;
  const lower = sentence.toLowerCase();
  const link = product.riskUrl.replace(/^https?:\/\/(www\.)?/i, '').toLowerCase();
  const parts = [sentence];
  for (const part of [product.brand, product.established, ...product.riskInfo.map((r) => r.replace(/\*$/, ''))]) {
    if (!lower.includes(part.toLowerCase())) parts.push(part);
  }
  if (!lower.includes(link)) parts.push(product.riskUrl);
  return measure(parts.join(' '), channel);
}
