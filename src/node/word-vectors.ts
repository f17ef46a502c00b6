import type { WordVectors } from '../facts/word-vectors.js';

let loading: Promise<WordVectors> | undefined;

/** The English word vectors, imported the first time a campaign needs them: a plain draft never loads them. */
export function loadWordVectors(): Promise<WordVectors> {
  return (loading ??= import('../vectors/en.js').then((m) => m.englishWordVectors()));
}
