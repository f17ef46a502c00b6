import { stemmer } from 'stemmer';
import type { Word } from './words.js';

// Stems by word: drafts are re-read on every keystroke and reuse most of their words. Bounded.
const cache = new Map<string, string>();
const CACHE_SIZE = 20_000;

/** The Porter stem of each word's lower-case form ("treatments" -> "treatment"), parallel to `words`. */
export function stemWords(words: readonly Word[]): string[] {
  return words.map(({ lower }) => {
    let stem = cache.get(lower);
    if (stem === undefined) {
      if (cache.size >= CACHE_SIZE) cache.clear();
      stem = stemmer(lower);
      cache.set(lower, stem);
    }
    return stem;
  });
}
