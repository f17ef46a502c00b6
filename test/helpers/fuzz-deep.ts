import fc from 'fast-check';
import { expect } from 'vitest';
import { channels, lint, type LintOptions } from '../../src/index.js';
import { drafts } from './fuzz-arbitraries.js';
import { checkResult } from './fuzz-check.js';

const channelIds = Object.keys(channels);
/** Inputs per property: FUZZ_INPUTS in total, shared out by the caller. */
export const total = Number(process.env.FUZZ_INPUTS ?? 1_000_000);

/**
 * Lints `runs` generated drafts with `options`, rotating through every built-in channel; returns how
 * many it checked. It counts inputs, never time: how long a run takes belongs to `npm run bench`.
 */
export function deepRun(name: string, options: LintOptions, runs: number, seed: number): { name: string; inputs: number } {
  let inputs = 0;
  fc.assert(
    fc.property(drafts, fc.nat(channelIds.length - 1), (text, index) => {
      inputs++;
      checkResult(text, lint({ text, channel: channelIds[index]! }, options));
    }),
    { numRuns: runs, seed },
  );
  expect(inputs).toBeGreaterThanOrEqual(runs);
  console.log(`fuzz:deep ${name}: ${inputs} inputs, 0 failures (seed ${seed})`);
  return { name, inputs };
}
