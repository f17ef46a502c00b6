import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defineChannel, lint, measure } from '../../src/index.js';

// The official twitter-text conformance suite (Apache-2.0) lives beside the repo and is read at test
// time, never copied in.
const suite = fileURLToPath(new URL('../../../shared/conformance/twitter-text/validate.yml', import.meta.url));
const present = existsSync(suite);
if (!present) console.warn(`twitter-text conformance suite not found at ${suite}: conformance tests skipped`);

interface Case {
  description: string;
  text: string;
  expected: { weightedLength: number; valid: boolean };
}

const sections: [string, ReturnType<typeof defineChannel>][] = [
  ['WeightedTweetsCounterTest', defineChannel({ id: 'x-v2', name: 'X (version2)', counter: 'x-v2', limit: 280, invalidCharacters: ['\uFFFE', '\uFEFF', '\uFFFF'] })],
  ['WeightedTweetsWithDiscountedEmojiCounterTest', defineChannel({ id: 'x', extends: 'x' })],
  ['UnicodeDirectionalMarkerCounterTest', defineChannel({ id: 'x', extends: 'x' })],
];

describe.skipIf(!present)('twitter-text conformance (validate.yml)', () => {
  const tests = present ? (parse(readFileSync(suite, 'utf8')) as { tests: Record<string, Case[]> }).tests : {};
  for (const [section, channel] of sections) {
    const cases = tests[section] ?? [];
    it(`${section} has cases`, () => expect(cases.length).toBeGreaterThan(0));
    for (const { description, text, expected } of cases) {
      it(`${section}: ${description}`, () => {
        const measured = measure(text, channel);
        expect(measured.count).toBe(expected.weightedLength);
        // Valid = fits, not empty, and no character X rejects.
        const invalid = lint({ text, channel }, { preset: 'none', rules: { 'invalid-characters': 'error' } }).messages;
        expect(measured.fits && measured.count > 0 && invalid.length === 0).toBe(expected.valid);
      });
    }
  }
});
