import { describe, it } from 'vitest';
import { rules } from '../../src/index.js';
import { deepRun, total } from '../helpers/fuzz-deep.js';

// Each rule alone, so a crash points at its rule; together with presets.deep.ts over a million inputs.
const all = Object.keys(rules);
// Two files share the rules so that the run uses two workers; rules-a.deep.ts takes the first half.
const half = Math.ceil(all.length / 2);
const ids = all.slice(half);
const perRule = Math.ceil((total * 0.8) / all.length);

describe('deep fuzz: each rule alone on every channel (second half)', () => {
  ids.forEach((id, index) => {
    it(id, () => {
      deepRun(`rule ${id}`, { preset: 'none', rules: { [id]: 'error' } }, perRule, 1100 + index);
    });
  });
});
