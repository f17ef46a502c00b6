import { Analysis } from '../../src/facts/analysis.js';
import { assess, compileMedicalLexicons } from '../../rules/complex-medical-question/medical-signals.js';
import { bootstrap, count, metrics, nestedLeaveOneGroupOut, type Metrics } from './learn.js';
import { examples, readCorpus, type LabelledDraft } from './medical-corpus.js';

const pct = (x: number) => x.toFixed(3);
const interval = ([lo, hi]: [number, number]) => `[${pct(lo)}, ${pct(hi)}]`;

function row(name: string, predictions: { label: boolean; flagged: boolean }[], withIntervals: boolean): string {
  const c = count(predictions);
  const m: Metrics = metrics(c);
  const ci = withIntervals ? bootstrap(predictions) : undefined;
  const cell = (key: keyof Metrics) => (ci ? `${pct(m[key])} ${interval(ci[key])}` : pct(m[key]));
  return `| ${name} | ${predictions.length} | ${c.tp}/${c.fp}/${c.fn}/${c.tn} | ${cell('precision')} | ${cell('recall')} | ${cell('f1')} | ${cell('falseAlarms')} |`;
}

/** The hand-weighted rule of v0.1 on the same drafts, for comparison (it was tuned on none of them). */
function handRule(drafts: readonly LabelledDraft[]): { label: boolean; flagged: boolean }[] {
  const lexicons = compileMedicalLexicons();
  return drafts.map((d) => {
    const { engaged, medical, score } = assess(new Analysis(d.text), lexicons);
    return { label: d.label, flagged: engaged && medical && score >= 3 };
  });
}

/**
 * Leave one author out: each author's drafts are scored by a model trained on the other authors,
 * with a threshold chosen on the other authors' own leave-one-out scores. Prints a Markdown table
 * with 95% bootstrap intervals; returns the pooled metrics.
 */
export function reportMedical(lang = 'en'): Metrics {
  const drafts = readCorpus(lang);
  const scored = nestedLeaveOneGroupOut(examples(drafts));
  const authors = [...new Set(drafts.map((d) => d.author))];
  const lines = [
    `## complex-medical-question (${lang}): leave one author out, ${drafts.length} drafts, ${authors.length} authors`,
    '',
    '| held-out author | drafts | TP/FP/FN/TN | precision | recall | F1 | false alarms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...authors.map((a) => row(a, scored.filter((s) => s.group === a), false)),
    row('**pooled** (95% bootstrap interval)', scored, true),
    '',
    `Thresholds chosen per fold (on the other authors only): ${authors.map((a) => scored.find((s) => s.group === a)!.threshold.toFixed(3)).join(', ')}`,
    '',
    '| for comparison: the v0.1 hand-weighted rule | drafts | TP/FP/FN/TN | precision | recall | F1 | false alarms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('all authors (95% bootstrap interval)', handRule(drafts), true),
  ];
  console.log(lines.join('\n'));
  return metrics(count(scored));
}
