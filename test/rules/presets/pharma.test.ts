import { describe, expect, it } from 'vitest';
import { lint, type ChannelId, type LintOptions, type Product } from '../../../src/index.js';

// Fictional products (never real brands): a US biologic, a UK prescription-only medicine, and a
// second US product that shares a risk phrase with the first.
const zelvaxa: Product = {
  brand: 'Zelvaxa',
  established: 'zelvarimab',
  riskInfo: ['serious infections', 'liver injury'],
  riskUrl: 'https://example.com/zelvaxa/risk',
  prescriptionOnly: true,
  markets: ['US'],
};
const norquell: Product = {
  brand: 'Norquell',
  established: 'tavoprazine',
  riskInfo: ['serotonin syndrome'],
  riskUrl: 'https://example.com/norquell/safety',
  prescriptionOnly: true,
  markets: ['UK'],
};
const dermavance: Product = {
  brand: 'Dermavance',
  established: 'lorecitinib',
  riskInfo: ['serious infections'],
  riskUrl: 'https://example.com/dermavance/important-safety-information',
};
const options: LintOptions = { preset: 'pharma', products: [zelvaxa, norquell, dermavance] };

const RISK = '"serious infections" and "liver injury"';
const LINK = 'https://example.com/zelvaxa/risk';
// FDA's own example ("NoFocus (rememberine) for mild to moderate memory loss–May cause seizures in
// patients with a seizure disorder www.nofocus.com/risk") is 130 characters; this one is 134.
const FDA_LENGTH = `Zelvaxa (zelvarimab) reduces flares of plaque psoriasis–May cause serious infections and liver injury ${LINK}`;

interface Case {
  name: string;
  text: string;
  channel?: ChannelId;
  messages: string[];
}

const cases: Case[] = [
  { name: 'compliant post of FDA-example length on X', text: FDA_LENGTH, messages: [] },
  { name: 'compliant post of FDA-example length on X (140)', text: FDA_LENGTH, channel: 'x-140', messages: [] },
  {
    name: 'compliant, names in any case, risk link with www., trailing slash and a tracking query',
    text: 'ZELVAXA (Zelvarimab) helps clear plaque psoriasis. Serious infections and liver injury can happen. https://www.example.com/zelvaxa/risk/?utm_source=x',
    // The risk link counts despite its tracking query; link-tracking (in recommended) still asks to drop it.
    messages: ['Tracking codes in this link (utm_source): remove them; the page opens the same without them'],
  },
  { name: 'reminder post without a claim', text: 'Zelvaxa (zelvarimab). Ask your doctor about psoriasis care.', messages: [] },
  { name: 'a word that only starts with the brand is not the brand', text: 'Zelvaxan reduces flares.', messages: [] },
  {
    name: 'benefit claim without risk',
    text: `Zelvaxa (zelvarimab) reduces plaque psoriasis flares. ${LINK}`,
    messages: [`"Zelvaxa" with the benefit claim "reduces" but not its risk information in this post: add ${RISK}`],
  },
  {
    name: 'benefit claim with only one of two risks',
    text: `Zelvaxa (zelvarimab) reduces plaque psoriasis flares. May cause serious infections. ${LINK}`,
    messages: ['"Zelvaxa" with the benefit claim "reduces" but not its risk information in this post: add "liver injury"'],
  },
  {
    name: 'risk only in the second post of a thread (--- separator)',
    text: `Zelvaxa (zelvarimab) reduces plaque psoriasis flares. ${LINK}\n\n---\n\nZelvaxa (zelvarimab) may cause serious infections and liver injury.`,
    messages: [`"Zelvaxa" with the benefit claim "reduces" but its risk information only in post 2 of the thread: add ${RISK} to this post (post 1); a thread does not count`],
  },
  {
    name: 'risk only in the second post of a thread (1/2 numbering)',
    text: `Zelvaxa (zelvarimab) reduces plaque psoriasis flares. ${LINK} 1/2\nZelvaxa (zelvarimab) may cause serious infections and liver injury. 2/2`,
    messages: [`"Zelvaxa" with the benefit claim "reduces" but its risk information only in post 2 of the thread: add ${RISK} to this post (post 1); a thread does not count`],
  },
  {
    name: 'missing established name',
    text: `Zelvaxa reduces plaque psoriasis flares. May cause serious infections and liver injury. ${LINK}`,
    messages: ['"Zelvaxa" without its established name "zelvarimab": write "Zelvaxa (zelvarimab)"'],
  },
  {
    name: 'missing link',
    text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. May cause serious infections and liver injury.',
    messages: [`"Zelvaxa" with the benefit claim "reduces" but no link to its risk information: add ${LINK}`],
  },
  {
    name: 'a risk-looking link that is not the product risk page',
    text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. May cause serious infections and liver injury. https://example.com/psoriasis/side-effects',
    messages: [`"Zelvaxa" links to https://example.com/psoriasis/side-effects for its risk information, not to its risk page ${LINK}: check that the page is devoted to the risks of Zelvaxa`],
  },
  {
    name: 'a percentage of improvement is a claim',
    text: `Zelvaxa (zelvarimab): 75% of adults had fewer flares at week 16. ${LINK}`,
    messages: [`"Zelvaxa" with the benefit claim "75%" but not its risk information in this post: add ${RISK}`],
  },
  {
    name: 'brand and claim in a camelCase hashtag',
    text: `Psoriasis season again. #ZelvaxaWorks ${LINK}`,
    messages: [
      '"Zelvaxa" without its established name "zelvarimab": write "Zelvaxa (zelvarimab)"',
      `"Zelvaxa" with the benefit claim "Works" but not its risk information in this post: add ${RISK}`,
    ],
  },
  {
    name: 'brand only in a link slug, with a claim',
    text: 'Clear skin can start today: https://example.com/zelvaxa',
    messages: [
      `"Zelvaxa" with the benefit claim "Clear skin" but not its risk information in this post: add ${RISK}`,
      `"Zelvaxa" with the benefit claim "Clear skin" but no link to its risk information: add ${LINK}`,
      '"Zelvaxa" without its established name "zelvarimab": write "Zelvaxa (zelvarimab)"',
    ],
  },
  {
    name: 'two products sharing a risk phrase each see it',
    text: 'Dermavance (lorecitinib) relieves eczema itch. Risk of serious infections. https://example.com/dermavance/important-safety-information',
    messages: [],
  },
  {
    name: 'UK public post naming a prescription-only medicine in text, hashtag, @-tag and link',
    text: 'Living with migraine? Ask your GP about Norquell (tavoprazine). #Norquell @NorquellUK https://example.com/norquell',
    messages: [
      '"Norquell" is a prescription-only medicine in the UK market, named in the text of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals',
      '"Norquell" is a prescription-only medicine in the UK market, named in the hashtag #Norquell of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals',
      '"Norquell" is a prescription-only medicine in the UK market, named in the @-tag @NorquellUK of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals',
      '"Norquell" is a prescription-only medicine in the UK market, named in the link https://example.com/norquell of a public X post: the ABPI Code forbids promoting it to the public: remove it, or post it only where the audience is healthcare professionals',
    ],
  },
  { name: 'UK prescription-only medicine on a private channel (email)', text: 'Norquell (tavoprazine): updated prescribing information.', channel: 'email', messages: [] },
  {
    name: 'claim, risks, names and link cannot fit X (140)',
    text: 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares and helps clear skin within 12 weeks for most adults in our studies. See our site.',
    channel: 'x-140',
    messages: [
      '"Zelvaxa" with the benefit claim "reduces" cannot be balanced on X (140): the claim, its risks ("serious infections" and "liver injury"), "Zelvaxa (zelvarimab)" and the link https://example.com/zelvaxa/risk need at least 177 weighted characters, over the limit of 140. Use a longer-form channel (helpline, email, web) or a reminder post that names Zelvaxa without a claim',
      `"Zelvaxa" with the benefit claim "reduces" but no link to its risk information: add ${LINK}`,
    ],
  },
];

describe('pharma preset with fictional products', () => {
  it('models the compliant post on the length of FDA’s example', () => {
    expect(FDA_LENGTH.length).toBe(134);
    expect(lint({ text: FDA_LENGTH, channel: 'x-140' }, options).measure.count).toBe(125);
  });

  for (const { name, text, channel, messages } of cases) {
    it(name, () => {
      const result = lint({ text, channel: channel ?? 'x' }, options);
      expect(result.messages.map((m) => m.message)).toEqual(messages);
    });
  }

  it('reports the claim, the brand and the tag where they are', () => {
    const text = `Zelvaxa (zelvarimab) reduces plaque psoriasis flares. ${LINK}`;
    const [risk] = lint({ text, channel: 'x' }, options).messages;
    expect(risk).toMatchObject({ ruleId: 'fair-balance', severity: 'error', start: { line: 1, column: 22, offset: 21 }, end: { offset: 28 } });

    const thread = `Zelvaxa (zelvarimab) reduces flares. ${LINK}\n\n---\n\nZelvaxa may cause serious infections and liver injury.`;
    const missingName = lint({ text: thread, channel: 'x' }, options).messages.find((m) => m.ruleId === 'established-name');
    expect(missingName).toMatchObject({ start: { line: 5, column: 1 }, end: { line: 5, column: 8 } });

    const tag = lint({ text: 'Ask about #Norquell', channel: 'x' }, options).messages;
    expect(tag.map((m) => [m.ruleId, m.start.offset, m.end.offset])).toEqual([
      ['established-name', 11, 19],
      ['prescription-only-public', 11, 19],
    ]);
  });

  it('grades a risk-looking link that is not the risk page as a warning', () => {
    const text = 'Zelvaxa (zelvarimab) reduces flares. May cause serious infections and liver injury. https://example.com/safety';
    const messages = lint({ text, channel: 'x' }, options).messages;
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['risk-link', 'warning']]);
  });

  it('suggests the established name after the brand', () => {
    const text = `Zelvaxa reduces flares. May cause serious infections and liver injury. ${LINK}`;
    const [message] = lint({ text, channel: 'x' }, options).messages;
    expect(message!.suggestions).toEqual([{ title: 'Add "(zelvarimab)" after Zelvaxa', fix: { edits: [{ range: [7, 7], text: ' (zelvarimab)' }] } }]);
  });

  it('runs nothing pharma-specific without products', () => {
    const text = `Zelvaxa reduces plaque psoriasis flares.`;
    expect(lint({ text, channel: 'x' }, { preset: 'pharma' }).messages).toEqual([]);
  });

  it('applies prescription-only-public to the markets and channels configured', () => {
    const text = 'Ask your doctor about Zelvaxa (zelvarimab).';
    expect(lint({ text, channel: 'x' }, options).messages).toEqual([]);
    const us = lint({ text, channel: 'x' }, { ...options, rules: { 'prescription-only-public': ['error', { markets: ['US'] }] } });
    expect(us.messages.map((m) => m.message)).toEqual([
      '"Zelvaxa" is a prescription-only medicine in the US market, named in the text of a public X post: the markets option lists US as forbidding its promotion to the public: remove it, or post it only where the audience is healthcare professionals',
    ]);
    const linkedinPrivate = lint(
      { text: 'Norquell (tavoprazine) for migraine.', channel: 'linkedin' },
      { ...options, rules: { 'prescription-only-public': ['error', { privateChannels: ['linkedin'] }] } },
    );
    expect(linkedinPrivate.messages).toEqual([]);
  });
});
