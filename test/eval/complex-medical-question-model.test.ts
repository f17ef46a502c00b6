import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/facts/language.js';
import { buildModel, modelFile } from './train.js';

// Not a score: in-sample figures prove nothing (`npm run eval` scores each author with a model that
// never saw them). These check that the shipped weights are exactly what the corpus and code give.
describe.each(LANGUAGES)('the complex-medical-question model for %s', (language) => {
  const committed = JSON.parse(readFileSync(modelFile(language), 'utf8'));

  it('is what `npm run train` makes from the corpus today (run it after changing drafts, features or training)', { timeout: 180_000 }, () => {
    const rebuilt = buildModel(language);
    expect({ ...rebuilt, weights: undefined }).toEqual({ ...committed, weights: undefined });
    expect(rebuilt.weights === committed.weights, `${modelFile(language)} is stale: run npm run train`).toBe(true);
  });

  it('fits the budget: 8-bit weights, the file at most 64 KB', () => {
    expect(Buffer.from(committed.weights, 'base64').length).toBe(1 << committed.featureBits);
    expect(readFileSync(modelFile(language)).length).toBeLessThanOrEqual(64 * 1024);
  });
});
