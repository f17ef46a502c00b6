import { describe, expect, it } from 'vitest';
import { evaluate, formatMatrix, readDrafts } from '../helpers/complex-medical-question-eval.js';

// The rule was tuned on dev.jsonl and on tuning-probes.jsonl (drafts written by the rule's author while tuning);
// holdout.jsonl, from the same labeller as dev.jsonl, checks that it generalises.
describe('complex-medical-question on the labelled drafts', () => {
  for (const name of ['dev.jsonl', 'holdout.jsonl', 'tuning-probes.jsonl']) {
    it(`${name}: precision >= 0.90 and recall >= 0.85`, () => {
      const drafts = readDrafts(name);
      const result = evaluate(drafts);
      console.log(formatMatrix(name, result));
      for (const { draft, flagged } of result.errors) console.log(`  ${flagged ? 'false positive' : 'false negative'} ${draft.id} (${draft.kind})`);
      expect(result.tp + result.fp + result.fn + result.tn).toBe(drafts.length);
      expect(result.precision).toBeGreaterThanOrEqual(0.9);
      expect(result.recall).toBeGreaterThanOrEqual(0.85);
    });
  }
});
