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
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
// A sentence ends at . ! ? … (with closing quotes or brackets) before white space, or at a line break.
// The lookbehind starts a match only at the first mark of a run: without it, a run of n dots before a
// letter was tried from each dot, O(n²) (50,000 dots took 63 s).
const SENTENCE_END = /(?<![.!?…])[.!?…]+["'’”)\]]*(?=\s|$)|\n/gu;

/** Words outside URLs and mentions, in order. */
export function tokenize(text: string, entities: readonly Entity[]): Word[] {
  const words: Word[] = [];
  let next = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    while (next < entities.length && entities[next]!.end <= start) next++;
    const entity = entities[next];
    let tag: Word['tag'];
    if (entity && entity.start < end) {
      if (entity.type === 'url' || entity.type === 'mention') continue;
      tag = entity.type;
    }
    const word: Word = { text: raw, lower: lowerForm(raw), start, end, sentence: 0 };
    if (tag) word.tag = tag;
    words.push(word);
  }
  return words;
}

/**
 * The lower-case form of each word `tokenize` finds outside URLs, mentions, hashtags and cashtags
 * (its words without a tag), without building the words: what language detection reads.
 */
export function plainWordForms(text: string, entities: readonly Entity[]): string[] {
  const forms: string[] = [];
  let next = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index!;
    while (next < entities.length && entities[next]!.end <= start) next++;
    const entity = entities[next];
    if (entity && entity.start < start + match[0].length) continue;
    forms.push(lowerForm(match[0]));
  }
  return forms;
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
