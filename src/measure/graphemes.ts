import { graphemeSegments } from 'unicode-segmenter/grapheme';

/** A stretch of text that counts as a fixed amount, e.g. a URL Mastodon counts as 23. */
export interface FixedCount {
  start: number;
  end: number;
  count: number;
}

/**
 * Counts grapheme clusters (unicode-segmenter: ~50x faster than Intl.Segmenter on Node 20), with
 * stretches that count a fixed amount, and finds the first cluster past `limit`.
 */
export function countGraphemeClusters(
  text: string,
  limit: number,
  fixed: readonly FixedCount[] = [],
): { count: number; overflowStart?: number } {
  let count = 0;
  let overflowStart: number | undefined;
  let next = 0;
  let skipUntil = 0;
  for (const { segment, index } of graphemeSegments(text)) {
    if (index < skipUntil) continue;
    const stretch = fixed[next];
    if (stretch && index >= stretch.start) {
      next++;
      count += stretch.count;
      skipUntil = stretch.end;
    } else {
      count += 1;
      skipUntil = index + segment.length;
    }
    if (overflowStart === undefined && count > limit) overflowStart = index;
  }
  return { count, overflowStart };
}

/**
 * UTF-8 length without allocating an encoded copy (a lone surrogate encodes as U+FFFD, 3 bytes),
 * and the UTF-16 offset where it first passes `limit` bytes, never inside a surrogate pair.
 */
export function measureUtf8(text: string, limit: number): { bytes: number; overflowStart?: number } {
  let bytes = 0;
  let overflowStart: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const start = i;
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if ((code & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (overflowStart === undefined && bytes > limit) overflowStart = start;
  }
  return { bytes, overflowStart };
}
