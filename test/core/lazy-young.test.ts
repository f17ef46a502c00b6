import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import type { LintResult } from '../../src/core/types.js';

// A lint result with lazy fields (its language, key-message coverage, a diagnostic's suggestions)
// must die young, as a plain object does: nothing defining them may leave the result reachable from
// the old generation, or each dropped result's analysis (words, entities, key-message terms) is
// copied out of the young generation by every collection and freed only by a full one. Counted in
// bytes: what two young-generation collections move into the old space per result, dropped against
// held (the control, which shows the count sees a surviving result).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major' }) => void;
const oldSpaceUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_used_size;

const campaign = { name: 'World Cancer Day', keyMessages: [{ id: 'early', text: 'Early diagnosis saves lives' }] };
const DRAFTS = [
  'Early diagnosis saves lives. #WorldCancerDay https://example.org/a',
  // Over X's limit: max-length's diagnostic carries lazy suggestions (a thread plan).
  'Know the signs and symptoms of cancer, and see your doctor. '.repeat(8),
];
const RESULTS = 40;

/** Bytes per result that young-generation collections promote, with the results dropped or held. */
function promotedPerResult(hold: boolean): number {
  const held: LintResult[] = [];
  gc({ type: 'major' });
  gc({ type: 'major' });
  const before = oldSpaceUsed();
  for (let i = 0; i < RESULTS; i++) {
    const result = lint({ text: `${DRAFTS[i % DRAFTS.length]} ${i}`, channel: 'x' }, { preset: 'recommended', campaign });
    if (hold) held.push(result);
  }
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  const promoted = (oldSpaceUsed() - before) / RESULTS;
  held.length = 0;
  return promoted;
}

// With per-result getters a dropped result was promoted as much as a held one (19-25 KB each); now
// 0.3-2 KB, and up to 7 KB when other test files load the machine. Half the held figure parts them.
describe('lazy result fields', () => {
  it('leave an unread, dropped result to die in the young generation', () => {
    // Compiled data, caches and code first, so that only the results' own objects are counted.
    promotedPerResult(false);
    const held = promotedPerResult(true);
    const dropped = promotedPerResult(false);
    expect(held, 'the control: held results are promoted').toBeGreaterThan(8 * 1024);
    expect(dropped, `${Math.round(dropped)} bytes promoted per dropped result, ${Math.round(held)} per held one`).toBeLessThan(held / 2);
  });
});
