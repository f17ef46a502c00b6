import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHARACTER_GRAMS, FEATURE_BITS } from '../../rules/complex-medical-question/features.js';
import { LANGUAGES, type Language } from '../../src/facts/language.js';
import { bestThreshold, leaveOneGroupOut, quantise, train, TRAINING } from './learn.js';
import { examples, readCorpus } from './medical-corpus.js';
import { reportMedical } from './evaluate-medical.js';

export const modelFile = (language: Language) => resolve(`rules/data/complex-medical-question/model.${language}.json`);

/** The model file for one language: weights from every author, the threshold from leave-one-author-out scores. */
export function buildModel(language: Language) {
  const options = { ...TRAINING, dims: 1 << FEATURE_BITS[language] };
  const data = examples(readCorpus(language));
  const { bias, scale, weights } = quantise(train(data, options));
  const threshold = Number(bestThreshold(leaveOneGroupOut(data, options)).toFixed(4));
  return {
    about: `complex-medical-question (${language}): logistic regression over hashed word stems, stem pairs, hand-signal ids and shape features${CHARACTER_GRAMS[language] ? `, and words' character ${CHARACTER_GRAMS[language]}-grams` : ''}, trained by \`npm run train\` on test/fixtures/complex-medical-question/corpus/${language}. Do not edit: retrain.`,
    featureBits: FEATURE_BITS[language],
    characterGrams: CHARACTER_GRAMS[language],
    training: { ...options, drafts: data.length, authors: [...new Set(data.map((e) => e.group))] },
    threshold,
    bias,
    scale,
    weights: Buffer.from(weights.buffer).toString('base64'),
  };
}

export function main(args: string[]) {
  for (const language of LANGUAGES) {
    const model = buildModel(language);
    writeFileSync(modelFile(language), JSON.stringify(model, null, 2) + '\n');
    console.log(`wrote ${modelFile(language)}: ${model.training.drafts} drafts from ${model.training.authors.length} authors, threshold ${model.threshold}`);
  }
  if (!args.includes('--no-eval')) for (const language of LANGUAGES) reportMedical(language);
  return 0;
}
