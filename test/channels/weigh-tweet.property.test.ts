import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import emojiRegex from 'emoji-regex';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import type { TwitterTextConfig } from 'twitter-text';
import type { Entity } from '../../src/core/types.js';
import { twitterConfig, weighTweet } from '../../src/channels/twitter.js';
import { forEachCluster } from '../../src/channels/graphemes.js';
import { extractEntities } from '../../src/text/entities.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// weighTweet as it read before its ASCII fast path: every cluster through forEachCluster.
const EMOJI_SEQUENCE = new RegExp(emojiRegex().source, 'y');
const TEXT_STYLE_SYMBOL = /^[\u00A9\u00AE]$/;
function emojiLength(cluster: string, at: number): number {
  EMOJI_SEQUENCE.lastIndex = at;
  const match = EMOJI_SEQUENCE.exec(cluster);
  if (!match || TEXT_STYLE_SYMBOL.test(match[0])) return 0;
  return match[0].length;
}
function codePointWeight(codePoint: number, config: TwitterTextConfig): number {
  for (const range of config.ranges) if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  return config.defaultWeight;
}
function weighTweetByClusters(
  text: string,
  urls: readonly Entity[] | (() => readonly Entity[]),
  config: TwitterTextConfig,
  limit: number,
): { count: number; overflowStart?: number } {
  const normalized = text.normalize('NFC');
  // The text's own URLs only when it is NFC: otherwise those of its NFC form count, and extracting both would double the cost.
  if (normalized === text) return weighNormalizedByClusters(text, typeof urls === 'function' ? urls() : urls, config, limit);
  // Normalise cluster by cluster to keep a map from each offset of the NFC text back to the original.
  let nfc = '';
  const original: number[] = [];
  for (const { segment, index } of graphemeSegments(text)) {
    const cluster = segment.normalize('NFC');
    for (let k = 0; k < cluster.length; k++) original.push(cluster === segment ? index + k : index);
    nfc += cluster;
  }
  original.push(text.length);
  // The NFC text's URLs, found in pieces as every other extraction is: twitter-text is quadratic on long dotted runs.
  const weighed = weighNormalizedByClusters(nfc, extractEntities(nfc, { urlsOnly: true }).urls, config, limit);
  if (weighed.overflowStart === undefined) return weighed;
  return { count: weighed.count, overflowStart: original[weighed.overflowStart] };
}

function weighNormalizedByClusters(
  text: string,
  urls: readonly Entity[],
  config: TwitterTextConfig,
  limit: number,
): { count: number; overflowStart?: number } {
  const max = limit * config.scale;
  let weighted = 0;
  let overflowStart: number | undefined;
  let urlIndex = 0;
  let skipUntil = 0;

  const add = (weight: number, offset: number) => {
    weighted += weight;
    if (overflowStart === undefined && weighted > max) overflowStart = offset;
  };
  const weighCodePoints = (from: number, to: number) => {
    for (let at = from; at < to; ) {
      const codePoint = text.codePointAt(at)!;
      add(codePointWeight(codePoint, config), at);
      at += codePoint > 0xffff ? 2 : 1;
    }
  };

  forEachCluster(text, (segment, index) => {
    const end = index + segment.length;
    if (end <= skipUntil) return;
    let from = Math.max(index, skipUntil);
    while (urlIndex < urls.length && urls[urlIndex]!.start < end) {
      const url = urls[urlIndex++]!;
      if (url.end <= from) continue;
      weighCodePoints(from, Math.max(from, url.start));
      add(config.transformedURLLength * config.scale, url.start);
      from = skipUntil = url.end;
    }
    if (from >= end) return;
    if (!config.emojiParsingEnabled || (segment.length === 1 && segment.charCodeAt(0) < 0x80)) {
      weighCodePoints(from, end);
      return;
    }
    // Emoji inside the cluster weigh 2 each; what lies between them is weighed as text.
    for (let at = from - index; at < segment.length; ) {
      const emoji = emojiLength(segment, at);
      if (emoji > 0) {
        add(config.defaultWeight, index + at);
        at += emoji;
      } else {
        const codePoint = segment.codePointAt(at)!;
        add(codePointWeight(codePoint, config), index + at);
        at += codePoint > 0xffff ? 2 : 1;
      }
    }
  });
  return { count: weighted / config.scale, overflowStart };
}


const PARTS = ['a', ' ', '\r\n', '\r', '\n', 'e\u0301', '\u0301', '👩‍⚕️', '🇬🇧', '1️⃣', '#️⃣', '©', '®️', '\u200d', '\ufe0f', '\u2010', '\u2032', '\u2000', '漢', '\ud800', '𝗙', 'https://example.org/a', 'x.org', 'bit.ly/3', '#tag', '@jane'];
const texts = fc.oneof(drafts, fc.array(fc.constantFrom(...PARTS), { maxLength: 60 }).map((parts) => parts.join('')));
// URL lists as the extractor gives them, and arbitrary sorted ones (overlapping, empty, past the end).
const withUrls = texts.chain((text) =>
  fc.oneof(
    fc.constant([text, extractEntities(text, { urlsOnly: true }).urls] as const),
    fc
      .array(fc.tuple(fc.nat(text.length + 2), fc.nat(30)), { maxLength: 4 })
      .map((pairs) => [text, pairs.map(([start, length]): Entity => ({ type: 'url', text: '', start, end: start + length })).sort((a, b) => a.start - b.start)] as const),
  ),
);

describe('weighTweet with its ASCII fast path weighs as forEachCluster read it', () => {
  it('count and overflow offset, for each config and limit', () => {
    const configs = (['version1', 'version2', 'version3'] as const).map(twitterConfig);
    fc.assert(
      fc.property(withUrls, fc.integer({ min: 0, max: 300 }), fc.constantFrom(...configs), ([text, urls], limit, config) => {
        expect(weighTweet(text, urls, config, limit)).toEqual(weighTweetByClusters(text, urls, config, limit));
      }),
      { numRuns: 3000 },
    );
  });
});
