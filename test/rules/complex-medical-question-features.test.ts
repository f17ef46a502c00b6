import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/facts/analysis.js';
import { characterGramName, featureBuckets } from '../../rules/complex-medical-question/features.js';

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
