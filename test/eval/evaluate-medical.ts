import { Analysis } from '../../src/facts/analysis.js';
import { assess, compileMedicalLexicons } from '../../rules/complex-medical-question/medical-signals.js';
import { FEATURE_BITS } from '../../rules/complex-medical-question/features.js';
import type { Language } from '../../src/facts/language.js';
import { bootstrap, count, metrics, nestedLeaveOneGroupOut, TRAINING, type Counts, type Metrics } from './learn.js';
import { examples, readCorpus, type LabelledDraft } from './medical-corpus.js';

const pct = (x: number) => x.toFixed(3);
const interval = ([lo, hi]: [number, number]) => `[${pct(lo)}, ${pct(hi)}]`;

/** The hand-weighted rule of v0.1 on the same drafts, for comparison (it was tuned on none of them). */
function handRule(drafts: readonly LabelledDraft[]): { label: boolean; flagged: boolean }[] {
  const lexicons = compileMedicalLexicons();
  return drafts.map((d) => {
    const { engaged, medical, score } = assess(new Analysis(d.text), lexicons);
    return { label: d.label, flagged: engaged && medical && score >= 3 };
  });
}

export interface MedicalEvaluation {
  language: string;
  drafts: number;
  authors: { author: string; drafts: number; counts: Counts; metrics: Metrics; threshold: number }[];
  pooled: { counts: Counts; metrics: Metrics; intervals: ReturnType<typeof bootstrap> };
  handRule: { counts: Counts; metrics: Metrics; intervals: ReturnType<typeof bootstrap> };
}

/**
 * Leave one author out: each author's drafts are scored by a model trained on the other authors,
 * with a threshold chosen on the other authors' own leave-one-out scores. Prints a Markdown table
 * with 95% bootstrap intervals and returns the figures.
 */
export function reportMedical(language: Language = 'en'): MedicalEvaluation {
  const drafts = readCorpus(language);
  const scored = nestedLeaveOneGroupOut(examples(drafts), { ...TRAINING, dims: 1 << FEATURE_BITS[language] });
  const authors = [...new Set(drafts.map((d) => d.author))];
  const hand = handRule(drafts);
  const result: MedicalEvaluation = {
    language,
    drafts: drafts.length,
    authors: authors.map((author) => {
      const mine = scored.filter((s) => s.group === author);
      const counts = count(mine);
      return { author, drafts: mine.length, counts, metrics: metrics(counts), threshold: mine[0]!.threshold };
    }),
    pooled: { counts: count(scored), metrics: metrics(count(scored)), intervals: bootstrap(scored) },
    handRule: { counts: count(hand), metrics: metrics(count(hand)), intervals: bootstrap(hand) },
  };
  console.log(formatMedical(result));
  return result;
}

export function formatMedical(e: MedicalEvaluation): string {
  const cells = (c: Counts, m: Metrics, ci?: MedicalEvaluation['pooled']['intervals']) => {
    const cell = (key: keyof Metrics) => (ci ? `${pct(m[key])} ${interval(ci[key])}` : pct(m[key]));
    return `${c.tp}/${c.fp}/${c.fn}/${c.tn} | ${cell('precision')} | ${cell('recall')} | ${cell('f1')} | ${cell('falseAlarms')}`;
  };
  return [
    `### complex-medical-question (${e.language}): leave one author out, ${e.drafts} drafts, ${e.authors.length} authors`,
    '',
    '| held-out author | drafts | TP/FP/FN/TN | precision | recall | F1 | false alarms | threshold (chosen on the others) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...e.authors.map((a) => `| ${a.author} | ${a.drafts} | ${cells(a.counts, a.metrics)} | ${a.threshold.toFixed(3)} |`),
    `| **pooled** (95% bootstrap interval) | ${e.drafts} | ${cells(e.pooled.counts, e.pooled.metrics, e.pooled.intervals)} | |`,
    `| v0.1 hand-weighted rule, same drafts | ${e.drafts} | ${cells(e.handRule.counts, e.handRule.metrics, e.handRule.intervals)} | |`,
    '',
  ].join('\n');
}
