import * as v from 'valibot';
import pharmaExamples from './data/pharma-examples.json';
import codeData from './data/prescription-only-codes.json';
import { defineRule, shippedLexicon, type LexiconFileEntry } from '../src/rule/index.js';

const { products: exampleProducts, localProducts, sources: PHARMA_SOURCES } = pharmaExamples;
const codes = shippedLexicon<LexiconFileEntry & { code: string; source: string }>(codeData, 'prescription-only-codes.json').entries;
// The code a message cites, by market: data, so a market is added without touching the rule.
const CODE_BY_MARKET = new Map(codes.flatMap((entry) => entry.phrases.map((market) => [market.toUpperCase(), entry.code] as const)));

interface Options {
  /** Markets whose code forbids promoting prescription-only medicines to the public (default: every market of rules/data/prescription-only-codes.json). */
  markets: string[];
  /** Channels whose audience is not the public (an HCP-only email list, a helpline). */
  privateChannels: string[];
}

const WHERE = { text: 'in the text', hashtag: 'in the hashtag', mention: 'in the @-tag', link: 'in the link' } as const;

export default defineRule<Options>({
  meta: {
    id: 'prescription-only-public',
    description: 'A prescription-only medicine is not named in a post to the public, in text, hashtags, @-tags or links, where the market forbids advertising it to the public (UK, EU, Switzerland).',
    severity: 'error',
    fixable: false,
    messages: {
      namedToPublic:
        '"{brand}" is a prescription-only medicine in the {market} market, named {where} of a public {channel} post: {code} forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals',
      namedToPublicConfigured:
        '"{brand}" is a prescription-only medicine in the {market} market, named {where} of a public {channel} post: the markets option lists {market} as forbidding its promotion to the public: remove it, or post it only where the audience is healthcare professionals',
    },
    schema: v.object({
      markets: v.array(v.string(), 'expected a list of market codes, e.g. ["UK", "GB"]'),
      privateChannels: v.array(v.string(), 'expected a list of channel ids, e.g. ["email", "helpline"]'),
    }),
    defaults: { markets: [...CODE_BY_MARKET.keys()], privateChannels: ['email', 'helpline'] },
    docs: {
      why:
        "Advertising prescription-only medicines to the general public is forbidden in the UK and across the EU (Directive 2001/83/EC, Article 88(1)) and in Switzerland, and each market's code says so in its own words: in the UK the ABPI Code of Practice (administered by the PMCPA), in Germany the Heilmittelwerbegesetz (§10), in Austria the Arzneimittelgesetz (§51), in Switzerland the Heilmittelgesetz (Art. 32) with the Arzneimittel-Werbeverordnung, in France the Code de la santé publique (L.5122-6), in Belgium the law of 25 March 1964 on medicines with the royal decree of 7 April 1995 (article numbers not cited: the project's own reading), and in the other EU countries the national law that applies Article 88. The PMCPA's social media guidance counts links, hashtags and @-tags as part of a post: naming the brand in any of them on a public channel is promotion to the public, and the rule reads every market the same way. The rule applies to products with prescriptionOnly: true whose markets include one of the rule's markets (by default every market of rules/data/prescription-only-codes.json, which names the code a message cites for each; not the US, where advertising to consumers is allowed); products without markets are not checked. A market added to the markets option that the data does not know gets a message that says the option lists it. Every channel is public except the privateChannels option (email and helpline by default: set it to your HCP-only channels). The check does not depend on the draft's language: the market decides.",
      sources: [...PHARMA_SOURCES, ...codes.map((entry) => entry.source)],
      correct: [
        { text: 'Migraine can be treated: talk to your GP or pharmacist about the options.', channel: 'x', products: exampleProducts },
        { text: 'Norquell (tavoprazine): new prescribing information for specialists.', channel: 'email', products: exampleProducts },
        { text: 'Quorvela (quorvelimab): neue Fachinformation für Dermatologinnen und Dermatologen.', channel: 'email', products: localProducts.de },
      ],
      incorrect: [
        {
          text: 'Ask your GP about #Norquell for migraine.',
          channel: 'x',
          products: exampleProducts,
          messages: ['"Norquell" is a prescription-only medicine in the UK market, named in the hashtag #Norquell of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals'],
        },
        {
          text: 'Fragen Sie Ihre Ärztin nach Quorvela.',
          channel: 'instagram',
          products: localProducts.de,
          messages: ['"Quorvela" is a prescription-only medicine in the DE market, named in the text of a public Instagram post: the Heilmittelwerbegesetz (HWG §10) forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals'],
          ranges: [[28, 36]],
        },
        {
          text: 'Parlez de #Vandrexa à votre médecin.',
          channel: 'facebook',
          products: localProducts.fr,
          messages: ['"Vandrexa" is a prescription-only medicine in the FR market, named in the hashtag #Vandrexa of a public Facebook post: the Code de la santé publique (L.5122-6) forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals'],
          ranges: [[11, 19]],
        },
      ],
    },
  },
  check({ analysis, products, channel, options, report }) {
    if (products.list.length === 0 || options.privateChannels.includes(channel.id)) return;
    const markets = new Set(options.markets.map((m) => m.toUpperCase()));
    for (const hit of products.hits(analysis)) {
      if (hit.part !== 'brand' || !hit.product.prescriptionOnly) continue;
      const market = hit.product.markets?.find((m) => markets.has(m.toUpperCase()));
      if (!market) continue;
      const where = hit.entity ? `${WHERE[hit.place]} ${hit.entity}` : WHERE[hit.place];
      const code = CODE_BY_MARKET.get(market.toUpperCase());
      const data = { brand: hit.product.brand, market, where, channel: channel.name };
      if (code) report({ messageId: 'namedToPublic', data: { ...data, code }, start: hit.start, end: hit.end });
      else report({ messageId: 'namedToPublicConfigured', data, start: hit.start, end: hit.end });
    }
  },
});
