import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/facts/analysis.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCharacterGrams, bucketOf, characterGramName, featureBuckets, featureNames } from '../../rules/complex-medical-question/features.js';
import { modelFor, predictWith } from '../../rules/complex-medical-question/model.js';

describe('complex-medical-question features: character n-grams', () => {
  // The grams are hashed in place, without strings; they must land where their names would.
  it.each([
    'is 20mg tamoxifen safe with my warfarin?',
    "Hi Dave, it's Siobhan: don’t stop the Élvanse #chemo @kim_r https://example.org/a",
    'Müdigkeit nach der Chemo – ist das normal? 𝒳 ok',
  ])('hashes each word’s grams to the buckets of their names: %s', (text) => {
    const { words } = new Analysis(text);
    const names = ['shape:question-mark'];
    for (const word of words) {
      if (word.tag) continue;
      const marked = `<${word.lower}>`;
      for (let i = 0; i + 4 <= marked.length; i++) names.push(characterGramName(marked.slice(i, i + 4)));
    }
    expect(featureBuckets(['shape:question-mark'], 14, words, 4)).toEqual(featureBuckets(names, 14));
    expect(featureBuckets(['shape:question-mark'], 14, words, 0)).toEqual(featureBuckets(['shape:question-mark'], 14));
  });

  it('makes no gram of a one-letter word or of a hashtag; a two-letter word is one', () => {
    const { words } = new Analysis('a ok #lymphoma');
    expect(featureBuckets([], 14, words, 4)).toEqual(featureBuckets([characterGramName('<ok>')], 14));
  });
});

describe('complex-medical-question model: the reused bucket set', () => {
  // What predictWith summed with a fresh Set per draft: the same buckets in the same order, so the same bits.
  function probabilityWithSet(language: 'en' | 'de' | 'fr', names: readonly string[], words: Analysis['words']): number {
    const model = modelFor(language);
    const counted = new Set<number>();
    if (model.characterGrams > 0) addCharacterGrams(words, model.characterGrams, model.bits, counted);
    let z = model.bias;
    for (const bucket of counted) z += model.weights[bucket]! * model.scale;
    for (const name of names) {
      const bucket = bucketOf(name, model.bits);
      if (!counted.has(bucket)) (counted.add(bucket), (z += model.weights[bucket]! * model.scale));
    }
    return 1 / (1 + Math.exp(-z));
  }

  it.each(['en', 'de', 'fr'] as const)('gives the probability of a fresh Set, draft after draft (%s)', (language) => {
    const folder = join(__dirname, '../fixtures/complex-medical-question/corpus', language);
    const drafts = readdirSync(folder)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean).slice(0, 15))
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(drafts.length).toBeGreaterThan(20);
    for (const text of drafts) {
      const analysis = new Analysis(text, { language });
      const names = featureNames(analysis, []);
      const expected = probabilityWithSet(language, names, analysis.words);
      expect(predictWith(modelFor(language), names, analysis.words).probability).toBe(expected);
      expect(predictWith(modelFor(language), names, analysis.words).probability).toBe(expected);
    }
  });
});
