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
  if (text.length <= DOTTED_PIECE) return extractPiece(text, urlsOnly);
  const urls: Entity[] = [];
  const entities: Entity[] = [];
  for (const [pieceStart, end] of pieces(text)) {
    // A piece is read with the white space before it: twitter-text reads a text's first character
    // unlike one after a space ("éexample.org" gives "example.org", " éexample.org" the whole).
    const start = pieceStart > 0 && isSpace(text.charCodeAt(pieceStart - 1)) ? pieceStart - 1 : pieceStart;
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
  const rawUrls = inRuns(text, URL_HINT, 2, (run) => twitter.extractUrlsWithIndices(run, { extractUrlsWithoutProtocol: true }));
  if (urlsOnly) return { urls: urlEntities(rawUrls), entities: [] };
  const found: TwitterEntity[] = [
    ...rawUrls,
    ...inRuns(text, AT_SIGNS, 1, (run) => twitter.extractMentionsOrListsWithIndices(run)),
    ...inRuns(text, HASH_SIGNS, 1, (run) => twitter.extractHashtagsWithIndices(run, { checkUrlOverlap: false })),
    // twitter-text's own first test: no "$", no cashtag (and few drafts have one).
    ...(text.includes('$') ? twitter.extractCashtagsWithIndices(text) : []),
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

// What each extractor cannot find an entity without. A mention needs its at sign and a hashtag its
// hash sign (each extractor's own first test). Every URL has a domain ending in "." and a top-level
// domain (validDomainName then validGTLD, validCCTLD or validPunycode), each of which starts with an
// ASCII letter (matched case-insensitively) or a non-ASCII character; full-width and ideographic dots
// never make one (extractUrlsWithIndices returns nothing for a text without an ASCII "."). So a URL
// needs a "." followed by such a character: 95% of the bench drafts hold a ".", 41% this pair.
const URL_HINT = /\.[A-Za-z\u0080-\uFFFF]/g;
const AT_SIGNS = /[@\uFF20]/g;
const HASH_SIGNS = /[#\uFF03]/g;

/**
 * An extractor given only the runs without white space that hold its hint, its entities' offsets
 * moved back into the text: no entity holds white space, and what twitter-text finds in a run
 * depends on nothing before the space that precedes it, so they are those it finds in the whole text.
 */
function inRuns<E extends TwitterEntity>(text: string, hint: RegExp, hintLength: number, extract: (run: string) => E[]): E[] {
  const entities: E[] = [];
  hint.lastIndex = 0;
  // test, not exec: no match array per hint. Every hint is `hintLength` units long.
  while (hint.test(text)) {
    const at = hint.lastIndex - hintLength;
    let start = at;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    hint.lastIndex = end;
    // At a text's start twitter-text reads a first character that may precede an entity and be part
    // of one (a non-ASCII one like "é") as preceding it: "éexample.org" gives "example.org", and
    // " éexample.org" the whole. Such a run is read with the white space before it; any other first
    // character reads the same either way (tested on each), and a run's end reads as white space.
    const first = text.charCodeAt(start);
    if (start > 0 && (first >= 0x7f || first < 0x20)) start--;
    const run = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const entity of extract(run)) {
      if (start > 0) entity.indices = [entity.indices[0] + start, entity.indices[1] + start];
      entities.push(entity);
    }
  }
  return entities;
}
