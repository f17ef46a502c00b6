import type { Entity } from '../core/types.js';

export interface Word {
  /** As written. */
  text: string;
  /** Lower case, curly apostrophes straightened: what lexicons match against. */
  lower: string;
  start: number;
  end: number;
  /** Set when the word is the body of a hashtag or cashtag. */
  tag?: 'hashtag' | 'cashtag';
  /** Index of the sentence the word belongs to. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Indices into the word list: words[firstWord] up to, not including, words[endWord]. */
  firstWord: number;
  endWord: number;
}

// Letters, marks and digits, with inner apostrophes ("isn't", "patient’s"): no nested quantifier can overlap.
// forEachWord reads the same words without it; the regex stays as their definition, tested against.
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
// A sentence ends at . ! ? … (with closing quotes or brackets) before white space, or at a line break.
// The lookbehind starts a match only at the first mark of a run: without it, a run of n dots before a
// letter was tried from each dot, O(n²) (50,000 dots took 63 s).
const SENTENCE_END = /(?<![.!?…])[.!?…]+["'’”)\]]*(?=\s|$)|\n/gu;

/** Words outside URLs and mentions, in order. */
export function tokenize(text: string, entities: readonly Entity[]): Word[] {
  const words: Word[] = [];
  let next = 0;
  forEachWord(text, (start, end) => {
    while (next < entities.length && entities[next]!.end <= start) next++;
    const entity = entities[next];
    let tag: Word['tag'];
    if (entity && entity.start < end) {
      if (entity.type === 'url' || entity.type === 'mention') return;
      tag = entity.type;
    }
    const raw = text.slice(start, end);
    const word: Word = { text: raw, lower: lowerForm(raw), start, end, sentence: 0 };
    if (tag) word.tag = tag;
    words.push(word);
  });
  return words;
}

/**
 * The lower-case form of each word `tokenize` finds outside URLs, mentions, hashtags and cashtags
 * (its words without a tag), without building the words; with `maxLength`, only those of at most
 * that many UTF-16 units (lower-casing never shortens a string, so no longer word has a shorter form).
 */
export function plainWordForms(text: string, entities: readonly Entity[], maxLength = Infinity): string[] {
  const forms: string[] = [];
  let next = 0;
  forEachWord(text, (start, end) => {
    if (end - start > maxLength) return;
    while (next < entities.length && entities[next]!.end <= start) next++;
    const entity = entities[next];
    if (entity && entity.start < end) return;
    forms.push(lowerForm(text.slice(start, end)));
  });
  return forms;
}

/**
 * Calls `visit` with the [start, end) of each match of WORD, in order, without the regex: ASCII
 * from a table, other code points from a table filled as they are met (the regex for astral ones).
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  for (let at = 0; at < length; ) {
    let step = wordUnitLength(text, at);
    if (step === 0) {
      at += (text.charCodeAt(at) & 0xfc00) === 0xd800 && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = at;
    at += step;
    for (;;) {
      while (at < length && (step = wordUnitLength(text, at)) > 0) at += step;
      const code = text.charCodeAt(at);
      if ((code === 39 || code === 0x2019) && at + 1 < length && wordUnitLength(text, at + 1) > 0) at++;
      else break;
    }
    visit(start, at);
  }
}

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
// Per BMP code unit: 0 not yet known, 1 a letter, mark or digit, 2 not one.
const BMP_CLASS = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) BMP_CLASS[code] = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
const ASTRAL_CLASS = new Map<number, boolean>();

/** UTF-16 units of the letter, mark or digit at `at` (2 for an astral one), 0 when there is none. */
function wordUnitLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if ((code & 0xf800) !== 0xd800) {
    let known = BMP_CLASS[code]!;
    if (known === 0) BMP_CLASS[code] = known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1 ? 1 : 0;
  }
  // A lone surrogate is no letter; a pair is one code point.
  if (code >= 0xdc00 || (text.charCodeAt(at + 1) & 0xfc00) !== 0xdc00) return 0;
  const codePoint = text.codePointAt(at)!;
  let known = ASTRAL_CLASS.get(codePoint);
  if (known === undefined) ASTRAL_CLASS.set(codePoint, (known = WORD_CHARACTER.test(String.fromCodePoint(codePoint))));
  return known ? 2 : 0;
}

// Most words hold no curly apostrophe: skip the replace (a regex call per word) for them.
const lowerForm = (word: string) => (word.includes('’') ? word.toLowerCase().replace(/’/g, "'") : word.toLowerCase());

/** Sentences (a line break ends one too: posts use lines as sentences), each with its words. */
export function splitSentences(text: string, words: Word[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let wordIndex = 0;
  const close = (end: number) => {
    const first = wordIndex;
    while (wordIndex < words.length && words[wordIndex]!.start < end) words[wordIndex++]!.sentence = sentences.length;
    if (wordIndex > first) {
      const from = words[first]!.start;
      sentences.push({ start: from, end, text: text.slice(from, end), firstWord: first, endWord: wordIndex });
    }
    start = end;
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    close(match[0] === '\n' ? match.index! : match.index! + match[0].length);
  }
  if (start < text.length) close(text.length);
  return sentences;
}
