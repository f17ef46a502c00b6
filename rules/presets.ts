import type { RuleSetting } from '../src/rule/index.js';

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
    'thread-numbering': 'error',
    'no-markdown': 'warn',
    'complex-medical-question': 'error',
    whitespace: 'warn',
    'link-tracking': 'warn',
    'hashtag-case': 'info',
    // Campaign rules act only when a campaign is given (LintOptions.campaign or a campaign file).
    'key-messages': 'warn',
    'campaign-coverage': 'warn',
    'campaign-hashtag': 'warn',
    'campaign-link': 'warn',
    // Hidden text, deceptive links and personal data: each rule's docs say why these severities.
    'hidden-characters': 'warn',
    'suspicious-link': 'warn',
    'personal-data': 'error',
  },
};

/** Character-limited promotion of medicines (FDA 2014 draft guidance, ABPI Code); reads `LintOptions.products`. */
presets.pharma = {
  ...presets.recommended,
  'fair-balance': 'error',
  'risk-link': 'error',
  'established-name': 'error',
  'prescription-only-public': 'error',
};

/** recommended plus the health language rules, for health charities, patient groups and cancer information services. */
presets.health = {
  ...presets.recommended,
  'plain-language': 'warn',
  readability: 'warn',
  'cancer-language': 'warn',
};
