import twitter, { type Entity as TwitterEntity, type TwitterTextConfig, type UrlEntity } from 'twitter-text';
import emojiRegex from 'emoji-regex';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import type { Counter, Entity } from '../types.js';
import { forEachCluster } from './graphemes.js';

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

export function twitterCounter(configName: TwitterConfigName): Counter {
  const config = twitterConfig(configName);
  return {
    unit: 'weighted characters',
    count: (text, limit, facts) => weighTweet(text, () => facts.urls(), config, limit),
  };
}

function urlEntities(found: UrlEntity[]): Entity[] {
  return found.map(({ url, indices }) => ({ type: 'url', text: url, start: indices[0], end: indices[1] }));
}

/**
 * twitter-text's entities with UTF-16 offsets. `urls` are every URL as X counts them, with protocol or
 * without; `entities` are URLs, mentions, hashtags and cashtags with overlaps removed, as X links them
 * (what extractEntitiesWithIndices returns, without extracting the URLs twice). With `urlsOnly`,
 * only the URLs a counter needs: the other three extractors cost twice as much again.
 */
export function extractEntities(text: string, { urlsOnly = false } = {}): { urls: Entity[]; entities: Entity[] } {
  if (text.length <= DOTTED_PIECE) return extractPiece(text, urlsOnly);
  const urls: Entity[] = [];
  const entities: Entity[] = [];
  for (const [start, end] of pieces(text)) {
    const piece = extractPiece(text.slice(start, end), urlsOnly);
    for (const entity of piece.urls) urls.push({ ...entity, start: entity.start + start, end: entity.end + start });
    for (const entity of piece.entities) entities.push({ ...entity, start: entity.start + start, end: entity.end + start });
  }
  return { urls, entities };
}

// twitter-text's URL pattern backtracks quadratically on long runs like "a.a.a.a": 5,000 characters
// took 0.1 s, 50,000 took 9 s, and its cost per character grows with the run (1,000 characters of
// NFD "e\u0301." cost 55 µs each, 256 of them 11 µs). So drafts are fed to it in pieces of about
// PIECE characters cut at white space (no entity contains any, and twitter-text treats a piece's
// start like a space); a longer run without white space is read whole, as twitter-text reads it,
// unless it holds more than MAX_DOTS_IN_ONE_PIECE dots (domain labels): such a run holds no real
// entity, and is cut every DOTTED_PIECE characters at a code point boundary.
const PIECE = 1000;
const DOTTED_PIECE = 256;
const MAX_DOTS_IN_ONE_PIECE = 64;

/** The pieces `extractEntities` gives twitter-text, as [start, end) ranges that cover the text in order. */
function pieces(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + PIECE, text.length);
    if (end < text.length) {
      let cut = end;
      while (cut > start + PIECE / 2 && !isSpace(text.charCodeAt(cut - 1))) cut--;
      if (cut > start + PIECE / 2) end = cut;
      else while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    }
    cutDottedRuns(text, start, end, found);
    start = end;
  }
  return found;
}

/** Adds [start, end) to `found`, with each long run of many dots in it cut every DOTTED_PIECE characters. */
function cutDottedRuns(text: string, start: number, end: number, found: [number, number][]): void {
  let pieceStart = start;
  for (let at = start; at < end; ) {
    if (isSpace(text.charCodeAt(at))) {
      at++;
      continue;
    }
    let runEnd = at;
    while (runEnd < end && !isSpace(text.charCodeAt(runEnd))) runEnd++;
    if (runEnd - at > DOTTED_PIECE && countDots(text, at, runEnd) > MAX_DOTS_IN_ONE_PIECE) {
      if (at > pieceStart) found.push([pieceStart, at]);
      for (let from = at; from < runEnd; ) {
        let to = Math.min(from + DOTTED_PIECE, runEnd);
        if (to < runEnd && (text.charCodeAt(to) & 0xfc00) === 0xdc00 && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
        found.push([from, to]);
        from = to;
      }
      pieceStart = runEnd;
    }
    at = runEnd;
  }
  if (pieceStart < end) found.push([pieceStart, end]);
}

function countDots(text: string, from: number, to: number): number {
  let dots = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 46) dots++;
  return dots;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0x2028 || code === 0x2029;
}

function extractPiece(text: string, urlsOnly: boolean): { urls: Entity[]; entities: Entity[] } {
  const rawUrls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true });
  if (urlsOnly) return { urls: urlEntities(rawUrls), entities: [] };
  const found: TwitterEntity[] = [
    ...rawUrls,
    ...twitter.extractMentionsOrListsWithIndices(text),
    ...twitter.extractHashtagsWithIndices(text, { checkUrlOverlap: false }),
    ...twitter.extractCashtagsWithIndices(text),
  ];
  if (found.length > 1) twitter.removeOverlappingEntities(found);
  const entities = found.map((entity): Entity => {
    const [start, end] = entity.indices;
    if ('url' in entity) return { type: 'url', text: entity.url, start, end };
    if ('hashtag' in entity) return { type: 'hashtag', text: entity.hashtag, start, end };
    if ('cashtag' in entity) return { type: 'cashtag', text: entity.cashtag, start, end };
    return { type: 'mention', text: entity.screenName, start, end };
  });
  return { urls: urlEntities(rawUrls), entities };
}
