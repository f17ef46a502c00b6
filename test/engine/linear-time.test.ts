import twitter from 'twitter-text';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, lint, lintCampaign, rules, type Channel, type Counter, type LintOptions } from '../../src/index.js';
import { ADVERSARIAL, MIXED } from '../../bench/adversarial.mjs';

// Linear time, checked by counting the work whose cost is not linear in its input, never with a
// clock (a shared 2-core machine makes wall-clock ratios flaky; `npm run fuzz:time` reports them):
// - twitter-text's URL pattern is quadratic on long runs of dots: every text given to its
//   extractors is at most PIECE characters long, or holds at most 64 dots (a long run read whole);
// - micromark is quadratic in the `*` and `_` runs of one parse: no parse that reads emphasis is
//   given more than 2 x 256 of them;
// - the thread planner's cost is the characters it measures: a bounded number per character.
// Each is counted at the library's own entry points (twitter-text's extractors, unified's parse, a
// channel's counter), so postlint's code cannot hide work from it.
const PIECE = 1000;
const MAX_DOTS_IN_A_LONG_INPUT = 64;
const MAX_DELIMITER_RUNS_PER_PARSE = 512;
const MAX_MEASURED_PER_CHARACTER = 160;

const everyRule: LintOptions = { preset: 'none', rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'error' as const])) };

// The families bench/fuzz-time.mjs times (runs of one unit, runs ending where a pattern fails late, the shapes issue 13 found slow).
const FAMILIES = ADVERSARIAL;

// What each library entry point was given, counted where postlint calls it.
const extractorInputs: { length: number; dots: number }[] = [];
const parses: { length: number; runs: number; emphasis: boolean }[] = [];
const EXTRACTORS = ['extractUrlsWithIndices', 'extractMentionsOrListsWithIndices', 'extractHashtagsWithIndices', 'extractCashtagsWithIndices', 'extractEntitiesWithIndices'] as const;
const countDots = (text: string) => text.split('.').length - 1;

beforeAll(() => {
  for (const name of EXTRACTORS) {
    const original = twitter[name] as (text: string, ...rest: unknown[]) => unknown;
    vi.spyOn(twitter, name).mockImplementation(((text: string, ...rest: unknown[]) => {
      extractorInputs.push({ length: text.length, dots: countDots(text) });
      return original.call(twitter, text, ...rest);
    }) as never);
  }
  const processor = Object.getPrototypeOf(unified()) as { parse(this: { data(key: string): unknown }, text: unknown): unknown };
  const parse = processor.parse;
  vi.spyOn(processor, 'parse').mockImplementation(function (this: { data(key: string): unknown }, file: unknown) {
    const text = String(file);
    const extensions = (this.data('micromarkExtensions') ?? []) as { disable?: { null?: string[] } }[];
    parses.push({ length: text.length, runs: text.match(/[*_]+/g)?.length ?? 0, emphasis: !extensions.some((e) => e.disable?.null?.includes('attention')) });
    return parse.call(this, file);
  });
});
afterAll(() => vi.restoreAllMocks());

/** Runs `work` and returns what it gave the extractors and the parser. */
function counted(work: () => void) {
  extractorInputs.length = 0;
  parses.length = 0;
  work();
  return {
    extracted: extractorInputs.reduce((sum, input) => sum + input.length, 0),
    longDottyInputs: extractorInputs.filter((input) => input.length > PIECE && input.dots > MAX_DOTS_IN_A_LONG_INPUT).length,
    parsed: parses.reduce((sum, parse) => sum + parse.length, 0),
    mostRuns: Math.max(0, ...parses.filter((p) => p.emphasis).map((p) => p.runs)),
  };
}

/** X's counter, counting the characters the thread planner measures with it. */
function countingChannel(): { channel: Channel; measured: () => number } {
  let measured = 0;
  const counter: Counter = {
    unit: channels.x.counter.unit,
    count(text, limit, facts) {
      measured += text.length;
      return channels.x.counter.count(text, limit, facts);
    },
  };
  // Still X to every rule that asks for its id.
  return { channel: { ...channels.x, counter }, measured: () => measured };
}

describe('linear time on adversarial input, counted', () => {
  for (const [name, build] of Object.entries(FAMILIES)) {
    it(`${name}: every rule on X, a thread planned for its suggestion`, { timeout: 120_000 }, () => {
      // Up to 10,000 characters max-length plans a thread for its suggestion: both sizes include it.
      const extractedPerCharacter: number[] = [];
      for (const text of [build(1_000), build(10_000)]) {
        const { channel, measured } = countingChannel();
        // Suggestions are computed when read (max-length's thread plan), as an editor's code action reads them.
        const work = counted(() => {
          for (const message of lint({ text, channel }, everyRule).messages) void message.suggestions;
        });
        expect(work.longDottyInputs, 'long dotted inputs given to twitter-text').toBe(0);
        expect(work.mostRuns, 'delimiter runs in one parse that reads emphasis').toBeLessThanOrEqual(MAX_DELIMITER_RUNS_PER_PARSE);
        expect(work.parsed, 'characters parsed').toBeLessThanOrEqual(text.length);
        expect(measured() / text.length, 'characters measured per character').toBeLessThanOrEqual(MAX_MEASURED_PER_CHARACTER);
        extractedPerCharacter.push(work.extracted / text.length);
      }
      // Ten times the draft, at most ten times the characters given to twitter-text (a little slack for piece ends).
      expect(extractedPerCharacter[1], 'characters given to twitter-text per character, 10,000 against 1,000').toBeLessThanOrEqual(extractedPerCharacter[0]! * 1.1 + 1);
    });
  }

  it('a campaign plan whose draft is 20,000 characters of "*a* " parses in pieces', () => {
    const plan = `---\nname: Spot It Early\nkeyMessages:\n  - id: early\n    text: Cancer found early is easier to treat.\n---\n## x\n${'*a* '.repeat(5000)}\n`;
    const work = counted(() => lintCampaign(plan));
    expect(work.mostRuns).toBeLessThanOrEqual(MAX_DELIMITER_RUNS_PER_PARSE);
    expect(work.parsed).toBeLessThanOrEqual(2 * plan.length);
  });

  // Rules that report each finding (max-length and readability's grade report once per draft).
  const PER_FINDING = new Set(['hidden-characters', 'suspicious-link', 'personal-data']);

  it('200 kB of mixed content: ten times the findings and the work of 20 kB', { timeout: 120_000 }, () => {
    const piece = MIXED;
    const pieces = Math.ceil(20_000 / piece.length);
    let messages = 0;
    const findings = (text: string) => (messages = lint({ text, channel: 'x' }, everyRule).messages.filter((m) => PER_FINDING.has(m.ruleId)).length);
    const a = counted(() => findings(piece.repeat(pieces)));
    const small = messages;
    const b = counted(() => findings(piece.repeat(pieces * 10)));
    expect(messages).toBe(small * 10);
    expect(b.extracted).toBe(a.extracted * 10);
    expect(b.longDottyInputs).toBe(0);
  });
});
