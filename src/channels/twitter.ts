import twitter, { type TwitterTextConfig } from 'twitter-text';
import emojiRegex from 'emoji-regex';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import type { Counter, Entity } from '../core/types.js';
import { extractEntities } from '../text/entities.js';
import { isAsciiBoundary } from './graphemes.js';

export type TwitterConfigName = 'version1' | 'version2' | 'version3';

/**
 * One of twitter-text's named configs, as parseTweet uses it when given that config: parseTweet does
 * not merge options with defaults, so version1 and version2 run without emoji parsing.
 */
export function twitterConfig(name: TwitterConfigName): TwitterTextConfig {
  const config = twitter.configs[name];
  return { ...config, emojiParsingEnabled: config.emojiParsingEnabled === true };
}

// The RGI emoji sequence a grapheme cluster starts with (emoji-regex follows Unicode's current list,
// where twitter-text 3.1.0's is years old). Whatever follows it in the cluster, such as a stray
// joiner or a combining mark, is weighed as text, as twitter-text does.
const EMOJI_SEQUENCE = new RegExp(emojiRegex().source, 'y');
// A lone © or ® without VS16 is text: X weighs it 1.
const TEXT_STYLE_SYMBOL = /^[\u00A9\u00AE]$/;

/** Length of the emoji sequence at `at` in a cluster, 0 when there is none. */
function emojiLength(cluster: string, at: number): number {
  EMOJI_SEQUENCE.lastIndex = at;
  const match = EMOJI_SEQUENCE.exec(cluster);
  if (!match || TEXT_STYLE_SYMBOL.test(match[0])) return 0;
  return match[0].length;
}

function codePointWeight(codePoint: number, config: TwitterTextConfig): number {
  for (const range of config.ranges) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  }
  return config.defaultWeight;
}

/**
 * X's weighted length, as twitter-text's parseTweet computes it, with one deliberate difference:
 * an emoji is found per grapheme cluster, so ZWJ sequences newer than twitter-text 3.1.0's emoji
 * list (🐦‍🔥, 🧑‍🩰) weigh 2 like every other emoji instead of 2 per code point. Like parseTweet it
 * weighs the NFC form of the text; `overflowStart` is an offset in the text as given.
 */
export function weighTweet(
  text: string,
  urls: readonly Entity[] | (() => readonly Entity[]),
  config: TwitterTextConfig,
  limit: number,
): { count: number; overflowStart?: number } {
  const normalized = text.normalize('NFC');
  // The text's own URLs only when it is NFC: otherwise those of its NFC form count, and extracting both would double the cost.
  if (normalized === text) return weighNormalized(text, typeof urls === 'function' ? urls() : urls, config, limit);
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
  const weighed = weighNormalized(nfc, extractEntities(nfc, { urlsOnly: true }).urls, config, limit);
  if (weighed.overflowStart === undefined) return weighed;
  return { count: weighed.count, overflowStart: original[weighed.overflowStart] };
}

function weighNormalized(
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

  const cluster = (segment: string, index: number) => {
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
  };

  // forEachCluster, with each cluster of one ASCII character (most of a draft) weighed here as
  // `cluster` weighs it, without a call per character: tested against forEachCluster's reading.
  // Past the limit, runs of them before the next URL are summed from a table in a tight loop.
  const ascii = asciiWeights(config);
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && (i + 1 === length || isAsciiBoundary(code, text.charCodeAt(i + 1)))) {
      if (i >= skipUntil && (urlIndex >= urls.length || urls[urlIndex]!.start > i)) {
        const stop = urlIndex < urls.length ? Math.min(urls[urlIndex]!.start, length) : length;
        let at = i;
        if (overflowStart === undefined) {
          // Within the limit and before the next URL, the same: its weight from the table, then the
          // limit tested, as add does, unit by unit until the run ends or the weight passes the limit.
          for (let unit = code; ; ) {
            weighted += ascii[unit]!;
            if (weighted > max) {
              overflowStart = at++;
              break;
            }
            at++;
            if (at >= stop) break;
            unit = text.charCodeAt(at);
            if (unit >= 0x80 || (at + 1 < length && !isAsciiBoundary(unit, text.charCodeAt(at + 1)))) break;
          }
          i = at;
          continue;
        }
        // Past the limit and before the next URL, a one-character cluster only adds its weight.
        let sum = 0;
        for (let unit = code; ; ) {
          sum += ascii[unit]!;
          at++;
          if (at >= stop) break;
          unit = text.charCodeAt(at);
          if (unit >= 0x80 || (at + 1 < length && !isAsciiBoundary(unit, text.charCodeAt(at + 1)))) break;
        }
        weighted += sum;
        i = at;
        continue;
      }
      if (i >= skipUntil) {
        let from = i;
        for (let url = urls[urlIndex]; url !== undefined && url.start <= i; url = urls[urlIndex]) {
          urlIndex++;
          if (url.end <= from) continue;
          add(config.transformedURLLength * config.scale, url.start);
          from = skipUntil = url.end;
        }
        if (from === i) add(ascii[code]!, i);
      }
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && !isAsciiBoundary(text.charCodeAt(end - 1), text.charCodeAt(end))) end++;
    for (const { segment, index } of graphemeSegments(text.slice(i, end))) cluster(segment, i + index);
    i = end;
  }
  return { count: weighted / config.scale, overflowStart };
}

// The weight of each ASCII code point in a config, as codePointWeight gives it: read once per config.
const ASCII_WEIGHTS = new WeakMap<TwitterTextConfig, Float64Array>();
function asciiWeights(config: TwitterTextConfig): Float64Array {
  let weights = ASCII_WEIGHTS.get(config);
  if (!weights) {
    weights = new Float64Array(0x80);
    for (let code = 0; code < 0x80; code++) weights[code] = codePointWeight(code, config);
    ASCII_WEIGHTS.set(config, weights);
  }
  return weights;
}

export function twitterCounter(configName: TwitterConfigName): Counter {
  const config = twitterConfig(configName);
  return {
    unit: 'weighted characters',
    count: (text, limit, facts) => weighTweet(text, () => facts.urls(), config, limit),
  };
}
