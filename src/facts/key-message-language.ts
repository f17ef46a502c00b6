import type { KeyMessageModel } from './key-message-model.js';
import type { Language } from './language.js';
import { stemWord } from './stems.js';
import { shippedLexicon, wordSet, type LexiconFileEntry } from './lexicon.js';
import stopWordData from './data/stop-words.json';
import germanWordData from './data/stop-words.de.json';
import frenchWordData from './data/stop-words.fr.json';
import thesaurusData from './data/key-message-thesaurus.json';
import englishModel from './data/key-message-model.en.json';
import lexicalThresholds from './data/key-message-thresholds.json';

/** A thesaurus concept: phrases that say the same thing in a key message, and phrases that say its opposite. */
export interface ThesaurusConcept {
  concept: string;
  phrases: string[];
  negatedPhrases?: string[];
}

/**
 * Everything the key-message matcher knows about one language. The word vectors are the one part
 * not here: they are large, so they come separately (`LintOptions.wordVectors`, with their `lang`).
 * English has a thesaurus, vectors and a model fitted on them; German and French have their own
 * stop words, negators and Snowball stemmers (stems.ts), French elisions, German compounds
 * (key-message-match.ts), and no vectors: no permissively licensed German or French vectors are on
 * npm, so their drafts are matched by the lexical matcher alone, with its threshold fitted on their
 * own labelled campaigns (`npm run eval`).
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
  /** Share of a message's weighted words a window must say for the lexical matcher to credit it. */
  textNeeded: number;
  /** Words split off at the front: French elisions ("l'", "qu'"), and whether the clitic negates ("n'"). */
  elision?: RegExp;
  /** Compound words (German): a word also says a message word it starts or ends with ("Darmkrebsvorsorge" says "Vorsorge"). */
  compounds: boolean;
  /** The combined matcher's fitted model (see `npm run eval`): only where vectors exist. */
  model?: KeyMessageModel;
}

const englishWords = shippedLexicon(stopWordData, 'stop-words.json');
const germanWords = shippedLexicon(germanWordData, 'stop-words.de.json');
const frenchWords = shippedLexicon(frenchWordData, 'stop-words.fr.json');
const englishThesaurus = shippedLexicon<LexiconFileEntry & { negatedPhrases?: string[] }>(thesaurusData, 'key-message-thesaurus.json');

export const english: KeyMessageLanguage = {
  id: 'en',
  stem: (word) => stemWord(word, 'en'),
  stopWords: wordSet(englishWords, 'stop-words'),
  commonWords: wordSet(englishWords, 'common'),
  negators: wordSet(englishWords, 'negators'),
  clauseWords: wordSet(englishWords, 'clause-words'),
  thesaurus: englishThesaurus.entries.map(({ id, phrases, negatedPhrases }) => (negatedPhrases ? { concept: id, phrases, negatedPhrases } : { concept: id, phrases })),
  // Tuned on the older English development sets (test/fixtures/key-messages*).
  textNeeded: 0.4,
  compounds: false,
  model: englishModel,
};

function withoutVectors(id: Language, words: ReturnType<typeof shippedLexicon>, textNeeded: number, extra: Partial<KeyMessageLanguage>): KeyMessageLanguage {
  return {
    id,
    stem: (word) => stemWord(word, id),
    stopWords: wordSet(words, 'stop-words'),
    commonWords: wordSet(words, 'common'),
    negators: wordSet(words, 'negators'),
    clauseWords: wordSet(words, 'clause-words'),
    thesaurus: [],
    textNeeded,
    compounds: false,
    ...extra,
  };
}

// Thresholds chosen by `npm run eval` (fitted on all of the language's labelled campaigns; its
// leave-one-campaign-out figures refit them without the held-out one).
export const german = withoutVectors('de', germanWords, lexicalThresholds.de, { compounds: true });
export const french = withoutVectors('fr', frenchWords, lexicalThresholds.fr, { elision: /^(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])'(?=[\p{L}])/u });

const languages: Record<Language, KeyMessageLanguage> = { en: english, de: german, fr: french };

/** The matcher's lists for a draft's language (`Analysis.language`); English for anything else. */
export function keyMessageLanguage(id: string = 'en'): KeyMessageLanguage {
  return languages[id as Language] ?? english;
}
