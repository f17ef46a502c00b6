import type { KeyMessageModel } from '../../src/facts/key-message-model.js';

/**
 * L2-regularised logistic regression by full-batch gradient descent: deterministic (same data,
 * same model), small enough to refit for every fold.
 */
export function fitLogistic(features: readonly string[], xs: readonly number[][], ys: readonly boolean[], { l2 = 0.01, steps = 400, rate = 0.5 } = {}): Omit<KeyMessageModel, 'threshold'> {
  const n = xs.length;
  const k = features.length;
  const mean = Array.from({ length: k }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / n);
  const scale = Array.from({ length: k }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = new Float64Array(n * k);
  xs.forEach((x, i) => x.forEach((v, j) => (z[i * k + j] = (v - mean[j]!) / scale[j]!)));
  const y = Float64Array.from(ys, (v) => (v ? 1 : 0));
  const w = new Float64Array(k);
  const gw = new Float64Array(k);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    gw.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let t = b;
      const row = i * k;
      for (let j = 0; j < k; j++) t += w[j]! * z[row + j]!;
      const err = 1 / (1 + Math.exp(-t)) - y[i]!;
      for (let j = 0; j < k; j++) gw[j]! += err * z[row + j]!;
      gb += err;
    }
    for (let j = 0; j < k; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
    b -= (rate * gb) / n;
  }
  return { features, mean, scale, weights: Array.from(w), bias: b };
}
