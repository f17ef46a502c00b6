import { describe, expect, it } from 'vitest';
import { defineRule, type Report, type Rule } from '../../src/index.js';
import { RuleTester, RuleTesterError, type RuleTesterCases, type RuleTesterProblem } from '../../src/testing/rule-tester.js';

/** A rule that flags every "hello" and does to it whatever `act` says. */
function helloRule(act: (start: number, end: number, text: string) => Partial<Report> = () => ({})): Rule<Record<string, never>> {
  return defineRule({
    meta: {
      id: 'test-hello',
      description: 'Flags the word hello, for testing the tester.',
      severity: 'warning',
      fixable: true,
      hasSuggestions: true,
      messages: { hello: 'Found hello' },
      defaults: {},
      docs: { why: 'Test only.', correct: [], incorrect: [] },
    },
    check({ text, report }) {
      for (const match of text.matchAll(/hello/g)) {
        const start = match.index!;
        report({ messageId: 'hello', start, end: start + 5, ...act(start, start + 5, text) });
      }
    },
  });
}

const tester = new RuleTester();
const problems = (rule: Rule<any>, cases: Partial<RuleTesterCases>): RuleTesterProblem[] =>
  tester.check(rule, { valid: [], invalid: [], ...cases }).failures.map((f) => f.error.problem);
const replace = (text: string) => (start: number, end: number): Partial<Report> => ({ fix: { edits: [{ range: [start, end], text }] } });

describe('RuleTester accepts a correct rule', () => {
  it('passes valid and invalid cases with messages, ranges, line and column, output and suggestions', () => {
    const rule = helloRule((start, end) => ({
      fix: { edits: [{ range: [start, end], text: 'hi' }] },
      suggestions: [{ title: 'Say hey', fix: { edits: [{ range: [start, end], text: 'hey' }] } }],
    }));
    const report = tester.check(rule, {
      valid: [{ text: 'Good morning' }],
      invalid: [
        {
          text: 'Say\nhello there',
          errors: [{ message: 'Found hello', messageId: 'hello', severity: 'error', range: [4, 9], line: 2, column: 1, endLine: 2, endColumn: 6, suggestions: [{ title: 'Say hey', output: 'Say\nhey there' }] }],
          output: 'Say\nhi there',
        },
        { text: 'hello and hello', errors: 2, output: 'hi and hi', suggestions: [{ output: 'hey and hello' }, { output: 'hello and hey' }] },
      ],
    });
    expect(report).toEqual({ passed: 3, failures: [] });
  });

  it('registers one test per case with describe and it', () => {
    const titles: string[] = [];
    const bodies: (() => void)[] = [];
    new RuleTester({ describe: (name, body) => (titles.push(name), body()), it: (name, body) => (titles.push(name), bodies.push(body)) }).run('hello', helloRule(), {
      valid: [{ text: 'Good morning', channel: 'x' }],
      invalid: [{ name: 'a greeting', text: 'hello', errors: ['Found hello'], output: null }],
    });
    expect(titles).toEqual(['hello', 'valid: "Good morning" (x)', 'invalid: a greeting']);
    for (const body of bodies) body();
  });

  it('throws a RuleTesterError from run when there is no test framework and a case fails', () => {
    expect(() => tester.run('hello', helloRule(), { valid: [{ text: 'hello' }], invalid: [] })).toThrow(RuleTesterError);
    expect(() => tester.run('hello', helloRule(), { valid: [{ text: 'hi' }], invalid: [] })).not.toThrow();
  });
});

describe('RuleTester rejects', () => {
  const rule = helloRule();

  it('duplicate cases, even across valid and invalid', () => {
    expect(problems(rule, { valid: [{ text: 'hi' }, { text: 'hi' }] })).toEqual(['duplicate-case']);
    expect(problems(rule, { valid: [{ text: 'hello', channel: 'x' }], invalid: [{ text: 'hello', channel: 'x', errors: 1 }] })).toEqual(['unexpected-message', 'duplicate-case']);
    // Another channel or other options make another case.
    expect(problems(rule, { valid: [{ text: 'hi', channel: 'x' }, { text: 'hi', channel: 'bluesky' }] })).toEqual([]);
  });

  it('a message on a valid case', () => {
    expect(problems(rule, { valid: [{ text: 'hello' }] })).toEqual(['unexpected-message']);
  });

  it('the wrong number of messages, and an invalid case expecting none', () => {
    expect(problems(rule, { invalid: [{ text: 'hello hello', errors: 1, output: null }] })).toEqual(['message-count']);
    expect(problems(rule, { invalid: [{ text: 'hi', errors: [] }] })).toEqual(['message-count']);
  });

  it('a wrong message, messageId, range, line or column', () => {
    expect(problems(rule, { invalid: [{ text: 'hello', errors: ['Found hi'] }] })).toEqual(['message-mismatch']);
    expect(problems(rule, { invalid: [{ text: 'hello', errors: [{ messageId: 'hi' }] }] })).toEqual(['message-mismatch']);
    expect(problems(rule, { invalid: [{ text: 'a hello', errors: [{ range: [2, 6] }] }] })).toEqual(['message-mismatch']);
    expect(problems(rule, { invalid: [{ text: 'a hello', errors: [{ line: 2 }] }] })).toEqual(['message-mismatch']);
    expect(problems(rule, { invalid: [{ text: 'a hello', errors: [{ column: 2 }] }] })).toEqual(['message-mismatch']);
  });

  it('a rule that crashes', () => {
    const crashing = helloRule(() => {
      throw new Error('boom');
    });
    expect(problems(crashing, { invalid: [{ text: 'hello', errors: 1 }] })).toEqual(['rule-crashed']);
  });

  it('a wrong output, a fix without an expected output, and a fix where none was expected', () => {
    const fixing = helloRule(replace('hi'));
    expect(problems(fixing, { invalid: [{ text: 'hello', errors: 1, output: 'hey' }] })).toEqual(['output-mismatch']);
    expect(problems(fixing, { invalid: [{ text: 'hello', errors: 1 }] })).toEqual(['output-not-asserted']);
    expect(problems(fixing, { invalid: [{ text: 'hello', errors: 1, output: null }] })).toEqual(['unexpected-fix']);
  });

  it('a fix whose edits overlap or fall outside the text', () => {
    const overlapping = helloRule((start, end) => ({ fix: { edits: [{ range: [start, end], text: 'a' }, { range: [start + 1, end], text: 'b' }] } }));
    expect(problems(overlapping, { invalid: [{ text: 'hello', errors: 1, output: 'hello' }] })).toEqual(['fix-malformed']);
    const outside = helloRule((start) => ({ fix: { edits: [{ range: [start, start + 99], text: '' }] } }));
    expect(problems(outside, { invalid: [{ text: 'hello', errors: 1, output: 'hello' }] })).toEqual(['fix-malformed']);
  });

  it('a fix that changes nothing', () => {
    expect(problems(helloRule(replace('hello')), { invalid: [{ text: 'hello', errors: 1, output: 'hello' }] })).toEqual(['fix-no-change']);
  });

  it('a fix that is not idempotent', () => {
    // "hello" becomes "hello hello": fixing the output again changes it again.
    const growing = helloRule(replace('hello hello'));
    expect(problems(growing, { invalid: [{ text: 'hello', errors: 1, output: 'hello hello' }] })).toEqual(['fix-not-idempotent']);
  });

  it('a fix that gives another rule of the preset something new to report', () => {
    // X shows Markdown literally: no-markdown (recommended) finds the bold the fix adds.
    const bolding = helloRule(replace('**hi**'));
    expect(problems(bolding, { invalid: [{ text: 'hello', channel: 'x', errors: 1, output: '**hi**' }] })).toEqual(['fix-new-error']);
    // The same fix is fine where Markdown renders.
    expect(problems(bolding, { invalid: [{ text: 'hello', channel: 'email', errors: 1, output: '**hi**' }] })).toEqual([]);
    // And with a preset that does not care.
    const lenient = new RuleTester({ preset: 'none' });
    expect(lenient.check(bolding, { valid: [], invalid: [{ text: 'hello', channel: 'x', errors: 1, output: '**hi**' }] }).failures).toEqual([]);
  });

  it('a fix that breaks a hashtag or mention next to it', () => {
    // Removing the space after the flagged word glues the next word onto the hashtag before it.
    const gluing = helloRule((start, end) => ({ fix: { edits: [{ range: [start, end + 1], text: '' }] } }));
    expect(problems(gluing, { invalid: [{ text: 'Join #run hello now', errors: 1, output: 'Join #run now' }] })).toEqual([]);
    const eatingSpace = helloRule((start, end) => ({ fix: { edits: [{ range: [start - 1, end], text: '' }] } }));
    expect(problems(eatingSpace, { invalid: [{ text: '#run hello', errors: 1, output: '#run' }] })).toEqual([]);
    const joining = helloRule((start, end) => ({ fix: { edits: [{ range: [start - 1, end + 1], text: '' }] } }));
    expect(problems(joining, { invalid: [{ text: 'Join #run hello now', errors: 1, output: 'Join #runnow' }] })).toEqual(['fix-breaks-entity']);
    expect(problems(joining, { invalid: [{ text: 'Thanks @nurse hello team', errors: 1, output: 'Thanks @nurseteam' }] })).toEqual(['fix-breaks-entity']);
  });

  it('a fix that breaks a URL it edits inside', () => {
    const rule = defineRule({
      meta: { ...helloRule().meta, id: 'test-query' },
      check({ text, report }) {
        const at = text.indexOf('?');
        if (at >= 0) report({ messageId: 'hello', start: at, end: at + 1, fix: { edits: [{ range: [at, at + 1], text: ' ' }] } });
      },
    });
    expect(problems(rule, { invalid: [{ text: 'See https://example.org/a?b=1', errors: 1, output: 'See https://example.org/a b=1' }] })).toEqual(['fix-breaks-entity']);
  });

  it('a fix that breaks a grapheme next to it', () => {
    // An accent inside the replacement is fine; one at its start joins the space before it.
    const accenting = helloRule((start, end) => ({ fix: { edits: [{ range: [start, end], text: 'he\u0301llo!' }] } }));
    expect(problems(accenting, { invalid: [{ text: 'je hello', errors: 1, output: 'je he\u0301llo!' }] })).toEqual([]);
    const leading = helloRule((start, end) => ({ fix: { edits: [{ range: [start, end], text: '\u0301hi' }] } }));
    expect(problems(leading, { invalid: [{ text: 'je hello', errors: 1, output: 'je \u0301hi' }] })).toEqual(['fix-breaks-grapheme']);
    const glued = helloRule((start, end) => ({ fix: { edits: [{ range: [start - 1, end], text: '\u0301' }] } }));
    expect(problems(glued, { invalid: [{ text: 'je hello', errors: 1, output: 'je\u0301' }] })).toEqual(['fix-breaks-grapheme']);
    // A zero-width joiner added after a family emoji's last person merges graphemes too.
    const joiner = helloRule((start, end) => ({ fix: { edits: [{ range: [start - 1, end], text: '\u200D\u2764\uFE0F' }] } }));
    expect(problems(joiner, { invalid: [{ text: '👩 hello', errors: 1, output: '👩\u200D\u2764\uFE0F' }] })).toEqual(['fix-breaks-grapheme']);
  });

  it('suggestions that are not asserted, do not match or change nothing', () => {
    const suggesting = helloRule((start, end) => ({ suggestions: [{ title: 'Say hi', fix: { edits: [{ range: [start, end], text: 'hi' }] } }] }));
    expect(problems(suggesting, { invalid: [{ text: 'hello', errors: 1 }] })).toEqual(['suggestions-not-asserted']);
    expect(problems(suggesting, { invalid: [{ text: 'hello', errors: [{ suggestions: [{ title: 'Say hi', output: 'hey' }] }] }] })).toEqual(['suggestion-mismatch']);
    expect(problems(suggesting, { invalid: [{ text: 'hello', errors: [{ suggestions: [{ title: 'Say hey', output: 'hi' }] }] }] })).toEqual(['suggestion-mismatch']);
    expect(problems(suggesting, { invalid: [{ text: 'hello', errors: 1, suggestions: [] }] })).toEqual(['suggestion-mismatch']);
    expect(problems(suggesting, { invalid: [{ text: 'hello', errors: 1, suggestions: [{ output: 'hi' }] }] })).toEqual([]);
    const idle = helloRule((start, end) => ({ suggestions: [{ title: 'Keep it', fix: { edits: [{ range: [start, end], text: 'hello' }] } }] }));
    expect(problems(idle, { invalid: [{ text: 'hello', errors: 1, suggestions: [{ output: 'hello' }] }] })).toEqual(['suggestion-no-change']);
  });
});
