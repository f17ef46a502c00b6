import type { Counter } from '../core/types.js';
import { countGraphemeClusters, type FixedCount } from './graphemes.js';

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

// `@user@domain` counts as `@user` on Mastodon (its MENTION_RE: the domain needs no dot). Each
// repetition starts with a separator, so the pattern cannot backtrack.
const REMOTE_MENTION = /(?<![\/\w])@(\w+(?:[.-]+\w+)*)@\w+(?:[.-]+\w+)*/gu;
const HTTP_URL = /^https?:\/\//i;

/**
 * Mastodon's server counts grapheme clusters after replacing every http(s) URL with 23 characters
 * and every remote mention with its local part (StatusLengthValidator).
 */
export const mastodonCounter: Counter = {
  unit: 'characters',
  count(text, limit, facts) {
    const fixed: FixedCount[] = [];
    for (const url of facts.urls()) {
      if (HTTP_URL.test(url.text)) fixed.push({ start: url.start, end: url.end, count: 23 });
    }
    for (const match of text.matchAll(REMOTE_MENTION)) {
      const local = 1 + match[1]!.length;
      fixed.push({ start: match.index!, end: match.index! + match[0].length, count: local });
    }
    fixed.sort((a, b) => a.start - b.start);
    // A mention inside a URL's query is part of the URL, as the server's entity extractor decides.
    let keptEnd = 0;
    const apart = fixed.filter((stretch) => stretch.start >= keptEnd && ((keptEnd = stretch.end), true));
    return countGraphemeClusters(text, limit, apart);
  },
};
