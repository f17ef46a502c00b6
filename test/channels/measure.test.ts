import { describe, expect, it } from 'vitest';
import { defineChannel, measure, PostlintConfigError } from '../../src/index.js';

// [channel, text, count, overflowStart?] — every channel's counting, checked by hand against each platform's rules.
const cases: [string, string, number, number?][] = [
  // X: 280 weighted; URLs 23, emoji 2 per sequence, CJK 2, Latin 1, NFC first.
  ['x', 'hello', 5],
  ['x', '👩🏽‍⚕️', 2], // ZWJ sequence with a skin tone: one emoji
  ['x', '🇬🇧🇫🇷', 4], // two flags
  ['x', '1️⃣', 2], // keycap
  ['x', '🐦‍🔥', 2], // a ZWJ sequence newer than twitter-text 3.1.0's list (it says 5)
  ['x', '你好世界', 8],
  ['x', 'e\u0301', 1], // NFD é is weighed as NFC é
  ['x', '©', 1], // text-style symbol, not an emoji
  ['x', '©️', 2], // with VS16 it is an emoji
  ['x', 'See https://example.org/a/very/long/path?x=1 now', 31],
  ['x', 'See example.org now', 31], // a URL without protocol counts 23 too
  ['x', 'a'.repeat(281), 281, 280],
  ['x', '你'.repeat(141), 282, 140],
  ['x', 'a'.repeat(279) + '😀', 281, 279],
  // X (140): twitter-text version1, every code point 1, no emoji parsing.
  ['x-140', '👩🏽‍⚕️', 5],
  ['x-140', '你好', 2],
  ['x-140', 'a'.repeat(141), 141, 140],
  // Bluesky: 300 graphemes and 3000 UTF-8 bytes.
  ['bluesky', '👩🏽‍⚕️ hi', 4],
  ['bluesky', 'e\u0301', 1],
  ['bluesky', 'a'.repeat(301), 301, 300],
  ['bluesky', '👨‍👩‍👧‍👦'.repeat(130), 130, 1320], // 130 graphemes but 3250 bytes: the bytes overflow at the 121st family
  // Mastodon: graphemes; http(s) URLs 23; @user@domain counts as @user (Account::MENTION_RE, Extractor).
  ['mastodon', 'Hi @alice@example.social!', 10],
  ['mastodon', 'See https://example.org/' + 'x'.repeat(100), 27],
  ['mastodon', 'See example.org', 15], // no protocol: Mastodon does not link it, so it counts as typed
  ['mastodon', '👩🏽‍⚕️'.repeat(501), 501, 3500],
  ['mastodon', '@arnt@grå.org', 5], // a domain may hold any Unicode letter, mark or digit
  ['mastodon', '@arnt@例え.テスト', 5],
  ['mastodon', '@nurse@clinic_٣.org', 6], // Arabic-Indic digit, connector punctuation
  ['mastodon', '@bob@' + 'a'.repeat(249) + '.org', 4], // a 253-character domain is a domain
  ['mastodon', '@bob@' + 'a'.repeat(250) + '.org', 259], // a 254-character one is not: the whole text counts
  ['mastodon', 'a =@bob@example.com', 19], // no mention right after "=", "/" or a word character
  ['mastodon', 'a /@bob@example.com', 19],
  ['mastodon', 'café@bob@example.com', 20],
  ['mastodon', 'é@bob@example.com', 17], // é is a word character
  ['mastodon', 'a (@bob@example.com)', 8],
  ['mastodon', '@noël@example.com', 17], // "@no" followed by a Latin accent is no mention
  ['mastodon', '@bob@example.com@x', 18], // nor one followed by an at sign
  ['mastodon', '@bob@example.com://x', 20], // nor one followed by "://"
  ['mastodon', '@Bob_1@Example.COM.', 7], // the user part ignores case; a final dot is not the domain's
  ['mastodon', 'https://example.org/@alice@example.social', 23], // a mention inside a URL is the URL's
  ['mastodon', '   \n\t', 0], // a blank status counts nothing
  ['mastodon', '\u0600@bob@example.com', 4], // a prepended mark joins the "@" of the rewritten mention
  // Threads: 500 characters, "Emojis are counted as the number of UTF-8 bytes" (Meta's Threads API, Posts).
  ['threads', '😀', 4],
  ['threads', '❤️', 6], // U+2764 U+FE0F: 3 + 3 bytes
  ['threads', '👨‍👩‍👧‍👦', 25], // four people and three joiners
  ['threads', '👍🏽', 8],
  ['threads', '🇬🇧', 8],
  ['threads', '1️⃣', 7],
  ['threads', '⌚', 3], // an emoji of one UTF-16 unit still counts its 3 bytes
  ['threads', '©', 1], // text-style symbols are characters, not emoji
  ['threads', 'é', 1],
  ['threads', '你好', 2],
  ['threads', '𝗙', 2], // not an emoji: its UTF-16 units
  ['threads', '😀'.repeat(125), 500],
  ['threads', '😀'.repeat(126), 504, 250], // overflows at the start of the 126th emoji, never inside it
  ['threads', 'a'.repeat(497) + '👨‍👩‍👧‍👦', 522, 497],
  // LinkedIn, Instagram, Facebook: UTF-16 code units (an HTML textarea's maxlength).
  ['linkedin', 'a'.repeat(3001), 3001, 3000],
  ['instagram', 'a'.repeat(2200), 2200],
  ['facebook', 'a'.repeat(63207), 63207, 63206],
  // SMS: parts; GSM-7 160/153, UCS-2 70/67, extension characters count 2.
  ['sms', 'a'.repeat(160), 1],
  ['sms', 'a'.repeat(161), 2, 160],
  ['sms', '€'.repeat(80), 1], // € is an extension character: 2 septets each, 160 in all
  ['sms', '€'.repeat(81), 2, 80],
  ['sms', 'a'.repeat(69) + 'ę', 1], // one non-GSM character: the whole message is UCS-2, 70 fit
  ['sms', 'a'.repeat(70) + 'ę', 2, 70],
  ['sms', 'a'.repeat(69) + '😀', 2, 69], // the emoji needs 2 UCS-2 units and cannot straddle the boundary
  // Long-form channels have no limit.
  ['email', 'a'.repeat(100000), 100000],
  ['helpline', '', 0],
];

describe('measure', () => {
  for (const [channel, text, count, overflowStart] of cases) {
    it(`${channel}: ${JSON.stringify(text.length > 24 ? text.slice(0, 24) + '…' : text)} counts ${count}`, () => {
      const m = measure(text, channel);
      expect(m.count).toBe(count);
      expect(m.overflowStart).toBe(overflowStart);
      expect(m.fits).toBe(overflowStart === undefined);
      expect(m.remaining).toBe(m.limit - count);
    });
  }

  it('reports units and limits per channel', () => {
    expect(measure('hi', 'x')).toEqual({ channel: 'x', count: 2, limit: 280, unit: 'weighted characters', remaining: 278, fits: true });
    expect(measure('hi', 'bluesky')).toMatchObject({ unit: 'graphemes', limit: 300, bytes: { count: 2, limit: 3000 } });
    expect(measure('hi', 'mastodon')).toMatchObject({ unit: 'characters', limit: 500 });
  });

  it('reports SMS encoding, characters per segment and the characters that force UCS-2', () => {
    expect(measure('Hello {world}', 'sms').sms).toEqual({ encoding: 'GSM-7', charactersPerSegment: 160, characters: 15, nonGsmCharacters: [] });
    expect(measure('Café – open 9–5 ę', 'sms').sms).toEqual({ encoding: 'UCS-2', charactersPerSegment: 70, characters: 17, nonGsmCharacters: ['–', 'ę'] });
    expect(measure('a'.repeat(71) + 'ę', 'sms').sms).toMatchObject({ encoding: 'UCS-2', charactersPerSegment: 67 });
  });

  it("counts Mastodon's content warning towards the limit", () => {
    const m = measure('a'.repeat(490), 'mastodon', { contentWarning: 'Spoiler: cancer' });
    expect(m).toMatchObject({ count: 505, fits: false, overflowStart: 485 });
  });

  it('takes custom channels: a Mastodon instance with 1000 characters, SMS with 3 parts, a counter function', () => {
    expect(measure('a'.repeat(900), defineChannel({ id: 'my-instance', extends: 'mastodon', limit: 1000 }))).toMatchObject({ count: 900, fits: true, limit: 1000 });
    expect(measure('a'.repeat(459), defineChannel({ id: 'sms-3', extends: 'sms', limit: 3 }))).toMatchObject({ count: 3, fits: true });
    expect(measure('a'.repeat(460), defineChannel({ id: 'sms-3', extends: 'sms', limit: 3 }))).toMatchObject({ count: 4, fits: false, overflowStart: 459 });
    expect(measure('one two three', defineChannel({ id: 'words', counter: (t) => t.split(' ').length, limit: 2 }))).toMatchObject({ count: 3, fits: false });
    expect(measure('a'.repeat(300), { ...defineChannel({ id: 'x-v2', counter: 'x-v2', limit: 280 }) })).toMatchObject({ count: 300, fits: false, overflowStart: 280 });
  });

  it('names the key and the fix for bad channels', () => {
    expect(() => measure('hi', 'tiktok')).toThrow(new PostlintConfigError('channel', 'unknown channel "tiktok"; use one of x, x-140, bluesky, mastodon, threads, linkedin, instagram, facebook, sms, email, web, helpline or defineChannel()'));
    expect(() => defineChannel({ id: 'a', limit: -1 })).toThrow(/^channel\.limit: /);
    expect(() => defineChannel({ id: 'a', extends: 'myspace' })).toThrow('channel.extends: unknown channel "myspace"');
    expect(() => defineChannel({ id: 'a', counter: 'bytes' as never })).toThrow(/^channel\.counter: /);
  });

  it('never points inside a surrogate pair or a grapheme', () => {
    expect(measure('a'.repeat(499) + '😀', 'threads').overflowStart).toBe(499);
    expect(measure('a'.repeat(499) + '𝗙', 'threads').overflowStart).toBe(499);
    expect(measure('a'.repeat(2999) + '😀', 'linkedin').overflowStart).toBe(2999);
  });
});
