import type { Analysis } from '../../src/rule/index.js';
import de from '../data/complex-medical-question/model.de.json';
import en from '../data/complex-medical-question/model.en.json';
import fr from '../data/complex-medical-question/model.fr.json';
import { bucketOf, FEATURE_BITS, featureBuckets, featureNames } from './features.js';
import type { Signal } from './medical-signals.js';

/**
 * The learned models, one per language: logistic regression over hashed features, trained by
 * `npm run train` on the labelled corpus and shipped as 8-bit weights. Same input, same output, in
 * every engine.
 */
export interface ModelFile {
  featureBits: number;
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
  bias: number;
  scale: number;
  weights: Int8Array;
  threshold: number;
}

export interface Prediction {
  probability: number;
  /** The model's own threshold for the draft's language. */
  threshold: number;
  /** The features that pushed hardest towards a complex medical question, strongest first. */
  strongest: { name: string; weight: number }[];
}

type Language = keyof typeof FEATURE_BITS;
const FILES: Record<Language, ModelFile> = { en, de, fr };
const models = new Map<Language, Model>();

export function modelFor(language: Language): Model {
  let model = models.get(language);
  if (!model) models.set(language, (model = decode(FILES[language], FEATURE_BITS[language])));
  return model;
}

export function predict(analysis: Analysis, signals: readonly Signal[]): Prediction {
  return predictWith(modelFor(analysis.language), featureNames(analysis, signals));
}

export function predictWith(model: Model, names: readonly string[]): Prediction {
  let z = model.bias;
  for (const bucket of featureBuckets(names, model.bits)) z += model.weights[bucket]! * model.scale;
  const strongest = [...new Set(names)]
    .map((name) => ({ name, weight: model.weights[bucketOf(name, model.bits)]! * model.scale }))
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 5);
  return { probability: 1 / (1 + Math.exp(-z)), threshold: model.threshold, strongest };
}

function decode(file: ModelFile, bits: number): Model {
  // A model trained with other buckets than the code hashes into would score noise: fail loudly in tests.
  if (file.featureBits !== bits) throw new Error(`a complex-medical-question model has ${file.featureBits}-bit features, the code ${bits}: run npm run train`);
  const bytes = Uint8Array.from(atob(file.weights), (c: string) => c.charCodeAt(0));
  return { bits, bias: file.bias, scale: file.scale, weights: new Int8Array(bytes.buffer), threshold: file.threshold };
}
