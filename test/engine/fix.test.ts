import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenOutsideEdits, normaliseEdits } from '../../src/text/edits.js';
import { applyFix, applyFixes, lint, MAX_FIX_PASSES, PostlintConfigError, defineRule, type LintOptions } from '../../src/index.js';

const fix = (...edits: [number, number, string][]) => ({ fix: { edits: edits.map(([s, e, text]) => ({ range: [s, e] as [number, number], text })) } });

describe('applyFixes', () => {
  it('applies disjoint fixes whatever their order, and reports which it applied', () => {
    const first = fix([0, 5, 'Hi']);
    const second = fix([6, 11, 'all']);
    const result = applyFixes('Hello world', [second, first]);
    expect(result).toEqual({ output: 'Hi all', fixed: true, applied: [first, second], skipped: [] });
  });

  it('applies all the edits of one fix together', () => {
    expect(applyFixes('**bold**', [fix([0, 2, ''], [6, 8, ''])]).output).toBe('bold');
  });

  it('leaves a fix that overlaps an earlier one for the next pass', () => {
    const wide = fix([0, 8, 'x']);
    const inner = fix([2, 4, 'y']);
    const result = applyFixes('abcdefgh', [inner, wide]);
    expect(result.output).toBe('x');
    expect(result.applied).toEqual([wide]);
    expect(result.skipped).toEqual([inner]);
  });

  it('applies fixes that touch, but not two insertions at the same point', () => {
    expect(applyFixes('abcd', [fix([0, 2, 'X']), fix([2, 4, 'Y'])]).output).toBe('XY');
    const result = applyFixes('ab', [fix([1, 1, '1']), fix([1, 1, '2'])]);
    expect(result.output).toBe('a1b');
    expect(result.skipped).toHaveLength(1);
  });

  it('skips malformed fixes instead of throwing', () => {
    const outside = fix([2, 99, '']);
    const backwards = fix([3, 1, '']);
    const overlapping = fix([0, 2, 'a'], [1, 3, 'b']);
    const result = applyFixes('abc', [outside, backwards, overlapping, { fix: { edits: [{ range: [0, 1], text: 5 }] } } as never]);
    expect(result).toMatchObject({ output: 'abc', fixed: false, applied: [] });
    expect(result.skipped).toHaveLength(4);
    expect(applyFix('abc', { edits: [{ range: [1, 0], text: '' }] })).toBeUndefined();
  });

  it('ignores messages without a fix, and a fix that changes nothing is not "fixed"', () => {
    expect(applyFixes('abc', [{}, fix([0, 1, 'a'])])).toMatchObject({ output: 'abc', fixed: false });
  });
});

describe('lint with fix: true', () => {
  it('returns the fixed text and the messages that remain for it', () => {
    const result = lint({ text: 'Join us **today**  at the clinic. ', channel: 'x' }, { fix: true });
    expect(result.output).toBe('Join us today at the clinic.');
    expect(result.messages).toEqual([]);
  });

  it('re-lints until stable: a fix left out for overlapping another is applied in the next pass', () => {
    const text = 'Read [our guide](https://example.org/guide?utm_source=mail)';
    const once = applyFixes(text, lint({ text, channel: 'bluesky' }).messages);
    expect(once.skipped.map((m) => m.ruleId)).toEqual(['link-tracking']);
    const result = lint({ text, channel: 'bluesky' }, { fix: true });
    expect(result.output).toBe('Read our guide https://example.org/guide');
    expect(result.messages).toEqual([]);
  });

  it('never applies suggestions, and keeps the messages of what it cannot fix', () => {
    const text = 'Join #worldcancerday';
    const result = lint({ text, channel: 'x' }, { fix: true });
    expect(result.output).toBe(text);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['hashtag-case']);
  });

  it('stops after MAX_FIX_PASSES passes even when a rule keeps fixing', () => {
    let runs = 0;
    const growing = defineRule({
      meta: { id: 'grow', description: 'Always adds a letter, for testing.', severity: 'warning', fixable: true, messages: { grow: 'grow' }, defaults: {}, docs: { why: '', correct: [], incorrect: [] } },
      check({ text, report }) {
        runs++;
        report({ messageId: 'grow', start: 0, end: 0, fix: { edits: [{ range: [text.length, text.length], text: 'a' }] } });
      },
    });
    const options: LintOptions = { preset: 'none', plugins: { test: { rules: { grow: growing } } }, rules: { 'test/grow': 'warn' }, fix: true };
    const result = lint({ text: '' }, options);
    expect(result.output).toBe('a'.repeat(MAX_FIX_PASSES));
    expect(runs).toBe(MAX_FIX_PASSES + 1);
    expect(result.messages).toHaveLength(1);
  });

  it('has no output without the option, and rejects a fix option that is not a boolean', () => {
    expect(lint({ text: 'a  b', channel: 'x' }).output).toBeUndefined();
    expect(lint({ text: 'a  b', channel: 'x' }, { fix: false }).output).toBeUndefined();
    expect(() => lint({ text: 'a' }, { fix: 'yes' as never })).toThrow(PostlintConfigError);
    expect(() => lint({ text: 'a' }, { fix: 'yes' as never })).toThrow(/fix/);
  });
});

describe('fixes on random drafts', () => {
  const piece = fc.oneof(
    fc.stringMatching(/^[a-zA-Z]{1,8}$/),
    fc.constantFrom('**bold**', '_it_', '[guide](https://example.org/g?utm_source=x)', '`code`', '# Heading', '> quote'),
    fc.constantFrom('https://example.org/a?utm_medium=x&id=2', 'example.org/?fbclid=1', '#worldcancerday', '@nurse', '$ABC', '👩‍👩‍👧', 'e\u0301', '\uFEFF', '\uD800'),
  );
  const space = fc.constantFrom(' ', '  ', '\t', '\n', ' \n', '\n\n\n\n', '');
  const draft = fc.array(fc.tuple(piece, space), { maxLength: 40, size: 'max' }).map((pairs) => pairs.map(([p, s]) => p + s).join(''));

  it('lint with fix never throws, and fixing its output again changes nothing', () => {
    fc.assert(
      fc.property(draft, fc.constantFrom('x', 'bluesky', 'mastodon', 'email'), (text, channel) => {
        const fixed = lint({ text, channel }, { fix: true });
        expect(lint({ text: fixed.output!, channel }, { fix: true }).output).toBe(fixed.output);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('no built-in fix breaks a URL, mention, hashtag, cashtag or grapheme outside the text it edits', () => {
    fc.assert(
      fc.property(draft, fc.constantFrom('x', 'bluesky', 'mastodon'), (text, channel) => {
        for (const message of lint({ text, channel }).messages) {
          for (const change of [message.fix, ...(message.suggestions ?? []).map((s) => s.fix)]) {
            if (!change) continue;
            const output = applyFix(text, change);
            expect(output, `${message.ruleId} on ${JSON.stringify(text)}`).toBeDefined();
            expect(brokenOutsideEdits(text, output!, normaliseEdits(change, text.length)!), `${message.ruleId} on ${JSON.stringify(text)}`).toBeUndefined();
          }
        }
      }),
      { numRuns: 60, seed: 43 },
    );
  });
});
