import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Analysis } from '../../src/facts/analysis.js';
import { CHARACTER_GRAMS, FEATURE_BITS, featureBuckets, featureNames } from '../../rules/complex-medical-question/features.js';
import type { Language } from '../../src/facts/language.js';
import { assess, compileMedicalLexicons } from '../../rules/complex-medical-question/medical-signals.js';
import type { Example } from './learn.js';

export interface LabelledDraft {
  id: string;
  author: string;
  lang: string;
  genre: string;
  channel: string;
  label: boolean;
  notes: string;
  text: string;
}

// From the checkout's root: npm scripts and vitest both run there (the tools are bundled before they run).
export const CORPUS = resolve('test/fixtures/complex-medical-question/corpus') + '/';

/** Every author's drafts in one language, in file order (authors sorted by name). */
export function readCorpus(lang = 'en'): LabelledDraft[] {
  const dir = `${CORPUS}${lang}/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(dir + name, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LabelledDraft),
    );
}

const lexicons = compileMedicalLexicons();

/** The model's features of each draft, computed by the rule's own code, grouped by author. */
export function examples(drafts: readonly LabelledDraft[]): Example[] {
  return drafts.map((draft) => {
    const language = draft.lang as Language;
    const analysis = new Analysis(draft.text, { language });
    const names = featureNames(analysis, assess(analysis, lexicons).signals);
    return { buckets: featureBuckets(names, FEATURE_BITS[language], analysis.words, CHARACTER_GRAMS[language]), label: draft.label, group: draft.author };
  });
}
