import twitter, { type TwitterTextConfig } from 'twitter-text';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import type { Counter, Entity } from '../types.js';

export type TwitterConfigName = 'version1' | 'version2' | 'version3';

/** twitter-text's configs; parseTweet does not merge options with defaults, so callers spread defaults first. */
export function twitterConfig(name: TwitterConfigName): TwitterTextConfig {
  return { ...twitter.configs.defaults, ...twitter.configs[name] };
}

// An emoji cluster is anything pictographic, a flag or a keycap. A lone © or ® stays text: X weighs it 1.
const EMOJI_CLUSTER = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const TEXT_STYLE_SYMBOL = /^[\u00A9\u00AE]$/;

function isEmojiCluster(cluster: string): boolean {
  return EMOJI_CLUSTER.test(cluster) && !TEXT_STYLE_SYMBOL.test(cluster);
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
 * list (🐦‍🔥, 🧑‍🩰) weigh 2 like every other emoji instead of 2 per code point. Text is weighed in
 * NFC per cluster, as parseTweet normalises first, while offsets stay those of the original text.
 */
export function weighTweet(
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

  for (const { segment, index } of graphemeSegments(text)) {
    const end = index + segment.length;
    if (end <= skipUntil) continue;
    let from = Math.max(index, skipUntil);
    while (urlIndex < urls.length && urls[urlIndex]!.start < end) {
      const url = urls[urlIndex++]!;
      if (url.end <= from) continue;
      weighCodePoints(text.slice(from, Math.max(from, url.start)), from);
      add(config.transformedURLLength * config.scale, url.start);
      from = skipUntil = url.end;
    }
    if (from >= end) continue;
    const code = segment.charCodeAt(0);
    // Below U+0300 NFC changes nothing: the common case needs no normalisation.
    if (segment.length === 1 && code < 0x300 && from === index) {
      add(codePointWeight(code, config), index);
    } else if (from === index && config.emojiParsingEnabled && isEmojiCluster(segment)) {
      add(config.defaultWeight, index);
    } else {
      weighCodePoints(text.slice(from, end), from);
    }
  }
  return { count: weighted / config.scale, overflowStart };

  function weighCodePoints(part: string, offset: number) {
    if (part === '') return;
    const normalized = part.normalize('NFC');
    // Offsets inside a cluster that NFC changed cannot be kept; the cluster's start is exact enough.
    const keepOffsets = normalized === part;
    let at = offset;
    for (const char of normalized) {
      add(codePointWeight(char.codePointAt(0)!, config), keepOffsets ? at : offset);
      at += char.length;
    }
  }
}

export function twitterCounter(configName: TwitterConfigName): Counter {
  const config = twitterConfig(configName);
  return {
    unit: 'weighted characters',
    count: (text, limit, facts) => weighTweet(text, facts.urls(), config, limit),
  };
}

// twitter-text's URL pattern backtracks quadratically on long runs like "a.a.a.a": 5,000 characters
// took 0.1 s, 50,000 took 9 s. Longer drafts are fed to it in pieces cut at white space (no entity
// contains any, and twitter-text treats a piece's start like a space), or, in a run of more than
// PIECE characters without white space, at a code point boundary: such a run holds no real entity.
const PIECE = 1000;

/** Entities (URLs with protocol or without, mentions, hashtags, cashtags) as twitter-text finds them. */
export function extractEntities(text: string): Entity[] {
  if (text.length <= PIECE) return extractPiece(text, 0);
  const entities: Entity[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + PIECE, text.length);
    if (end < text.length) {
      let cut = end;
      while (cut > start + PIECE / 2 && !isSpace(text.charCodeAt(cut - 1))) cut--;
      if (cut > start + PIECE / 2) end = cut;
      else if ((text.charCodeAt(end) & 0xfc00) === 0xdc00 && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    }
    for (const entity of extractPiece(text.slice(start, end), start)) entities.push(entity);
    start = end;
  }
  return entities;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0x2028 || code === 0x2029;
}

function extractPiece(text: string, offset: number): Entity[] {
  const entities: Entity[] = [];
  for (const entity of twitter.extractEntitiesWithIndices(text, { extractUrlsWithoutProtocol: true })) {
    const [from, to] = entity.indices;
    const start = from + offset;
    const end = to + offset;
    if ('url' in entity) entities.push({ type: 'url', text: entity.url, start, end });
    else if ('hashtag' in entity) entities.push({ type: 'hashtag', text: entity.hashtag, start, end });
    else if ('cashtag' in entity) entities.push({ type: 'cashtag', text: entity.cashtag, start, end });
    else entities.push({ type: 'mention', text: entity.screenName, start, end });
  }
  return entities;
}
