import { stemmer } from 'stemmer';
import type { KeyMessageModel } from './key-message-model.js';
import stopWords from './data/stop-words.json';
import thesaurus from './data/key-message-thesaurus.json';
import englishModel from './data/key-message-model.en.json';

/** A thesaurus concept: phrases that say the same thing in a key message, and phrases that say its opposite. */
export interface ThesaurusConcept {
  concept: string;
  phrases: string[];
  negatedPhrases?: string[];
}

/**
 * Everything the key-message matcher knows about one language. The word vectors are the one part
 * not here: they are large, so they come separately (`LintOptions.wordVectors`, with their `lang`).
 * English is the only language so far; German and French come with their own stemmer, lists,
 * thesaurus, vectors and a model fitted on their own labelled campaigns.
 */
export interface KeyMessageLanguage {
  id: string;
  stem(word: string): string;
  /** Function words and light verbs: no meaning on their own. */
  stopWords: ReadonlySet<string>;
  /** Common content words that say less than rare ones ("find", "new", "help"). */
  commonWords: ReadonlySet<string>;
  /** Words that turn what follows negative. */
  negators: ReadonlySet<string>;
  /** Conjunctions that start a clause: negation stops there. */
  clauseWords: ReadonlySet<string>;
  thesaurus: readonly ThesaurusConcept[];
  /** The combined matcher's fitted model (see `npm run eval`). */
  model: KeyMessageModel;
}

export const english: KeyMessageLanguage = {
  id: 'en',
  stem: stemmer,
  stopWords: new Set(stopWords.words),
  commonWords: new Set(stopWords.common),
  negators: new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'cannot']),
  clauseWords: new Set(['or', 'and', 'but', 'because', 'if', 'when', 'while', 'whether']),
  thesaurus: thesaurus.concepts as ThesaurusConcept[],
  model: englishModel,
};

const languages: Record<string, KeyMessageLanguage> = { en: english };

/** The language of a campaign's key messages: English until campaigns say otherwise. */
export function keyMessageLanguage(id = 'en'): KeyMessageLanguage {
  return languages[id] ?? english;
}
