import { describe, it } from 'vitest';
import { presets } from '../../src/index.js';
import { deepRun, total } from '../helpers/fuzz-deep.js';

const names = Object.keys(presets);
const perPreset = Math.ceil((total * 0.2) / names.length);

describe('deep fuzz: every preset on every channel', () => {
  names.forEach((name, index) => {
    it(name, () => {
      deepRun(`preset ${name}`, { preset: name }, perPreset, 2000 + index);
    });
  });
});
