import * as v from 'valibot';
import pharmaExamples from './data/pharma-examples.json';
import { defineRule } from '../src/rule/index.js';

const { products: exampleProducts, sources: PHARMA_SOURCES } = pharmaExamples;

interface Options {
  /** Markets whose code forbids promoting prescription-only medicines to the public. */
  markets: string[];
  /** Channels whose audience is not the public (an HCP-only email list, a helpline). */
  privateChannels: string[];
}

const WHERE = { text: 'in the text', hashtag: 'in the hashtag', mention: 'in the @-tag', link: 'in the link' } as const;

export default defineRule<Options>({
  meta: {
    id: 'prescription-only-public',
    description: 'A prescription-only medicine marketed in the UK is not named in a post to the public, in text, hashtags, @-tags or links.',
    severity: 'error',
    fixable: false,
    messages: {
      namedToPublic:
        '"{brand}" is a prescription-only medicine in the {market} market, named {where} of a public {channel} post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals',
    },
    schema: v.object({
      markets: v.array(v.string(), 'expected a list of market codes, e.g. ["UK", "GB"]'),
      privateChannels: v.array(v.string(), 'expected a list of channel ids, e.g. ["email", "helpline"]'),
    }),
    defaults: { markets: ['UK', 'GB'], privateChannels: ['email', 'helpline'] },
    docs: {
      why:
        "The ABPI Code of Practice (administered by the PMCPA) forbids promoting prescription-only medicines to the public in the UK, and the PMCPA's social media guidance counts links, hashtags and @-tags as part of a post: naming the brand in any of them on a public channel is promotion to the public. The rule applies to products with prescriptionOnly: true whose markets include one of the rule's markets (UK or GB by default); products without markets are not checked. Every channel is public except the privateChannels option (email and helpline by default: set it to your HCP-only channels).",
      sources: PHARMA_SOURCES,
      correct: [
        { text: 'Migraine can be treated: talk to your GP or pharmacist about the options.', channel: 'x', products: exampleProducts },
        { text: 'Norquell (tavoprazine): new prescribing information for specialists.', channel: 'email', products: exampleProducts },
      ],
      incorrect: [
        {
          text: 'Ask your GP about #Norquell for migraine.',
          channel: 'x',
          products: exampleProducts,
          messages: ['"Norquell" is a prescription-only medicine in the UK market, named in the hashtag #Norquell of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals'],
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
      report({ messageId: 'namedToPublic', data: { brand: hit.product.brand, market, where, channel: channel.name }, start: hit.start, end: hit.end });
    }
  },
});
