import type { Analysis } from '../../src/rule/index.js';
import de from '../data/complex-medical-question/model.de.json';
import en from '../data/complex-medical-question/model.en.json';
import fr from '../data/complex-medical-question/model.fr.json';
import { addCharacterGrams, bucketOf, CHARACTER_GRAMS, FEATURE_BITS, FNV_BASIS, fnv, forEachFeature, type FeatureSink, SKIP_REPEATS_FROM } from './features.js';
import type { Signal } from './medical-signals.js';

/**
 * The learned models, one per language: logistic regression over hashed features, trained by
 * `npm run train` on the labelled corpus and shipped as 8-bit weights. Same input, same output, in
 * every engine.
 */
export interface ModelFile {
  featureBits: number;
  /** Length of the character n-grams the model was trained on; 0 for none. */
  characterGrams: number;
  /** What one step of an 8-bit weight is worth. */
  scale: number;
  bias: number;
  /** The probability at which a draft is flagged, chosen on leave-one-author-out folds. */
  threshold: number;
  /** Base64 of one signed byte per bucket. */
  weights: string;
}

export interface Model {
  bits: number;
  characterGrams: number;
  bias: number;
  scale: number;
  weights: Int8Array;
  threshold: number;
}

export interface Prediction {
  probability: number;
  /** The model's own threshold for the draft's language. */
  threshold: number;
  /** The named features (never the character n-grams: they mean nothing to a writer) that pushed hardest towards a complex medical question, strongest first. */
  strongest: { name: string; weight: number }[];
}

type Language = keyof typeof FEATURE_BITS;
const FILES: Record<Language, ModelFile> = { en, de, fr };
const models = new Map<Language, Model>();

export function modelFor(language: Language): Model {
  let model = models.get(language);
  if (!model) models.set(language, (model = decode(FILES[language], FEATURE_BITS[language], CHARACTER_GRAMS[language])));
  return model;
}

/** The model's prediction for a draft; `strongest` is listed only when the probability reaches `threshold` (unset: the model's own). */
export function predict(analysis: Analysis, signals: readonly Signal[], threshold?: number): Prediction {
  const model = modelFor(analysis.language);
  return predictFeatures(model, analysis, signals, threshold ?? model.threshold);
}

const STRONGEST = 5;

/**
 * The model's probability for a draft's features. Each name is hashed once, and the strongest
 * features are kept as they come (a post has a few hundred features, only five are shown): the
 * rule's budget is 30 µs a post.
 */
export function predictWith(model: Model, names: readonly string[], words: Analysis['words'] = []): Prediction {
  const { weights, scale, bits } = model;
  const counted = COUNTED;
  try {
    if (model.characterGrams > 0) addCharacterGrams(words, model.characterGrams, bits, counted);
    let z = model.bias;
    // In first-seen order, as a Set iterates: the sum, and so the probability, to the last bit.
    for (let i = 0; i < counted.size; i++) z += weights[counted.order[i]!]! * scale;
    const strongest: Prediction['strongest'] = [];
    for (const name of names) {
      const bucket = bucketOf(name, bits);
      const weight = weights[bucket]! * scale;
      if (counted.add(bucket)) z += weight;
      if (weight > 0) keepStrongest(strongest, name, weight);
    }
    return { probability: 1 / (1 + Math.exp(-z)), threshold: model.threshold, strongest };
  } finally {
    counted.clear();
  }
}

/**
 * A set of buckets, kept in the order first added, reused by every prediction: a Set of a few
 * hundred numbers per draft was the largest garbage of an editor's re-lint after the graphemes.
 */
class BucketSet {
  readonly #seen: Uint8Array;
  readonly order: Int32Array;
  size = 0;
  constructor(bits: number) {
    this.#seen = new Uint8Array(1 << bits);
    this.order = new Int32Array(1 << bits);
  }
  /** Whether the bucket was new. */
  add(bucket: number): boolean {
    if (this.#seen[bucket]) return false;
    this.#seen[bucket] = 1;
    this.order[this.size++] = bucket;
    return true;
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.#seen[this.order[i]!] = 0;
    this.size = 0;
  }
}
/**
 * {@link predictWith} over the features as {@link forEachFeature} gives them: each name hashed from its
 * parts, never made as a string for the sum. The same sums in the same order, so the same probability
 * to the last bit. The strongest features are listed only when the probability reaches `strongestFrom`,
 * from a second pass over the features that reads the buckets the first recorded: only a flagged
 * draft's message names them, and keeping the strongest five as the features came cost an eighth
 * of the rule on the drafts that are never flagged (most of them).
 */
export function predictFeatures(model: Model, analysis: Analysis, signals: readonly Signal[], strongestFrom = 0): Prediction {
  const counted = COUNTED;
  // A long draft skips the features it met before, in both passes alike, so the passes stay in step.
  const repeats = analysis.words.length >= SKIP_REPEATS_FROM ? new RepeatedFeatures() : undefined;
  let z: number;
  try {
    if (model.characterGrams > 0) addCharacterGrams(analysis.words, model.characterGrams, model.bits, counted);
    const sink = new Scoring(model, counted, repeats);
    forEachFeature(analysis, signals, sink);
    z = sink.z;
  } finally {
    counted.clear();
  }
  const probability = 1 / (1 + Math.exp(-z));
  let strongest: Prediction['strongest'] = [];
  if (probability >= strongestFrom) {
    repeats?.replay();
    const sink = new Strongest(model, repeats);
    forEachFeature(analysis, signals, sink);
    strongest = sink.strongest;
  }
  if (recordedBuckets.length > KEPT_BUCKETS) recordedBuckets = new Uint16Array(KEPT_BUCKETS);
  return { probability, threshold: model.threshold, strongest };
}

// Each feature's bucket, in order, for the strongest features' pass: reused by every prediction,
// grown for a long draft and given back after it.
const KEPT_BUCKETS = 1 << 12;
let recordedBuckets = new Uint16Array(KEPT_BUCKETS);

/**
 * The bucket of each feature from its parts. The state after hashing '' + a is kept for the next
 * feature that starts the same way: a word's stem alone, then the stem and the next one ("chemo",
 * "chemo isnt") hash the stem once.
 */
class PartHashing {
  #lastA: string | undefined;
  #lastState = 0;
  bucket(prefix: string, a: string, separator: string, b: string, bits: number): number {
    let state: number;
    if (prefix === '' && a === this.#lastA) state = this.#lastState;
    else {
      state = fnv(fnv(FNV_BASIS, prefix), a);
      if (prefix === '') {
        this.#lastA = a;
        this.#lastState = state;
      }
    }
    return (fnv(fnv(state, separator), b) >>> 0) & ((1 << bits) - 1);
  }
}

/**
 * A long draft's words and word pairs, met before: a feature added again changes nothing (its
 * bucket is counted, and it entered the strongest five when first added or never can, as
 * keepStrongest keeps a name once), so both passes skip it without hashing. Only the shapes every
 * word gives: a stem, a #stem, a pair of stems. The first pass records where each was first met;
 * the second replays those records instead of holding a second copy of them.
 */
class RepeatedFeatures {
  readonly #plain = new Map<string, number>();
  readonly #tag = new Map<string, number>();
  readonly #pairs = new Map<string, Map<string, number>>();
  // Which feature of the pass this is, counting every one offered.
  #index = 0;
  #replaying = false;
  /** From here, answers as the recording pass did, feature by feature. */
  replay(): void {
    this.#replaying = true;
    this.#index = 0;
  }
  /** Whether this feature was met before in the pass (remembering it if not), for the shapes kept; false for the others. */
  metBefore(prefix: string, a: string, separator: string, b: string): boolean {
    const index = this.#index++;
    let firstMet: Map<string, number> | undefined;
    let key = a;
    if (separator === '' && b === '') firstMet = prefix === '' ? this.#plain : prefix === '#' ? this.#tag : undefined;
    else if (prefix === '' && separator === ' ') {
      firstMet = this.#pairs.get(a);
      if (!firstMet) this.#pairs.set(a, (firstMet = new Map()));
      key = b;
    }
    if (!firstMet) return false;
    const first = firstMet.get(key);
    if (this.#replaying) return first !== index;
    if (first !== undefined) return true;
    firstMet.set(key, index);
    return false;
  }
}

/** The sum: each new bucket's weight, after the grams already counted; each feature's bucket recorded in order. */
class Scoring implements FeatureSink {
  z: number;
  // Features recorded so far.
  #count = 0;
  readonly #model: Model;
  readonly #counted: BucketSet;
  readonly #hashing = new PartHashing();
  readonly #repeats: RepeatedFeatures | undefined;
  constructor(model: Model, counted: BucketSet, repeats: RepeatedFeatures | undefined) {
    this.#model = model;
    this.#counted = counted;
    this.#repeats = repeats;
    // The grams already counted come first, in the order they were added, as predictWith sums them.
    let z = model.bias;
    for (let i = 0; i < counted.size; i++) z += model.weights[counted.order[i]!]! * model.scale;
    this.z = z;
  }
  add(prefix: string, a: string, separator: string, b: string): void {
    if (this.#repeats?.metBefore(prefix, a, separator, b)) return;
    const { weights, scale, bits } = this.#model;
    const bucket = this.#hashing.bucket(prefix, a, separator, b, bits);
    if (this.#count === recordedBuckets.length) {
      const grown = new Uint16Array(recordedBuckets.length * 2);
      grown.set(recordedBuckets);
      recordedBuckets = grown;
    }
    recordedBuckets[this.#count++] = bucket;
    if (this.#counted.add(bucket)) this.z += weights[bucket]! * scale;
  }
}

/**
 * The strongest five named features, kept as they come, as predictWith keeps them: the same features
 * in the same order as the sum's pass (the same repeats skipped), so each one's bucket is the one that
 * pass recorded. A name is made only when it may enter.
 */
class Strongest implements FeatureSink {
  readonly strongest: Prediction['strongest'] = [];
  readonly #model: Model;
  readonly #repeats: RepeatedFeatures | undefined;
  #next = 0;
  constructor(model: Model, repeats: RepeatedFeatures | undefined) {
    this.#model = model;
    this.#repeats = repeats;
  }
  add(prefix: string, a: string, separator: string, b: string): void {
    if (this.#repeats?.metBefore(prefix, a, separator, b)) return;
    const { weights, scale } = this.#model;
    const weight = weights[recordedBuckets[this.#next++]!]! * scale;
    if (weight > 0 && mayBeStrongest(this.strongest, weight)) keepStrongest(this.strongest, prefix + a + separator + b, weight);
  }
}

const COUNTED = new BucketSet(Math.max(...Object.values(FEATURE_BITS)));

/** Whether a feature of this weight can enter the list: only then is its name needed. */
function mayBeStrongest(list: Prediction['strongest'], weight: number): boolean {
  return list.length < STRONGEST || weight > list[STRONGEST - 1]!.weight;
}

/** Inserts a feature into the strongest-first list after those at least as strong, once per name, keeping the first five. */
function keepStrongest(list: Prediction['strongest'], name: string, weight: number): void {
  if (!mayBeStrongest(list, weight)) return;
  if (list.some((f) => f.name === name)) return;
  let at = list.length;
  while (at > 0 && list[at - 1]!.weight < weight) at--;
  list.splice(at, 0, { name, weight });
  if (list.length > STRONGEST) list.pop();
}

function decode(file: ModelFile, bits: number, characterGrams: number): Model {
  // A model trained with other buckets or features than the code makes would score noise: fail loudly in tests.
  if (file.featureBits !== bits) throw new Error(`a complex-medical-question model has ${file.featureBits}-bit features, the code ${bits}: run npm run train`);
  if (file.characterGrams !== characterGrams) throw new Error(`a complex-medical-question model reads character ${file.characterGrams}-grams, the code ${characterGrams}: run npm run train`);
  const bytes = Uint8Array.from(atob(file.weights), (c: string) => c.charCodeAt(0));
  return { bits, characterGrams, bias: file.bias, scale: file.scale, weights: new Int8Array(bytes.buffer), threshold: file.threshold };
}
