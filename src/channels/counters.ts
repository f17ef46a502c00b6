import type { Counter } from '../core/types.js';
import { countGraphemeClusters } from './graphemes.js';

/** UTF-16 code units: what an HTML textarea's maxlength counts, so what web composers enforce. */
export const utf16Counter: Counter = {
  unit: 'characters',
  count(text, limit) {
    if (text.length <= limit) return { count: text.length };
    // Never point inside a surrogate pair.
    const low = (text.charCodeAt(limit) & 0xfc00) === 0xdc00 && (text.charCodeAt(limit - 1) & 0xfc00) === 0xd800;
    return { count: text.length, overflowStart: low ? limit - 1 : limit };
  },
};

export const graphemeCounter: Counter = {
  unit: 'graphemes',
  count: (text, limit) => countGraphemeClusters(text, limit),
};

// Mastodon's server (mastodon/mastodon): StatusLengthValidator counts the grapheme clusters of the
// text after its Extractor's http(s) URLs become 23 characters and its mentions lose their domain.
// Account::MENTION_RE, with Ruby's [[:word:]] (a letter, mark, decimal digit or connector):
//   (?<![=/[:word:]])@(([a-z0-9_]+([.-]+[a-z0-9_]+)*)(?:@[[:word:]]+([.-]+[[:word:]]+)*)?)   (user part /i)
// Each repetition starts with a separator, so the pattern cannot backtrack.
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const MENTION = new RegExp(`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([${WORD}]+(?:[.-]+[${WORD}]+)*))?`, 'giu');
// Extractor skips a match followed by twitter-text's end_mention_match (an at sign, a Latin accent, "://")
// and one whose domain is longer than MAX_DOMAIN_LENGTH characters.
const END_MENTION = /^(?:[@\uFF20\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]|:\/\/)/u;
const MAX_DOMAIN_LENGTH = 253;
const HTTP_URL = /^https?:\/\//i;
const URL_PLACEHOLDER = 'x'.repeat(23);
// `return '' if str.blank?`: ActiveSupport's blank is nothing but [[:space:]].
const BLANK = /^\p{White_Space}*$/u;

/** A stretch of the text Mastodon counts as something else: a URL as 23 x's, a mention as "@user". */
interface Rewrite {
  start: number;
  end: number;
  countable: string;
}

/** Mastodon's mentions, as Extractor.extract_mentions_or_lists_with_indices finds them, with what each counts as. */
function mastodonMentions(text: string): Rewrite[] {
  if (!text.includes('@')) return [];
  const found: Rewrite[] = [];
  for (const match of text.matchAll(MENTION)) {
    const end = match.index! + match[0].length;
    if (END_MENTION.test(text.slice(end, end + 3))) continue;
    const domain = match[2];
    if (domain !== undefined && codePoints(domain) > MAX_DOMAIN_LENGTH) continue;
    found.push({ start: match.index!, end, countable: '@' + match[1]! });
  }
  return found;
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xfc00) !== 0xdc00 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) count++;
  return count;
}

/**
 * Mastodon's count, as its StatusLengthValidator computes it: the text with every http(s) URL
 * rewritten as 23 characters and every mention as its local part, overlapping entities removed
 * (the first wins, as twitter-text's remove_overlapping_entities keeps it), counted in grapheme
 * clusters; a blank text counts nothing. `overflowStart` is mapped back to the text as given.
 */
export const mastodonCounter: Counter = {
  unit: 'characters',
  count(text, limit, facts) {
    if (BLANK.test(text)) return { count: 0 };
    const entities: Rewrite[] = mastodonMentions(text);
    for (const url of facts.urls()) {
      if (HTTP_URL.test(url.text)) entities.push({ start: url.start, end: url.end, countable: URL_PLACEHOLDER });
    }
    if (entities.length === 0) return countGraphemeClusters(text, limit);
    entities.sort((a, b) => a.start - b.start);
    let keptEnd = 0;
    const kept = entities.filter((entity) => entity.start >= keptEnd && ((keptEnd = entity.end), true));
    // The countable text, and for each stretch of it the offset in the text it comes from.
    let countable = '';
    const stretches: { at: number; from: number; literal: boolean }[] = [];
    let cursor = 0;
    for (const entity of kept) {
      stretches.push({ at: countable.length, from: cursor, literal: true });
      countable += text.slice(cursor, entity.start);
      stretches.push({ at: countable.length, from: entity.start, literal: false });
      countable += entity.countable;
      cursor = entity.end;
    }
    stretches.push({ at: countable.length, from: cursor, literal: true });
    countable += text.slice(cursor);
    const counted = countGraphemeClusters(countable, limit);
    if (counted.overflowStart === undefined) return { count: counted.count };
    let k = stretches.length - 1;
    while (stretches[k]!.at > counted.overflowStart) k--;
    const stretch = stretches[k]!;
    return { count: counted.count, overflowStart: stretch.literal ? stretch.from + counted.overflowStart - stretch.at : stretch.from };
  },
};
