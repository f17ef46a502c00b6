/**
 * English word vectors for key messages by meaning: GloVe 6B 100-d, trimmed to the most frequent
 * words plus the lexicons' (rules/data/word-vectors.en.json, built by `npm run build:vectors`).
 * A package of its own, @postlint/vectors-en, so that only those who read key messages by meaning
 * install its ~1.4 MB:
 *
 *   import { lint } from 'postlint';
 *   import { englishWordVectors } from '@postlint/vectors-en';
 *   lint(post, { campaign, wordVectors: englishWordVectors() });
 */
import data from '../../../rules/data/word-vectors.en.json';
import { WordVectors } from '../../../src/facts/word-vectors.js';

let vectors: WordVectors | undefined;

/** The vectors, decoded on the first call and shared after. */
export function englishWordVectors(): WordVectors {
  return (vectors ??= new WordVectors(data));
}

export type { WordVectors };
