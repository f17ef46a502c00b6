import type { RuleSetting } from '../types.js';

/** Named rule sets. `recommended` runs on every channel; the others build on it. */
export const presets: Record<string, Record<string, RuleSetting>> = {
  /** No rules: a base for running only the rules you list. */
  none: {},
  recommended: {
    'max-length': 'error',
    'max-links': 'error',
    'max-hashtags': 'warn',
    'max-mentions': 'warn',
    'invalid-characters': 'error',
    'no-markdown': 'warn',
    // Robustness and safety (issue 7): see each rule's docs for why these severities.
    'hidden-characters': 'warn',
    'suspicious-link': 'warn',
    'personal-data': 'error',
  },
};
