import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEATURE_BITS } from '../../rules/complex-medical-question/features.js';
import { bestThreshold, leaveOneGroupOut, quantise, train, TRAINING } from './learn.js';
import { examples, readCorpus } from './medical-corpus.js';
import { reportMedical } from './evaluate-medical.js';

export const MODEL_FILE = resolve('rules/data/complex-medical-question/model.json');

/** The model file for a corpus: weights from every author, the threshold from leave-one-author-out scores. */
export function buildModel(lang = 'en') {
  const data = examples(readCorpus(lang));
  const { bias, scale, weights } = quantise(train(data));
  const threshold = Number(bestThreshold(leaveOneGroupOut(data)).toFixed(4));
  return {
    about:
      'complex-medical-question: logistic regression over hashed word stems, stem pairs, hand-signal ids and shape features, trained by `npm run train` on test/fixtures/complex-medical-question/corpus. Do not edit: retrain.',
    featureBits: FEATURE_BITS,
    training: { ...TRAINING, drafts: data.length, authors: [...new Set(data.map((e) => e.group))] },
    threshold,
    bias,
    scale,
    weights: Buffer.from(weights.buffer).toString('base64'),
  };
}

export function main(args: string[]) {
  const model = buildModel();
  writeFileSync(MODEL_FILE, JSON.stringify(model, null, 2) + '\n');
  console.log(`wrote ${MODEL_FILE}: ${model.training.drafts} drafts from ${model.training.authors.length} authors, threshold ${model.threshold}`);
  if (!args.includes('--no-eval')) reportMedical();
  return 0;
}
