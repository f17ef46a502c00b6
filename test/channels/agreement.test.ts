import { describe, expect, it } from 'vitest';
import twitter from 'twitter-text';
import { SegmentedMessage } from 'sms-segments-calculator';
import { measure } from '../../src/index.js';

// Thousands of generated posts: measure() must agree with each platform's own counter.
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const pieces = [
  'cancer', 'screening', 'Thank you', 'café', 'e\u0301', 'naïve', 'Straße', '€', '{', '~', '^', '\n', ' ', ' ', ' ', '.', '!', '?',
  '#WorldCancerDay', '#BowelCancer', '@CRUK', '@nurse_team', '$AAPL', 'https://example.org/get-checked?utm_source=x',
  'example.org/donate', 'http://t.co/abc', '😀', '❤️', '👍🏽', '🇬🇧', '👩‍⚕️', '👨‍👩‍👧‍👦', '1️⃣', '©', '你好', '日本語', '한국어', 'Привет',
  'مرحبا', '–', '“quoted”', '\u200d', 'ABC', '0808 800 4040',
];

function drafts(count: number, seed: number, maxPieces: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(next() * maxPieces);
    let text = '';
    for (let i = 0; i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  });
}

describe('measure agrees with the platforms on 2,000 generated posts per channel', () => {
  it('x and x-140 agree with twitter-text parseTweet (count and where the valid range ends)', () => {
    let over = 0;
    for (const [channel, config] of [['x', twitter.configs.version3], ['x-140', twitter.configs.version1]] as const) {
      for (const text of drafts(2000, 1, 120)) {
        const ours = measure(text, channel);
        const theirs = twitter.parseTweet(text, config);
        expect(ours.count, JSON.stringify(text)).toBe(theirs.weightedLength);
        if (!ours.fits && text.normalize('NFC') === text) {
          over++;
          expect(ours.overflowStart, JSON.stringify(text)).toBe(theirs.validRangeEnd + 1);
        }
      }
    }
    expect(over).toBeGreaterThan(200);
  });

  it('bluesky agrees with Intl.Segmenter and TextEncoder', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const encoder = new TextEncoder();
    for (const text of drafts(2000, 2, 150)) {
      const ours = measure(text, 'bluesky');
      expect(ours.count, text).toBe([...segmenter.segment(text)].length);
      expect(ours.bytes?.count, text).toBe(encoder.encode(text).length);
    }
  });

  it("mastodon agrees with the server's StatusLengthValidator, re-implemented from Mastodon's source", () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const next = random(3);
    let mentions = 0;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = 0, n = 1 + Math.floor(next() * 60); i < n; i++) text += mastodonPieces[Math.floor(next() * mastodonPieces.length)];
      const countable = mastodonCountableText(text);
      if (countable.length < text.length) mentions++;
      expect(measure(text, 'mastodon').count, JSON.stringify(text)).toBe([...segmenter.segment(countable)].length);
    }
    expect(mentions).toBeGreaterThan(1000);
  });

  it('threads counts as Meta says: emoji by their UTF-8 bytes, other characters as UTF-16 units', () => {
    const encoder = new TextEncoder();
    const emoji = new RegExp('\\p{RGI_Emoji}', 'gv');
    let over = 0;
    for (const text of drafts(2000, 6, 200)) {
      let expected = 0;
      let last = 0;
      for (const match of text.matchAll(emoji)) {
        expected += match.index! - last + encoder.encode(match[0]).length;
        last = match.index! + match[0].length;
      }
      expected += text.length - last;
      const ours = measure(text, 'threads');
      expect(ours.count, JSON.stringify(text)).toBe(expected);
      if (!ours.fits) over++;
    }
    expect(over).toBeGreaterThan(200);
  });

  it('sms agrees with sms-segments-calculator, and the text before overflowStart fits while one more character does not', () => {
    let over = 0;
    for (const text of drafts(2000, 4, 40)) {
      const ours = measure(text, 'sms');
      const theirs = new SegmentedMessage(text);
      expect(ours.count, text).toBe(text === '' ? 0 : theirs.segmentsCount);
      expect(ours.sms?.encoding).toBe(theirs.encodingName);
      expect(ours.sms?.characters, text).toBe(theirs.encodedChars.reduce((sum, c) => sum + c.codeUnits.length, 0));
      // Same code points; grapheme-splitter and unicode-segmenter may cluster a stray joiner differently.
      const codePoints = (characters: string[]) => new Set([...characters.join('')]);
      expect(codePoints(ours.sms!.nonGsmCharacters)).toEqual(codePoints(theirs.encodingName === 'UCS-2' ? theirs.getNonGsmCharacters() : []));
      if (ours.overflowStart !== undefined) {
        over++;
        expect(measure(text.slice(0, ours.overflowStart), 'sms').fits, text).toBe(true);
      }
    }
    expect(over).toBeGreaterThan(200);
  });

  it('for every short channel, the text before overflowStart fits', () => {
    for (const channel of ['x', 'x-140', 'bluesky', 'mastodon', 'threads', 'instagram']) {
      for (const text of drafts(300, 5, 400)) {
        const m = measure(text, channel);
        if (m.overflowStart === undefined) continue;
        expect(measure(text.slice(0, m.overflowStart), channel).fits, `${channel}: ${text}`).toBe(true);
      }
    }
  });
});

// Mastodon's StatusLengthValidator#countable_text, written from mastodon/mastodon's source for this
// test alone (app/validators/status_length_validator.rb, app/lib/extractor.rb, Account::MENTION_RE in
// app/models/account.rb): Ruby's [[:word:]] is \p{L}, \p{M}, \p{Nd} or \p{Pc}; USERNAME_RE is
// case-insensitive; twitter-text's end_mention_match and URL extraction (without protocol: false).
const RUBY_WORD = '[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]';
const USERNAME_RE = '[a-z0-9_]+([.-]+[a-z0-9_]+)*';
const MENTION_RE = new RegExp(`(?<![=/\\p{L}\\p{M}\\p{Nd}\\p{Pc}])@((${USERNAME_RE})(?:@${RUBY_WORD}+([.-]+${RUBY_WORD}+)*)?)`, 'giu');
const LATIN_ACCENTS = '\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253-\\u0254\\u0256-\\u0257\\u0259\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f\\u1e00-\\u1eff';
const END_MENTION_MATCH = new RegExp(`^(?:[@＠]|[${LATIN_ACCENTS}]+|:\\/\\/)`, 'u');

function mastodonCountableText(str: string): string {
  if (/^\p{White_Space}*$/u.test(str)) return '';
  type Found = { url?: string; screen_name?: string; indices: [number, number] };
  const entities: Found[] = twitter.extractUrlsWithIndices(str, { extractUrlsWithoutProtocol: false }).map(({ url, indices }) => ({ url, indices }));
  for (const match of str.matchAll(MENTION_RE)) {
    const after = str.slice(match.index! + match[0].length);
    if (END_MENTION_MATCH.test(after)) continue;
    const [, domain] = match[1]!.split('@');
    if (domain !== undefined && [...domain].length > 253) continue;
    entities.push({ screen_name: match[1]!, indices: [match.index!, match.index! + match[0].length] });
  }
  // twitter-text's remove_overlapping_entities: sort by start, drop any that overlaps the one kept before it.
  entities.sort((a, b) => a.indices[0] - b.indices[0]);
  const kept: Found[] = [];
  for (const entity of entities) if (!kept.length || kept[kept.length - 1]!.indices[1] <= entity.indices[0]) kept.push(entity);
  let result = '';
  let index = 0;
  for (const entity of kept) {
    result += str.slice(index, entity.indices[0]) + (entity.url ? 'x'.repeat(23) : `@${entity.screen_name!.split('@')[0]}`);
    index = entity.indices[1];
  }
  return result + str.slice(index);
}

const mastodonPieces = [
  ...pieces,
  '@alice@example.social', ' @bob@mastodon.online ', '@arnt@grå.org', ' @nurse@例え.テスト', '=@bob@example.com', '/@x@y.z', 'a@b.c',
  '@noël@example.com', ' @bob@example.com@x', '@bob@ex.com://', '@Bob_1@Example.COM.', ' @a.b-c@d-e.f_g ', '@bob@' + 'a'.repeat(250) + '.org ',
  '@bob@' + 'a'.repeat(249) + '.org ', 'https://example.org/@alice@example.social ', '\u0600@bob@example.com', '@@bob@x.y', '@bob@x.\u0301y', ' ',
];
