// A seeded generator of realistic drafts: health-charity news, fundraising, replies, questions,
// 20 to 600 characters, with hashtags, mentions, URLs, ZWJ and skin-tone emoji, some CJK and some
// Markdown. Written once to bench/data/ and reused, so every run measures the same text.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seeded } from './seeded.mjs';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
// Bump when the generator changes, so a stale corpus is regenerated rather than reused.
export const VERSION = 2;
export const SEED = 20260204;

const NEWS = [
  'New figures show {n} people in the UK were diagnosed with {cond} last year.',
  'Our researchers have found a faster way to spot {cond} in routine blood tests.',
  'Screening saves lives: {n} people were diagnosed early thanks to the programme.',
  'The government has confirmed funding for {n} new nurse specialists in {cond} care.',
  'Waiting times for {cond} treatment are the longest since records began.',
  "We're proud to launch our new guide to living well with {cond}.",
  'A new trial is recruiting people with {cond} across {n} hospitals.',
  'Today is World {Cond} Day. Know the signs, and speak to your GP if something feels wrong.',
  'Thank you to the {n} volunteers who staffed our helpline over the holidays.',
];
const FUNDRAISING = [
  'Could you run {n}k for people living with {cond}? Sign up today.',
  'Every £{n} you give funds an hour of specialist nurse time.',
  'Our {Cond} Walk is back! Join {n} supporters this spring.',
  "Thanks to you we raised £{n},000 for {cond} research. You're amazing!",
  'Donate £5 by text and help us answer one more call to our helpline.',
  'Bake, run, shave or swim: however you fundraise, you help people with {cond}.',
];
const REPLIES = [
  "Thanks for sharing your story, we're so sorry to hear about your diagnosis.",
  'Hi, please send us a DM and our nurses will get back to you.',
  'We hear you. Our helpline is open 9 to 5, Monday to Friday.',
  "So glad the guide helped! Let us know if there's anything else we can do.",
  'Great question! Our page on {cond} symptoms covers this.',
];
const QUESTIONS = [
  'Have you or a loved one been affected by {cond}? Tell us what support helped most.',
  'What would you ask a {cond} specialist nurse? Reply and we will answer the top {n}.',
  'Did you know the signs of {cond}? Take our 2-minute quiz.',
  'Where do you look for trusted health information online?',
];
const EXTRA = [
  'Find out more on our website.',
  'Our nurses are here for you.',
  'Please share to help us reach more people.',
  'Together we can beat {cond}.',
  'Early diagnosis makes a real difference.',
  "You don't have to face this alone.",
  'Read the full story below.',
  'Registered charity no. {n}.',
];
const SHORT = ['Thank you so much for this! 💙', 'So true, and so important 👏🏽', 'We agree with @WHO on this.', 'Happy #WorldCancerDay everyone!', 'Thanks for your support ❤️', 'Please DM us, we can help 📞'];
const CONDITIONS = ['breast cancer', 'bowel cancer', 'lung cancer', 'prostate cancer', 'diabetes', 'dementia', 'asthma', 'sepsis', 'stroke', 'heart disease'];
const HASHTAGS = ['#WorldCancerDay', '#BowelCancerAwareness', '#Dementia', '#Asthma', '#FundraisingFriday', '#NHS', '#HealthEquality', '#Sepsis', '#MentalHealthMatters', '#Research', '#Volunteers', '#MyStory'];
const MENTIONS = ['@NHSEngland', '@CancerResearchUK', '@macmillancancer', '@WHO', '@DHSCgovuk', '@BHFcharity', '@alzheimerssoc', '@AsthmaLungUK'];
const URLS = ['https://example.org/news/2026/screening-figures', 'https://www.example.org.uk/donate?utm_source=x&utm_campaign=spring', 'example.org/guide', 'https://bit.ly/3abcXYZ', 'https://example.com/help/symptoms#signs', 'www.example.net/walk'];
const EMOJI = ['❤️', '💙', '🎗️', '🙏', '👏🏽', '💪🏿', '🏃‍♀️', '👩🏾‍⚕️', '🧑‍🤝‍🧑', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🎉', '📞', '✅', '👉'];
const CJK = ['乳がん検診を受けましょう。', '早期発見が大切です。', '健康は何よりも大切です。', '请关注您的健康。', '유방암 검진을 받으세요.'];
const MARKDOWN = [
  'Join us **today** for {cond} awareness.',
  'Read [our guide](https://example.org/guide) to {cond}.',
  '## Update\nOur helpline hours have changed.',
  'Use `#WorldCancerDay` in your posts.',
  'This is *really* important news.',
  '- Check yourself\n- See your GP\n- Share this post',
];

/** One draft, 20 to 600 characters, from a seeded random source. */
function draft(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const fill = (s) => {
    const cond = pick(CONDITIONS);
    return s.replaceAll('{cond}', cond).replaceAll('{Cond}', cond.replace(/\b\w/g, (c) => c.toUpperCase())).replaceAll('{n}', String(1 + Math.floor(next() * 999)));
  };
  if (next() < 0.05) return pick(SHORT);
  const kind = next();
  const base = kind < 0.4 ? NEWS : kind < 0.6 ? FUNDRAISING : kind < 0.8 ? REPLIES : QUESTIONS;
  const parts = [];
  if (base === REPLIES && next() < 0.8) parts.push(pick(MENTIONS));
  parts.push(fill(pick(base)));
  const target = 20 + Math.floor(next() ** 1.6 * 580);
  let text = parts.join(' ');
  while (text.length < target) {
    const r = next();
    let add;
    if (r < 0.45) add = fill(pick(EXTRA));
    else if (r < 0.6) add = pick(HASHTAGS);
    else if (r < 0.7) add = pick(URLS);
    else if (r < 0.8) add = pick(EMOJI);
    else if (r < 0.85) add = pick(MENTIONS);
    else if (r < 0.93) add = pick(CJK);
    else if (r < 0.95) add = fill(pick(MARKDOWN));
    else add = '\n\n' + fill(pick(base));
    text += (add.startsWith('\n') ? '' : next() < 0.15 ? '\n' : ' ') + add;
  }
  if (text.length > 600) {
    // Cut at a space so no URL, emoji or surrogate pair is broken.
    const cut = text.lastIndexOf(' ', 600);
    text = text.slice(0, cut > 20 ? cut : 600);
  }
  return text;
}

export function generateCorpus(count = 10_000, seed = SEED) {
  const next = seeded(seed);
  return Array.from({ length: count }, () => draft(next));
}

const CHANNELS = ['x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'instagram', 'facebook', 'sms'];

/** A campaign plan in Markdown: YAML front matter, then one `## channel: label` section per draft. */
export function generateCampaign(count = 100, seed = SEED + 1) {
  const next = seeded(seed);
  const lines = [
    '---',
    'name: World Cancer Day 2026',
    'theme: United by unique',
    'hashtags: ["#WorldCancerDay"]',
    'link: https://example.org/worldcancerday',
    'keyMessages:',
    '  - id: early-diagnosis',
    '    text: Early diagnosis saves lives',
    '  - id: know-the-signs',
    '    text: Know the signs and symptoms',
    '  - id: helpline',
    '    text: Our nurses are here to help',
    '---',
    '',
    '# World Cancer Day 2026',
    '',
  ];
  for (let i = 0; i < count; i++) {
    const channel = CHANNELS[i % CHANNELS.length];
    lines.push(`## ${channel}: draft ${i + 1}`, '', draft(next).replace(/^#+ /gm, ''), '');
  }
  return lines.join('\n');
}

/** The corpus (one JSON string per line) and the campaign file, generated on first use and reused. */
export function ensureCorpus() {
  mkdirSync(DATA_DIR, { recursive: true });
  const corpusFile = join(DATA_DIR, 'corpus.jsonl');
  const campaignFile = join(DATA_DIR, 'campaign.md');
  const stampFile = join(DATA_DIR, 'corpus.stamp');
  const stamp = `v${VERSION} seed ${SEED}`;
  const fresh = existsSync(corpusFile) && existsSync(campaignFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (!fresh) {
    writeFileSync(corpusFile, generateCorpus().map((t) => JSON.stringify(t)).join('\n') + '\n');
    writeFileSync(campaignFile, generateCampaign());
    writeFileSync(stampFile, stamp);
  }
  const corpus = readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { corpus, corpusFile, campaignFile, campaign: readFileSync(campaignFile, 'utf8'), generated: !fresh };
}
