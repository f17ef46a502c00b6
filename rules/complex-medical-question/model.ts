import type { Analysis } from '../../src/rule/index.js';
import model from '../data/complex-medical-question/model.json';
import { bucketOf, FEATURE_BITS, featureBuckets, featureNames } from './features.js';
import type { Signal } from './medical-signals.js';

/**
 * The learned model: logistic regression over hashed features, trained by `npm run train` on the
 * labelled corpus and shipped as 8-bit weights. Same input, same output, in every engine.
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

export interface Prediction {
  probability: number;
  /** The features that pushed hardest towards a complex medical question, strongest first. */
  strongest: { name: string; weight: number }[];
}

const decoded = decode(model as ModelFile);
export const MODEL_THRESHOLD = model.threshold;

export function predict(analysis: Analysis, signals: readonly Signal[]): Prediction {
  return predictWith(decoded, featureNames(analysis, signals));
}

export function predictWith(weights: { bias: number; scale: number; weights: Int8Array }, names: readonly string[]): Prediction {
  let z = weights.bias;
  for (const bucket of featureBuckets(names)) z += weights.weights[bucket]! * weights.scale;
  const strongest = [...new Set(names)]
    .map((name) => ({ name, weight: weights.weights[bucketOf(name)]! * weights.scale }))
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 5);
  return { probability: 1 / (1 + Math.exp(-z)), strongest };
}

export function decode(file: ModelFile): { bias: number; scale: number; weights: Int8Array } {
  if (file.featureBits !== FEATURE_BITS) throw new Error(`model.json has ${file.featureBits}-bit features, the code ${FEATURE_BITS}: run npm run train`);
  const bytes = Uint8Array.from(atob(file.weights), (c: string) => c.charCodeAt(0));
  return { bias: file.bias, scale: file.scale, weights: new Int8Array(bytes.buffer) };
}
