import { LANGUAGES } from '../../src/facts/language.js';
import { reportLanguageDetection } from './evaluate-language.js';
import { reportMedical } from './evaluate-medical.js';

/** `npm run eval`: every judgement, scored on drafts its model never saw. */
export function main() {
  for (const language of LANGUAGES) reportMedical(language);
  reportLanguageDetection();
  return 0;
}
