import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LANGUAGES } from '../../src/facts/language.js';
import { reportLanguageDetection } from './evaluate-language.js';
import { reportMedical } from './evaluate-medical.js';
import { reportKeyMessages } from './evaluate-key-messages.js';

export const EVAL_RESULTS = resolve('bench/results/eval.json');

/**
 * `npm run eval`: every judgement, scored on drafts its model never saw; the figures go to
 * bench/results/eval.json, which the docs' figures are generated from.
 */
export function main() {
  const results = {
    command: 'npm run eval',
    complexMedicalQuestion: LANGUAGES.map((language) => reportMedical(language)),
    languageDetection: reportLanguageDetection(),
    keyMessages: reportKeyMessages(),
  };
  mkdirSync(resolve('bench/results'), { recursive: true });
  writeFileSync(EVAL_RESULTS, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${EVAL_RESULTS}`);
  return 0;
}
