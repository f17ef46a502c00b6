import type { KeyMessageModel } from '../../src/facts/key-message-model.js';

/**
 * L2-regularised logistic regression by full-batch gradient descent: deterministic (same data,
 * same model), small enough to refit for every fold.
 */
export function fitLogistic(features: readonly string[], xs: readonly number[][], ys: readonly boolean[], { l2 = 0.01, steps = 600, rate = 0.5 } = {}): Omit<KeyMessageModel, 'threshold'> {
  const n = xs.length;
  const k = features.length;
  const mean = Array.from({ length: k }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / n);
  const scale = Array.from({ length: k }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const w = new Array<number>(k).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(k).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let t = b;
      for (let j = 0; j < k; j++) t += w[j]! * z[i]![j]!;
      const err = 1 / (1 + Math.exp(-t)) - (ys[i] ? 1 : 0);
      for (let j = 0; j < k; j++) gw[j]! += err * z[i]![j]!;
      gb += err;
    }
    for (let j = 0; j < k; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
    b -= (rate * gb) / n;
  }
  return { features, mean, scale, weights: w, bias: b };
}
