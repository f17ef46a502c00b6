import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, lint, measure, presets, rules, type LintOptions } from '../../src/index.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';
import { checkResult } from '../helpers/fuzz-check.js';

// The library never throws on any string, and every range it reports lies inside the text.
const RUNS = 15;
const configs: Record<string, LintOptions> = {
  ...Object.fromEntries(Object.keys(presets).map((name) => [`preset ${name}`, { preset: name }])),
  'every rule': { preset: 'none', rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'error' as const])) },
};

describe('fuzz: lint and measure never throw', () => {
  for (const channel of Object.keys(channels)) {
    for (const [name, options] of Object.entries(configs)) {
      it(`${channel}, ${name}`, () => {
        fc.assert(
          fc.property(drafts, (text) => {
            checkResult(text, lint({ text, channel }, options));
            const measured = measure(text, channel);
            expect(measured.count).toBeGreaterThanOrEqual(0);
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it('a Mastodon content warning made of anything is measured too', () => {
    fc.assert(
      fc.property(drafts, drafts, (text, contentWarning) => {
        checkResult(text, lint({ text, channel: 'mastodon', contentWarning }));
      }),
      { numRuns: RUNS },
    );
  });

  it('the fuzzer reaches the rules: fragments produce messages from every new rule', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(drafts, (text) => {
        for (const m of lint({ text, channel: 'x' }).messages) seen.add(m.ruleId);
      }),
      { numRuns: 150, seed: 7 },
    );
    expect([...seen].filter((id) => ['hidden-characters', 'suspicious-link', 'personal-data'].includes(id)).sort()).toEqual([
      'hidden-characters',
      'personal-data',
      'suspicious-link',
    ]);
  });
});
