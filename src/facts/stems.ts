import StemmerDe from '@nlpjs/lang-de/src/stemmer-de.js';
import StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr.js';
import { stemmer } from 'stemmer';
import type { Language } from './language.js';
import type { Word } from './words.js';

// Porter for English (as the key-message matcher uses); Snowball for German and French.
const german = new StemmerDe();
const french = new StemmerFr();
const STEMMERS: Record<Language, (word: string) => string> = {
  en: stemmer,
  de: (word) => german.stemWord(word),
  fr: (word) => french.stemWord(word),
};

// Stems by language and word: drafts are re-read on every keystroke and reuse most of their words. Bounded.
const caches: Record<Language, Map<string, string>> = { en: new Map(), de: new Map(), fr: new Map() };
const CACHE_SIZE = 20_000;

/** The stem of one lower-case word in a language ("treatments" -> "treatment"). */
export function stemWord(lower: string, language: Language = 'en'): string {
  const cache = caches[language];
  let found = cache.get(lower);
  if (found === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    found = STEMMERS[language](lower);
    cache.set(lower, found);
  }
  return found;
}

/**
 * The stem of each word's lower-case form, parallel to `words`. With a long draft's distinct ids
 * (see tokenizeDistinct), each distinct word is stemmed, or found in the cache, once.
 */
export function stemWords(words: readonly Word[], language: Language = 'en', distinct?: { ids: Int32Array; distinct: number }): string[] {
  if (!distinct) return words.map(({ lower }) => stemWord(lower, language));
  const { ids } = distinct;
  const byId: (string | undefined)[] = new Array(distinct.distinct).fill(undefined);
  const stems: string[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) stems[i] = byId[ids[i]!] ??= stemWord(words[i]!.lower, language);
  return stems;
}
