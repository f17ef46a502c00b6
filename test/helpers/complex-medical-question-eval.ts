import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../../src/index.js';
import type { ChannelId } from '../../src/core/types.js';
import type { LintOptions } from '../../src/engine/options.js';

export interface Draft {
  id: string;
  channel: ChannelId;
  label: boolean;
  kind: string;
  text: string;
}

export interface Evaluation {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  errors: { draft: Draft; flagged: boolean; data: unknown }[];
}

const FIXTURES = new URL('../fixtures/complex-medical-question/', import.meta.url);
export const ONLY_THIS_RULE: LintOptions = { preset: 'none', rules: { 'complex-medical-question': 'error' } };

/** The labelled drafts of one fixture file (dev.jsonl, holdout.jsonl). */
export function readDrafts(name: string): Draft[] {
  return readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Draft);
}

/** Lints every draft with only complex-medical-question and counts agreements with the labels. */
export function evaluate(drafts: Draft[], options: LintOptions = ONLY_THIS_RULE): Evaluation {
  const result: Evaluation = { tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, errors: [] };
  for (const draft of drafts) {
    const message = lint({ text: draft.text, channel: draft.channel }, options).messages.find((m) => m.ruleId === 'complex-medical-question');
    const flagged = message !== undefined;
    if (flagged && draft.label) result.tp++;
    else if (flagged) result.fp++;
    else if (draft.label) result.fn++;
    else result.tn++;
    if (flagged !== draft.label) result.errors.push({ draft, flagged, data: message?.data });
  }
  result.precision = result.tp / Math.max(1, result.tp + result.fp);
  result.recall = result.tp / Math.max(1, result.tp + result.fn);
  return result;
}

/** The confusion matrix as a small table. */
export function formatMatrix(name: string, e: Evaluation): string {
  return [
    `${name}: ${e.tp + e.fp + e.fn + e.tn} drafts`,
    '                 labelled yes  labelled no',
    `  flagged        ${String(e.tp).padStart(12)}  ${String(e.fp).padStart(11)}`,
    `  not flagged    ${String(e.fn).padStart(12)}  ${String(e.tn).padStart(11)}`,
    `  precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}`,
  ].join('\n');
}
