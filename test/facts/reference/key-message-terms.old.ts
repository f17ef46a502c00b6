// The key-message reader as it was before its per-word readings were cached (commit 002471f), kept
// as the oracle the fast reader is compared with in key-message-fast-paths.property.test.ts.
import { compileLexicon, matchLexicon, type LexiconEntry } from '../../../src/facts/lexicon.js';
import { tokenize, type Word } from '../../../src/facts/words.js';
import { keyMessageLanguage, type KeyMessageLanguage } from '../../../src/facts/key-message-language.js';
import type { Language } from '../../../src/facts/language.js';

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

interface Token {
  stem: string;
  negator: boolean;
  stop: boolean;
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

function tokensOf(text: string, words: readonly Word[], language: KeyMessageLanguage): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: string | undefined;
  const push = (lower: string, word: Word, start: number, clauseStart: boolean) => {
    const normal = normalise(lower, previous, language);
    tokens.push({
      stem: normal.negator ? 'not' : normal.stem,
      negator: normal.negator,
      stop: language.stopWords.has(normal.lower) || language.stopWords.has(normal.stem),
      clauseStart,
      start,
      end: word.end,
      sentence: word.sentence,
    });
  };
  for (const word of words) {
    const gap = text.slice(previousEnd, word.start);
    previousEnd = word.end;
    // A hashtag names the campaign; it does not say its message.
    if (word.tag) continue;
    const clauseStart = CLAUSE_BREAK.test(gap);
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
  const tokens = tokensOf(text, words, language);
  return { terms: termsOfTokens(tokens, language), stems: tokens.map((t) => ({ stem: t.stem, end: t.end })) };
}

/** The terms of a text, in order: thesaurus concepts first (longest phrase wins), then content-word stems. */
export function termsOf(text: string, words: readonly Word[], language: KeyMessageLanguage = keyMessageLanguage()): Term[] {
  return termsOfTokens(tokensOf(text, words, language), language);
}

function termsOfTokens(tokens: readonly Token[], language: KeyMessageLanguage): Term[] {
  const stemmed: Word[] = tokens.map((t) => ({ text: t.stem, lower: t.stem, start: t.start, end: t.end, sentence: t.sentence }));
  const hits = language.thesaurus.length ? matchLexicon(conceptsOf(language), stemmed) : [];
  const terms: Term[] = [];
  let reach = 0;
  let hit = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    // Conjunctions start a new clause too: in "won't go away or unexplained weight loss" only "go away" is denied.
    if (token.clauseStart || language.clauseWords.has(token.stem)) reach = 0;
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
    if (token.negator) reach = NEGATION_REACH;
    else if (!token.stop && /[\p{L}\p{N}]/u.test(token.stem)) {
      terms.push({ key: token.stem, negated: reach > 0, start: token.start, end: token.end, sentence: token.sentence });
      if (reach > 0) reach--;
    }
    i++;
  }
  return terms;
}

/** Every word's stem in order, stop words included (negators as "not"): for word-for-word `also` phrasings. */
export function stemsOf(text: string, words: readonly Word[], language: KeyMessageLanguage = keyMessageLanguage()): { stem: string; end: number }[] {
  return tokensOf(text, words, language).map((t) => ({ stem: t.stem, end: t.end }));
}
