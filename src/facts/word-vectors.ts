/** Word vectors as shipped in rules/data/word-vectors.<lang>.json (built by `npm run build:vectors`, test/eval/build-vectors.mjs). */
export interface WordVectorsData {
  lang: string;
  dimensions: number;
  /** The words, space-separated, in the order of their vectors. */
  words: string;
  /** Base64 of `dimensions` signed bytes per word. */
  vectors: string;
}

const WORD_VECTORS = Symbol.for('postlint.WordVectors');

/** Whether a value is a WordVectors, from this bundle or another copy of postlint's. */
export function isWordVectors(value: unknown): value is WordVectors {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WORD_VECTORS] === true;
}

/**
 * Word vectors for one language: how close two words are in meaning (cosine, -1 to 1), for words
 * nobody listed in a thesaurus. Built once from the shipped data and handed to `lint()` as the
 * `wordVectors` option; lookups are case-insensitive.
 */
export class WordVectors {
  /** The brand `isWordVectors` checks: the class comes from another package (@postlint/vectors-en) than the linter. */
  declare readonly [WORD_VECTORS]: true;
  readonly lang: string;
  readonly dimensions: number;
  readonly size: number;
  readonly #index = new Map<string, number>();
  readonly #unit: Float32Array;

  constructor(data: WordVectorsData) {
    // Set here, not as a field: a computed field key would keep the unused class in postlint's own bundle.
    Object.defineProperty(this, WORD_VECTORS, { value: true, enumerable: true });
    if (!data || typeof data.words !== 'string' || typeof data.vectors !== 'string' || !(data.dimensions > 0)) {
      throw new TypeError("WordVectors: expected { lang, dimensions, words, vectors } as in rules/data/word-vectors.<lang>.json; for English use englishWordVectors() from '@postlint/vectors-en'");
    }
    this.lang = data.lang;
    this.dimensions = data.dimensions;
    const words = data.words.split(' ');
    const bytes = decodeBase64(data.vectors);
    if (bytes.length !== words.length * data.dimensions) throw new TypeError(`WordVectors: ${words.length} words need ${words.length * data.dimensions} bytes, got ${bytes.length}`);
    this.size = words.length;
    // Unit vectors up front: a similarity is then one dot product.
    const unit = new Float32Array(bytes.length);
    const dims = data.dimensions;
    for (let w = 0; w < words.length; w++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) {
        const x = (bytes[w * dims + d]! << 24) >> 24;
        unit[w * dims + d] = x;
        norm += x * x;
      }
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dims; d++) unit[w * dims + d]! *= scale;
      if (!this.#index.has(words[w]!)) this.#index.set(words[w]!, w);
    }
    this.#unit = unit;
  }

  /** Where the word stands among the most frequent (0 = most frequent; lexicon words come after them), or `size` when unknown. */
  rank(word: string): number {
    return this.#index.get(word.toLowerCase()) ?? this.size;
  }

  has(word: string): boolean {
    return this.#index.has(word.toLowerCase());
  }

  /** The unit vector of a word, or undefined when the word is not in the vocabulary. */
  vector(word: string): Float32Array | undefined {
    const i = this.#index.get(word.toLowerCase());
    return i === undefined ? undefined : this.#unit.subarray(i * this.dimensions, (i + 1) * this.dimensions);
  }

  /** The normalised mean of the known words' vectors ("home test" as one point), or undefined when none is known. */
  meanVector(words: readonly string[]): Float32Array | undefined {
    const known = words.map((w) => this.vector(w)).filter((v): v is Float32Array => v !== undefined);
    if (known.length <= 1) return known[0];
    const mean = new Float32Array(this.dimensions);
    for (const v of known) for (let d = 0; d < this.dimensions; d++) mean[d]! += v[d]!;
    return normalised(mean);
  }

  /** Cosine similarity of two words, or undefined when either is unknown. */
  similarity(a: string, b: string): number | undefined {
    const u = this.vector(a);
    const v = this.vector(b);
    return u && v ? dot(u, v) : undefined;
  }
}

export function dot(u: Float32Array, v: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < u.length; d++) sum += u[d]! * v[d]!;
  return sum;
}

function normalised(v: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) for (let d = 0; d < v.length; d++) v[d]! /= norm;
  return v;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to bytes without Buffer or atob, so the same code runs in Node, browsers and workers. */
function decodeBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) lookup[BASE64.charCodeAt(i)] = i;
  let length = text.length;
  while (length > 0 && text[length - 1] === '=') length--;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? lookup[code]! : -1;
    if (digit < 0) throw new TypeError(`WordVectors: the vectors are not base64 (character ${i})`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
