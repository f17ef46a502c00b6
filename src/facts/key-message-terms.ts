import { compileLexicon, matchLexicon, type LexiconEntry } from './lexicon.js';
import { tokenize, type Word } from './words.js';
import { keyMessageLanguage, type KeyMessageLanguage } from './key-message-language.js';
import type { Language } from './language.js';

/** One unit of meaning in a text: a thesaurus concept (`c:early`) or the stem of a content word. */
export interface Term {
  key: string;
  /** Said in the negative ("not alone", "no charge", "unusual" = not normal). */
  negated: boolean;
  start: number;
  end: number;
  /** Index of the draft's sentence it is in. */
  sentence: number;
}

/** A word as the matcher reads it; its stem is `lower`, so the tokens are the words the thesaurus is matched on. */
interface Token {
  lower: string;
  reading: Reading;
  /** A clause ends between the previous token and this one: negation stops there. */
  clauseStart: boolean;
  start: number;
  end: number;
  sentence: number;
}

interface ConceptEntry extends LexiconEntry {
  concepts: { concept: string; negated: boolean }[];
}

// A negator reaches this many content terms, within its clause: "don't have to face dementia on your own".
const NEGATION_REACH = 3;
// Punctuation that ends a clause; a spaced dash does too ("Don't sit on it - ring your GP").
const CLAUSE_BREAK = /[.,;:!?()"“”…]|\s[-–—]\s|[–—]|\n/u;
// English clitics ("patient's", "we're"): the word without them.
const CLITIC = /'(?:s|re|ve|ll|d|m)$/u;

// Stop words keep their form ("us" is not "u"); the stemmer caches its own results.
function stemOf(word: string, language: KeyMessageLanguage): string {
  return language.stopWords.has(word) ? word : language.stem(word);
}

function normalise(lower: string, previous: string | undefined, language: KeyMessageLanguage): { stem: string; negator: boolean; lower: string } {
  // Most words have no apostrophe: skip the two replaces (a regex call per word of every draft).
  let word = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  let negator = language.negators.has(word);
  if (language.id === 'en') {
    // "little difference" denies, "a little help" does not.
    negator ||= word === 'little' && previous !== 'a';
    if (word.endsWith("n't")) {
      negator = true;
      word = word === "won't" ? 'will' : word === "can't" ? 'can' : word.slice(0, -3);
    }
    if (word.includes("'")) word = word.replace(CLITIC, '');
  }
  return { stem: stemOf(word, language), negator, lower: word };
}

/** What a word (after any elision) reads as in a language, whatever precedes it: looked up once per distinct word. */
interface Reading {
  stem: string;
  negator: boolean;
  stop: boolean;
  /** The token's stem starts a clause ("or", "but"). */
  clauseWord: boolean;
  /** The token's stem has a letter or digit: a content word when it is not a stop word. */
  wordlike: boolean;
}

// Readings by language and word: a draft's words are mostly words already read (the campaign's, the
// last keystroke's), and each costs a stem lookup, five set lookups and a regex. Bounded, like the stems.
const readings = new WeakMap<KeyMessageLanguage, Map<string, Reading>>();
const READINGS = 20_000;

function readingsOf(language: KeyMessageLanguage): Map<string, Reading> {
  let cache = readings.get(language);
  if (!cache) readings.set(language, (cache = new Map()));
  return cache;
}

function readingOf(lower: string, previous: string | undefined, language: KeyMessageLanguage, cache: Map<string, Reading>): Reading {
  // "little" is the one word whose reading depends on the word before it.
  if (lower === 'little') return readWord(lower, previous, language);
  let reading = cache.get(lower);
  if (!reading) {
    if (cache.size >= READINGS) cache.clear();
    cache.set(lower, (reading = readWord(lower, previous, language)));
  }
  return reading;
}

/** A word's reading, computed (readingOf keeps it). */
export function readWord(lower: string, previous: string | undefined, language: KeyMessageLanguage): Reading {
  const normal = normalise(lower, previous, language);
  const stem = normal.negator ? 'not' : normal.stem;
  return {
    stem,
    negator: normal.negator,
    stop: language.stopWords.has(normal.lower) || language.stopWords.has(normal.stem),
    clauseWord: language.clauseWords.has(stem),
    wordlike: /[\p{L}\p{N}]/u.test(stem),
  };
}

/** Whether the text between two words ends a clause: CLAUSE_BREAK on it, without slicing it for the usual single space. */
export function clauseBreakBetween(text: string, start: number, end: number): boolean {
  if (end - start === 1 && text.charCodeAt(start) === 32) return false;
  return CLAUSE_BREAK.test(text.slice(start, end));
}

function tokensOf(text: string, words: readonly Word[], language: KeyMessageLanguage): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: string | undefined;
  // Looked up once per text, not per word.
  const cache = readingsOf(language);
  const push = (lower: string, word: Word, start: number, clauseStart: boolean) => {
    const reading = readingOf(lower, previous, language, cache);
    tokens.push({ lower: reading.stem, reading, clauseStart, start, end: word.end, sentence: word.sentence });
  };
  for (const word of words) {
    const gapStart = previousEnd;
    previousEnd = word.end;
    // A hashtag names the campaign; it does not say its message.
    if (word.tag) continue;
    const clauseStart = clauseBreakBetween(text, gapStart, word.start);
    let lower = word.lower;
    // French elision: "l'âge" is "le âge", "n'attendez" is "ne attendez" (the clitic negates, the rest is the word).
    const clitic = language.elision?.exec(lower)?.[0];
    if (clitic) {
      if (language.negators.has(clitic.slice(0, -1))) push(clitic.slice(0, -1), word, word.start, clauseStart);
      lower = lower.slice(clitic.length);
    }
    push(lower, word, word.start + (clitic?.length ?? 0), clauseStart && !clitic);
    previous = lower;
  }
  return tokens;
}

// Each language's thesaurus compiled once, when a campaign's drafts in it are first read: phrases are stemmed like the text, and a phrase listed
// under several concepts yields them all.
const conceptsByLanguage = new Map<Language, ReturnType<typeof compileConcepts>>();

function conceptsOf(language: KeyMessageLanguage) {
  let compiled = conceptsByLanguage.get(language.id);
  if (!compiled) conceptsByLanguage.set(language.id, (compiled = compileConcepts(language)));
  return compiled;
}

function compileConcepts(language: KeyMessageLanguage) {
  const byPhrase = new Map<string, ConceptEntry>();
  const add = (phrase: string, concept: string, negated: boolean) => {
    const stems = stemsOf(phrase, tokenize(phrase.toLowerCase(), []), language).map((t) => t.stem);
    if (stems.length === 0) return;
    const key = stems.join(' ');
    const entry = byPhrase.get(key) ?? { phrases: [key], concepts: [] };
    if (!entry.concepts.some((c) => c.concept === concept)) entry.concepts.push({ concept, negated });
    byPhrase.set(key, entry);
  };
  for (const group of language.thesaurus) {
    const negatedPhrases = new Set(group.negatedPhrases ?? []);
    for (const phrase of group.phrases) add(phrase, group.concept, negatedPhrases.has(phrase));
    for (const phrase of negatedPhrases) add(phrase, group.concept, true);
  }
  return compileLexicon([...byPhrase.values()]);
}

/** A text read once in a language (the draft's): its terms, and every word's stem for word-for-word phrasings. */
export function readText(text: string, words: readonly Word[], language: KeyMessageLanguage = keyMessageLanguage()): { terms: Term[]; stems: { stem: string; end: number }[] } {
  const { terms, tokens } = readDraft(text, words, language);
  return { terms, stems: tokens.map((t) => ({ stem: t.lower, end: t.end })) };
}

/** Every word's stem and where it ends, in order: what readText's `stems` lists, without a copy per word. */
export type Stems = readonly { readonly lower: string; readonly end: number }[];

/** readText's terms, and the tokens its stems are read from (the draft's facts keep these). */
export function readDraft(text: string, words: readonly Word[], language: KeyMessageLanguage): { terms: Term[]; tokens: Stems } {
  const tokens = tokensOf(text, words, language);
  return { terms: termsOfTokens(tokens, language), tokens };
}

/** The terms of a text, in order: thesaurus concepts first (longest phrase wins), then content-word stems. */
export function termsOf(text: string, words: readonly Word[], language: KeyMessageLanguage = keyMessageLanguage()): Term[] {
  return termsOfTokens(tokensOf(text, words, language), language);
}

function termsOfTokens(tokens: readonly Token[], language: KeyMessageLanguage): Term[] {
  const hits = language.thesaurus.length ? matchLexicon(conceptsOf(language), tokens) : [];
  const terms: Term[] = [];
  let reach = 0;
  let hit = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const reading = token.reading;
    // Conjunctions start a new clause too: in "won't go away or unexplained weight loss" only "go away" is denied.
    if (token.clauseStart || reading.clauseWord) reach = 0;
    const found = hits[hit]?.firstWord === i ? hits[hit++] : undefined;
    if (found) {
      const negated = reach > 0;
      for (const { concept, negated: opposite } of found.entry.concepts) {
        terms.push({ key: 'c:' + concept, negated: negated !== opposite, start: found.start, end: found.end, sentence: token.sentence });
      }
      if (reach > 0) reach--;
      i = found.endWord;
      continue;
    }
    if (reading.negator) reach = NEGATION_REACH;
    else if (!reading.stop && reading.wordlike) {
      terms.push({ key: token.lower, negated: reach > 0, start: token.start, end: token.end, sentence: token.sentence });
      if (reach > 0) reach--;
    }
    i++;
  }
  return terms;
}

/** Every word's stem in order, stop words included (negators as "not"): for word-for-word `also` phrasings. */
export function stemsOf(text: string, words: readonly Word[], language: KeyMessageLanguage = keyMessageLanguage()): { stem: string; end: number }[] {
  return tokensOf(text, words, language).map((t) => ({ stem: t.lower, end: t.end }));
}
