import type { KeyMessageModel } from './key-message-model.js';
import type { Language } from './language.js';
import { stemWord } from './stems.js';
import { readLexicon, wordSet, type LexiconFileEntry } from './lexicon.js';
import stopWordData from './data/stop-words.json';
import thesaurusData from './data/key-message-thesaurus.json';
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
 * English is the only language so far. German and French have their stemmers in stems.ts (Snowball,
 * as the other rules use); they need their own lists, thesaurus, vectors and a model fitted on their
 * own labelled campaigns. Until then a German or French draft is matched by the English lexical
 * matcher alone (key-message-match.ts: vectors are used only in their own language).
 */
export interface KeyMessageLanguage {
  id: Language;
  /** The stemmer of the draft's language (src/facts/stems.ts: Porter for English, Snowball for German and French). */
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

const englishWords = readLexicon(stopWordData, 'stop-words.json');
const englishThesaurus = readLexicon<LexiconFileEntry & { negatedPhrases?: string[] }>(thesaurusData, 'key-message-thesaurus.json');

export const english: KeyMessageLanguage = {
  id: 'en',
  stem: (word) => stemWord(word, 'en'),
  stopWords: wordSet(englishWords, 'stop-words'),
  commonWords: wordSet(englishWords, 'common'),
  negators: wordSet(englishWords, 'negators'),
  clauseWords: wordSet(englishWords, 'clause-words'),
  thesaurus: englishThesaurus.entries.map(({ id, phrases, negatedPhrases }) => (negatedPhrases ? { concept: id, phrases, negatedPhrases } : { concept: id, phrases })),
  model: englishModel,
};

const languages: Partial<Record<Language, KeyMessageLanguage>> = { en: english };

/** The language of a campaign's key messages: English until campaigns say otherwise. */
export function keyMessageLanguage(id: string = 'en'): KeyMessageLanguage {
  return languages[id as Language] ?? english;
}
