import type { WordVectors } from 'postlint';

/**
 * The English word vectors (GloVe 6B 100-d, trimmed, 8-bit) for `lint(post, { campaign, wordVectors })`:
 * decoded on the first call and shared after.
 */
export declare function englishWordVectors(): WordVectors;

export type { WordVectors };
