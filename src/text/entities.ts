import twitter, { type Entity as TwitterEntity, type UrlEntity } from 'twitter-text';
import type { Entity } from '../core/types.js';

export function urlEntities(found: UrlEntity[]): Entity[] {
  return found.map(({ url, indices }) => ({ type: 'url', text: url, start: indices[0], end: indices[1] }));
}

/**
 * twitter-text's entities with UTF-16 offsets. `urls` are every URL as X counts them, with protocol or
 * without; `entities` are URLs, mentions, hashtags and cashtags with overlaps removed, as X links them
 * (what extractEntitiesWithIndices returns, without extracting the URLs twice). With `urlsOnly`,
 * only the URLs a counter needs: the other three extractors cost twice as much again.
 */
export function extractEntities(text: string, { urlsOnly = false } = {}): { urls: Entity[]; entities: Entity[] } {
  if (text.length <= PIECE) return extractPiece(text, urlsOnly);
  const urls: Entity[] = [];
  const entities: Entity[] = [];
  let start = 0;
  let dottyRunEnd = 0;
  while (start < text.length) {
    let end = Math.min(start + PIECE, text.length);
    if (end < text.length) {
      let cut = end;
      while (cut > start + PIECE / 2 && !isSpace(text.charCodeAt(cut - 1))) cut--;
      if (cut > start + PIECE / 2) end = cut;
      else {
        // A long run without white space: twitter-text is slow only on runs of many dots (domain
        // labels), so a run with few is read whole, as twitter-text reads it. Each run is scanned once.
        if (start >= dottyRunEnd) {
          let runEnd = end;
          while (runEnd < text.length && !isSpace(text.charCodeAt(runEnd))) runEnd++;
          if (countDots(text, start, runEnd) <= MAX_DOTS_IN_ONE_PIECE) end = runEnd;
          else dottyRunEnd = runEnd;
        }
        if (end < dottyRunEnd && (text.charCodeAt(end) & 0xfc00) === 0xdc00 && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      }
    }
    const piece = extractPiece(text.slice(start, end), urlsOnly);
    for (const entity of piece.urls) urls.push({ ...entity, start: entity.start + start, end: entity.end + start });
    for (const entity of piece.entities) entities.push({ ...entity, start: entity.start + start, end: entity.end + start });
    start = end;
  }
  return { urls, entities };
}

// twitter-text's URL pattern backtracks quadratically on long runs like "a.a.a.a": 5,000 characters
// took 0.1 s, 50,000 took 9 s. Longer drafts are fed to it in pieces cut at white space (no entity
// contains any, and twitter-text treats a piece's start like a space), or, in a run of more than
// PIECE characters without white space, at a code point boundary: such a run holds no real entity.
const PIECE = 1000;
const MAX_DOTS_IN_ONE_PIECE = 64;

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
