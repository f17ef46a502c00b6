import { readFileSync } from 'node:fs';
import { Analysis } from '../../src/facts/analysis.js';
import { keyMessageMatches } from '../../src/facts/key-message-match.js';
import type { Campaign } from '../../src/core/types.js';

/** Micro-averaged precision and recall of carried key messages over (draft, message) pairs of a labelled set. */
export function evaluate(dir: string, verbose = false) {
  const campaigns = JSON.parse(readFileSync(`${dir}/campaigns.json`, 'utf8')) as Campaign[];
  const drafts = readFileSync(`${dir}/drafts.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; campaign: string; channel: string; text: string; carries: string[] });
  let tp = 0, fp = 0, fn = 0;
  const errors: string[] = [];
  for (const draft of drafts) {
    const campaign = campaigns.find((c) => c.name === draft.campaign)!;
    const matches = keyMessageMatches(new Analysis(draft.text), campaign);
    for (const m of matches) {
      const expected = draft.carries.includes(m.id);
      if (m.carried && expected) tp++;
      else if (m.carried) { fp++; errors.push(`FP ${draft.id} ${m.id} ${m.score.toFixed(2)} found=${m.found.join(',')} missing=${m.missing.join(',')}`); }
      else if (expected) { fn++; errors.push(`FN ${draft.id} ${m.id} ${m.score.toFixed(2)} found=${m.found.join(',')} missing=${m.missing.join(',')}`); }
    }
  }
  if (verbose) console.log(errors.join('\n'));
  return { drafts: drafts.length, tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

