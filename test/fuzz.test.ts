import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, lint, measure, presets, rules, type LintOptions, type LintResult } from '../src/index.js';
import { drafts } from './fuzz-arbitraries.js';

// The library never throws on any string, and every range it reports lies inside the text.
const RUNS = 15;
const configs: Record<string, LintOptions> = {
  ...Object.fromEntries(Object.keys(presets).map((name) => [`preset ${name}`, { preset: name }])),
  'every rule': { preset: 'none', rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'error' as const])) },
};

export function checkResult(text: string, result: LintResult): void {
  for (const message of result.messages) {
    expect(message.messageId, message.message).not.toBe('internal-error');
    expect(message.start.offset).toBeGreaterThanOrEqual(0);
    expect(message.start.offset).toBeLessThanOrEqual(message.end.offset);
    expect(message.end.offset).toBeLessThanOrEqual(text.length);
    for (const edit of [...(message.fix?.edits ?? []), ...(message.suggestions ?? []).flatMap((s) => s.fix.edits)]) {
      expect(edit.range[0]).toBeGreaterThanOrEqual(0);
      expect(edit.range[0]).toBeLessThanOrEqual(edit.range[1]);
      expect(edit.range[1]).toBeLessThanOrEqual(text.length);
    }
  }
  const { count, overflowStart } = result.measure;
  expect(Number.isNaN(count)).toBe(false);
  expect(count).toBeGreaterThanOrEqual(0);
  if (overflowStart !== undefined) expect(overflowStart).toBeGreaterThanOrEqual(0), expect(overflowStart).toBeLessThanOrEqual(text.length);
}

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
