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
// splitSentences reads the same ends without it; the regex stays as their definition, tested against.
// The lookbehind starts a match only at the first mark of a run: without it, a run of n dots before a
// letter was tried from each dot, O(n²) (50,000 dots took 63 s).
export const SENTENCE_END = /(?<![.!?…])[.!?…]+["'’”)\]]*(?=\s|$)|\n/gu;

/** Words outside URLs and mentions, in order. */
export function tokenize(text: string, entities: readonly Entity[]): Word[] {
  return tokenizeDistinct(text, entities).words;
}

/**
 * `tokenize`'s words and, for a long draft, which of them are equal: `ids[i]` numbers the distinct
 * text of word i (0, 1, 2... in order of first use; `distinct` of them), so a pass over the words
 * can look each distinct word up once and the rest by index (see matchMergedLexicons).
 */
export function tokenizeDistinct(text: string, entities: readonly Entity[]): { words: Word[]; ids?: Int32Array; distinct: number } {
  let words: Word[] = [];
  // A long draft repeats its words: one string per distinct word, not per word, for its texts and lower forms.
  const distinct = text.length >= SHARED_TEXTS_FROM ? new Map<string, number>() : undefined;
  // A long draft's words are gathered in chunks and joined once, into a list of their exact length:
  // a list grown word by word leaves twice its size in outgrown copies, which only a full
  // collection frees (hundreds of thousands of words: megabytes at the heap's peak).
  const chunks: Word[][] | undefined = distinct ? [] : undefined;
  let count = 0;
  const texts: string[] = [];
  // The lower form of each distinct text, made at its first use: it depends on the text alone.
  const lowers: string[] = [];
  let ids = distinct ? new Int32Array(1024) : undefined;
  let next = 0;
  forEachWord(text, (start, end) => {
    while (next < entities.length && entities[next]!.end <= start) next++;
    const entity = entities[next];
    if (entity && entity.start < end && (entity.type === 'url' || entity.type === 'mention')) return;
    let raw = text.slice(start, end);
    let lower: string;
    if (distinct) {
      let id = distinct.get(raw);
      if (id === undefined) {
        distinct.set(raw, (id = texts.push(raw) - 1));
        lowers.push((lower = lowerFormAt(text, start, end, raw)));
      } else {
        raw = texts[id]!;
        lower = lowers[id]!;
      }
      if (count === ids!.length) {
        const grown = new Int32Array(ids!.length * 2);
        grown.set(ids!);
        ids = grown;
      }
      ids![count++] = id;
      if (words.length === WORDS_CHUNK) {
        chunks!.push(words);
        words = [];
      }
    } else lower = lowerFormAt(text, start, end, raw);
    // The tag in the literal, keys in the order of the words without one: no shape change after creation.
    if (entity && entity.start < end) words.push({ text: raw, lower, start, end, sentence: 0, tag: entity.type as 'hashtag' | 'cashtag' });
    else words.push({ text: raw, lower, start, end, sentence: 0 });
  });
  if (!ids) return { words, distinct: 0 };
  chunks!.push(words);
  return { words: ([] as Word[]).concat(...chunks!), ids: ids.slice(0, count), distinct: texts.length };
}

// Words per chunk of a long draft's list: 64 KB of references, under V8's large-object size.
const WORDS_CHUNK = 8192;

// From this many UTF-16 units (a post is at most a few thousand), tokenize shares equal word texts.
const SHARED_TEXTS_FROM = 100_000;

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
    forms.push(lowerFormAt(text, start, end, text.slice(start, end)));
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

/**
 * lowerForm of `word`, the text[start, end) of a word, read from its code units: a word of ASCII
 * without a capital is its own lower form. That is most words, and it skips toLowerCase, which in
 * a draft holding any character above U+00FF (an emoji, a curly quote) gets a two-byte slice and
 * then takes V8's ICU path, a new string each time, even when nothing changes.
 */
function lowerFormAt(text: string, start: number, end: number, word: string): string {
  let plain = true;
  for (let at = start; at < end && plain; at++) {
    const code = text.charCodeAt(at);
    plain = code < 65 || (code > 90 && code < 0x80);
  }
  if (plain) return word;
  if (end - start > LOWER_FORMS_LONGEST) return lowerForm(word);
  let lower = LOWER_FORMS.get(word);
  if (lower === undefined) {
    if (LOWER_FORMS.size >= LOWER_FORMS_KEPT) LOWER_FORMS.clear();
    LOWER_FORMS.set(word, (lower = lowerForm(word)));
  }
  return lower;
}

// The other words' lower forms, remembered across drafts: the same few thousand ("The", "NHS", "Über")
// recur, and a lookup costs a fraction of toLowerCase on a two-byte string. Bounded: cleared when full.
// Only short words: V8 copies a slice under 13 units, but a longer one points into its draft, and a
// remembered one would keep that draft alive.
const LOWER_FORMS = new Map<string, string>();
const LOWER_FORMS_KEPT = 4096;
const LOWER_FORMS_LONGEST = 12;

/**
 * Sentences (a line break ends one too: posts use lines as sentences), each with its words. Reads the
 * ends SENTENCE_END matches by scanning the code units once, without a match object per end.
 */
export function splitSentences(text: string, words: Word[]): Sentence[] {
  const sentences: Sentence[] = [];
  const length = text.length;
  let start = 0;
  let wordIndex = 0;
  for (let at = 0; at < length; ) {
    const code = text.charCodeAt(at);
    if (code === 10) {
      wordIndex = closeSentence(text, words, sentences, wordIndex, at);
      start = at++;
      continue;
    }
    // Whole runs of marks are read at once, so every run is met at its first mark, as the lookbehind asks.
    if (!isSentenceMark(code)) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < length && isSentenceMark(text.charCodeAt(end))) end++;
    while (end < length && isSentenceCloser(text.charCodeAt(end))) end++;
    if (end === length || isWhiteSpace(text.charCodeAt(end))) {
      wordIndex = closeSentence(text, words, sentences, wordIndex, end);
      start = end;
    }
    at = end;
  }
  if (start < length) closeSentence(text, words, sentences, wordIndex, length);
  return sentences;
}

/** Gives the words from `first` that start before `end` the next sentence, if there are any; returns the word after them. */
function closeSentence(text: string, words: Word[], sentences: Sentence[], first: number, end: number): number {
  let wordIndex = first;
  while (wordIndex < words.length && words[wordIndex]!.start < end) words[wordIndex++]!.sentence = sentences.length;
  if (wordIndex > first) {
    const from = words[first]!.start;
    sentences.push({ start: from, end, text: text.slice(from, end), firstWord: first, endWord: wordIndex });
  }
  return wordIndex;
}

// SENTENCE_END's classes, by code unit: . ! ? … ; closing " ' ’ ” ) ] ; and \s (all in the BMP).
const isSentenceMark = (code: number) => code === 46 || code === 33 || code === 63 || code === 0x2026;
const isSentenceCloser = (code: number) => code === 34 || code === 39 || code === 0x2019 || code === 0x201d || code === 41 || code === 93;
const isWhiteSpace = (code: number) =>
  code <= 32
    ? code === 32 || (code >= 9 && code <= 13)
    : code >= 0xa0 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff);
