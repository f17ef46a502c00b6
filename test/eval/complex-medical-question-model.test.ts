import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, MODEL_FILE } from './train.js';

// Not a score: in-sample figures prove nothing (`npm run eval` scores each author with a model that
// never saw them). These check that the shipped weights are exactly what the corpus and code give.
describe('the complex-medical-question model', () => {
  const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));

  it('is what `npm run train` makes from the corpus today (run it after changing drafts, features or training)', { timeout: 180_000 }, () => {
    const rebuilt = buildModel();
    expect({ ...rebuilt, weights: undefined }).toEqual({ ...committed, weights: undefined });
    expect(rebuilt.weights === committed.weights, 'rules/data/complex-medical-question/model.json is stale: run npm run train').toBe(true);
  });

  it('fits the budget: 8-bit weights of at most 64 KB', () => {
    expect(Buffer.from(committed.weights, 'base64').length).toBe(1 << committed.featureBits);
    expect(readFileSync(MODEL_FILE).length).toBeLessThanOrEqual(64 * 1024);
  });
});
