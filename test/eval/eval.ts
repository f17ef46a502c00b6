import { reportMedical } from './evaluate-medical.js';

/** `npm run eval`: every judgement, scored on drafts its model never saw. */
export function main() {
  reportMedical('en');
  return 0;
}
