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

  it("mastodon agrees with the server's rule: graphemes after URLs become 23 x's and remote mentions lose their domain", () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const withRemoteMentions = [...pieces, '@alice@example.social', ' @bob@mastodon.online '];
    const next = random(3);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = 0, n = 1 + Math.floor(next() * 60); i < n; i++) text += withRemoteMentions[Math.floor(next() * withRemoteMentions.length)];
      let countable = text;
      for (const { url, indices } of [...twitter.extractUrlsWithIndices(text)].reverse()) {
        if (/^https?:\/\//i.test(url)) countable = countable.slice(0, indices[0]) + 'x'.repeat(23) + countable.slice(indices[1]);
      }
      countable = countable.replace(/(^|[^/\w])@(\w+)@[\w.-]+\w/g, '$1@$2');
      expect(measure(text, 'mastodon').count, text).toBe([...segmenter.segment(countable)].length);
    }
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
