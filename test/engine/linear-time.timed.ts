import { describe, expect, it } from 'vitest';
import { lint, rules, type LintOptions } from '../../src/index.js';

// Linting ten times the input may take about ten times as long, never more than 25 times: a
// ratio measured in this run (best of three, each timing long enough to be stable), not a time.
const MAX_RATIO = 25;
const BASE = 5_000;
// Counting alone is fast: its small input must be large enough to leave the JIT's and the GC's start-up
// effects behind.
const COUNTER_BASE: Record<string, number> = { mastodon: 20_000, bluesky: 20_000, sms: 20_000 };
const measureOnly: LintOptions = { preset: 'none' };
const everyRule: LintOptions = { preset: 'none', rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'error' as const])) };

// Runs of one unit, and runs that end in a character that makes a pattern fail at the last moment
// (the shape that makes a backtracking regex quadratic).
const RUNS: Record<string, string> = {
  hashes: '#',
  'at signs': '@',
  dots: '.',
  'colon slashes': ':/',
  'open brackets': '(',
  'square brackets': '[',
  'angle brackets': '<',
  stars: '*',
  spaces: ' ',
  'emoji modifiers': '👍🏽',
  'bare modifiers': '🏽',
  'zero-width joiners': '\u200D',
  'domain-like': 'a.',
  'mention-like': '@a',
  'email-like': 'a@b.',
  'hashtag-like': '#a',
  'url-like': 'http://a.',
  'digits and spaces': '1 ',
  'phone-like': '0808 800 4040 ',
  'fancy letters': '𝗙',
  'lone surrogates': '\uD800',
  'words and a health detail': 'Hi Sam, your biopsy ',
};
const ENDINGS: Record<string, [string, string]> = {
  'dots before a letter': ['.', 'x'],
  'question marks and brackets before a letter': ['?)', 'x'],
  'dashes before a letter': ['-', 'x'],
  'letters before an at sign': ['a', '@'],
  'remote-mention-like before a letter': ['@a.', '@b'],
  'spaces before a letter': [' ', 'x'],
  'digits before a letter': ['9', 'x'],
};
const ADVERSARIAL: Record<string, (size: number) => string> = {
  ...Object.fromEntries(Object.entries(RUNS).map(([name, unit]) => [`runs of ${name}`, (size: number) => unit.repeat(Math.ceil(size / unit.length))])),
  ...Object.fromEntries(Object.entries(ENDINGS).map(([name, [unit, end]]) => [name, (size: number) => unit.repeat(Math.ceil(size / unit.length)) + end])),
};

function secondsPerRun(run: () => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    let runs = 0;
    const start = performance.now();
    do {
      run();
      runs++;
    } while (performance.now() - start < 30);
    best = Math.min(best, (performance.now() - start) / runs);
  }
  return best;
}

// Everything lint() can hand out, suggestions included: they are computed when read (max-length's
// thread plan), and an editor's code action reads them.
function lintAndRead(text: string, channel: string, options: LintOptions): void {
  for (const message of lint({ text, channel }, options).messages) void message.suggestions;
}

function ratio(build: (size: number) => string, channel: string, size: number, options: LintOptions): number {
  const small = build(size);
  const large = build(size * 10);
  lintAndRead(small, channel, options); // warm up the JIT and the module-level caches
  return secondsPerRun(() => lintAndRead(large, channel, options)) / secondsPerRun(() => lintAndRead(small, channel, options));
}

describe('linear time on adversarial input', () => {
  for (const [name, build] of Object.entries(ADVERSARIAL)) {
    it(`${name}: every rule on X, the counters of Mastodon, Bluesky and SMS`, () => {
      expect(ratio(build, 'x', BASE, everyRule), `${name}, every rule`).toBeLessThanOrEqual(MAX_RATIO);
      for (const channel of ['mastodon', 'bluesky', 'sms']) {
        expect(ratio(build, channel, COUNTER_BASE[channel]!, measureOnly), `${name} on ${channel}`).toBeLessThanOrEqual(MAX_RATIO);
      }
    });
  }

  // Rules that report each finding (max-length and readability's grade report once per draft).
  const PER_FINDING = new Set(['hidden-characters', 'suspicious-link', 'personal-data']);

  it('a 1 MB draft of mixed content takes at most 25x the time of 100 kB', { timeout: 120_000 }, () => {
    const piece = 'Hi Sam, your biopsy results 0808 800 4040 https://exаmple.org/a?b=c #Health @jane_d http://bit.ly/y 👩‍⚕️\u200B𝗙𝗿𝗲𝗲 jane@example.org DOB 12/03/1985\n';
    const pieces = Math.ceil(100_000 / piece.length);
    const small = piece.repeat(pieces);
    const large = piece.repeat(pieces * 10);
    expect(large.length).toBeGreaterThanOrEqual(1_000_000);
    const time = (text: string) => {
      const start = performance.now();
      const result = lint({ text, channel: 'x' }, everyRule);
      return { ms: performance.now() - start, messages: result.messages.filter((m) => PER_FINDING.has(m.ruleId)).length };
    };
    time(small);
    const a = time(small);
    const b = time(large);
    // Every piece has the same findings, so the large draft has ten times their messages.
    expect(b.messages).toBe(a.messages * 10);
    expect(b.ms / a.ms).toBeLessThanOrEqual(MAX_RATIO);
  });
});
