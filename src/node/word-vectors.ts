import type { WordVectors } from '../facts/word-vectors.js';

/** The package of the English word vectors: installed only by those who read key messages by meaning. */
export const VECTORS_PACKAGE = '@postlint/vectors-en';

let loading: Promise<WordVectors | undefined> | undefined;

/**
 * The English word vectors, imported the first time a campaign needs them (a plain draft never
 * loads them), or undefined when @postlint/vectors-en is not installed: key messages are then read
 * by the lexical matcher alone.
 */
export function loadWordVectors(): Promise<WordVectors | undefined> {
  return (loading ??= import(VECTORS_PACKAGE).then(
    (m: { englishWordVectors(): WordVectors }) => m.englishWordVectors(),
    (error: unknown) => (isVectorsPackageMissing(error) ? undefined : Promise.reject(error)),
  ));
}

/** Whether a failed import or require() failed because the package itself is not installed (not a broken file inside it). */
export function isVectorsPackageMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && new RegExp(`^Cannot find (package|module) '${VECTORS_PACKAGE}'`).test(message);
}
