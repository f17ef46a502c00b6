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

/** The stem of each word's lower-case form, parallel to `words`. */
export function stemWords(words: readonly Word[], language: Language = 'en'): string[] {
  return words.map(({ lower }) => stemWord(lower, language));
}
