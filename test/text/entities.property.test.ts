import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import twitter, { type Entity as TwitterEntity } from 'twitter-text';
import { extractEntities } from '../../src/text/entities.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// The plain reading extractEntities had before its gates: all four extractors on the whole text.
function ungated(text: string) {
  const rawUrls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true });
  const found: TwitterEntity[] = [
    ...rawUrls,
    ...twitter.extractMentionsOrListsWithIndices(text),
    ...twitter.extractHashtagsWithIndices(text, { checkUrlOverlap: false }),
    ...twitter.extractCashtagsWithIndices(text),
  ];
  if (found.length > 1) twitter.removeOverlappingEntities(found);
  const entities = found.map((entity) => {
    const [start, end] = entity.indices;
    if ('url' in entity) return { type: 'url', text: entity.url, start, end };
    if ('hashtag' in entity) return { type: 'hashtag', text: entity.hashtag, start, end };
    if ('cashtag' in entity) return { type: 'cashtag', text: entity.cashtag, start, end };
    return { type: 'mention', text: entity.screenName, start, end };
  });
  return { urls: rawUrls.map(({ url, indices }) => ({ type: 'url', text: url, start: indices[0], end: indices[1] })), entities };
}

// What URLs, tags and their neighbours are made of, with every white space and dot twitter-text knows.
const PARTS = [
  'example.org', 'https://example.org/a?b=c#d', 'http://x.co', 'www.nhs.uk/x', 't.co/abcdefghij', 'bit.ly/3abc', 'EXAMPLE.COM', 'a.b', 'e.g.', 'no.5',
  'x.中国', 'éexample.org', ' éexample.org/x', ' \u0001x.org', ' \u007fx.org', ' (x.org)', ' -x.org', ' _x.org', ' /x.org', ' ＠x.org', ' \u202ax.org', 'Ωx.com', '€x.org', 'x.org', 'пример.рф', 'xn--80ak6aa92e.com', 'foo.xn--p1ai', 'ｅｘ．ｃｏｍ', 'a。com', 'a．com', '.com', '..org', 'a.', '.', 'ex\u00e4mple.de',
  '#tag', '＃タグ', '#1', '#tag.com', '@jane', '＠jane', '@a/list', 'RT:@x', '$ABC', '$1.5', 'a@b.org', 'RT@x', 'rt:@y', '.@z', 'é#tag', '&#x', '#\ufe0f', '#\u20e3', '\ufe0f#tag', 'a#b', '_@c', 'https://',  '://', '(', ')', ',', '/', '-', '_', '?',
  ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u3000', '\u2028', '\u2029', '\u200b', '\u202a', '\ufeff', '\u0085', '\u1680', '\u2003', '\u202f', '\ud83d\udc4d', '\ud800',
];
const urlish = fc.array(fc.oneof(fc.constantFrom(...PARTS), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('extractEntities: gated extractors give what all four on the whole text give', () => {
  // Up to 256 characters a draft is read in one piece: the gates are the only difference.
  const short = fc.oneof(urlish, drafts).map((text) => text.slice(0, 256));
  it('on random and adversarial drafts', () => {
    fc.assert(
      fc.property(short, (text) => {
        expect(extractEntities(text)).toEqual(ungated(text));
        expect(extractEntities(text, { urlsOnly: true }).urls).toEqual(ungated(text).urls);
      }),
      { numRuns: 3000 },
    );
  });

  it('on an entity after each BMP character after a space (the run read alone starts there)', () => {
    for (let code = 0; code < 0x10000; code++) {
      for (const tail of ['x.org/a', '#tag', 'T@jane']) {
        const text = `a ${String.fromCharCode(code)}${tail}`;
        const ours = extractEntities(text);
        const theirs = ungated(text);
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect(ours, text).toEqual(theirs);
      }
    }
  });

  it('calls no extractor for a draft without its sign, and reads only the runs holding a URL hint', () => {
    const calls: Record<string, string[]> = {};
    const names = ['extractUrlsWithIndices', 'extractMentionsOrListsWithIndices', 'extractHashtagsWithIndices', 'extractCashtagsWithIndices'] as const;
    for (const name of names) {
      const original = twitter[name] as (text: string, ...rest: unknown[]) => unknown;
      vi.spyOn(twitter, name).mockImplementation(((text: string, ...rest: unknown[]) => {
        (calls[name] ??= []).push(text);
        return original.call(twitter, text, ...rest);
      }) as never);
    }
    try {
      extractEntities('Thanks for your support. Call us today.');
      expect(calls).toEqual({});
      extractEntities('Read more at example.org/guide today. #Health');
      expect(calls).toEqual({ extractUrlsWithIndices: ['example.org/guide'], extractHashtagsWithIndices: ['#Health'] });
      extractEntities('Thanks @jane and RT@nhs, see bit.ly/x');
      expect(calls.extractMentionsOrListsWithIndices).toEqual(['@jane', 'RT@nhs,']);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('extractEntities: a long draft read in pieces gives what twitter-text gives on the whole', () => {
  // Words and entity parts between spaces: every run is short, so no dotted run is cut, and each
  // piece boundary falls after white space, where a piece starting with "é" once lost a character.
  const WORDS = ['Thanks', 'for', 'your', 'support', 'today.', 'é', 'éexample.org/x', 'Ωx.com', '€x.org', '\u0001x.org', 'naïve', '—'];
  const long = fc
    .array(fc.oneof(fc.constantFrom(...PARTS), fc.constantFrom(...WORDS)), { minLength: 250, maxLength: 700 })
    .map((parts) => parts.join(' '));
  it('on random long drafts', () => {
    fc.assert(
      fc.property(long, (text) => {
        expect(extractEntities(text)).toEqual(ungated(text));
      }),
      { numRuns: 200 },
    );
  });

  it('on a piece that starts with a non-ASCII letter glued to a domain', () => {
    const text = `${'a'.repeat(998)} éexample.org/x and more`;
    expect(extractEntities(text)).toEqual(ungated(text));
    expect(extractEntities(text).urls.map((url) => url.text)).toEqual(['éexample.org/x']);
  });
});
