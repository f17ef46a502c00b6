import type { Campaign, ChannelId, Diagnostic, Fix, Contacts, Product, RuleSetting, Severity } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import type { Rule, RuleExample } from '../rule/rule.js';
import type { Language } from '../facts/language.js';
import { createLinter, presets, rules as builtinRules, type Linter } from '../index.js';
import { pluginRules } from '../engine/settings.js';
import { applyFix, applyFixes, brokenOutsideEdits, normaliseEdits } from '../text/edits.js';

/** A draft the rule must accept. */
export interface ValidCase {
  /** Shown in the test title; the text is used when absent. */
  name?: string;
  text: string;
  channel?: ChannelId;
  options?: Record<string, unknown>;
  /** Products for rules that read them (the pharma rules). */
  products?: Product[];
  /** The organisation's own contacts (`LintOptions.contacts`). */
  contacts?: Contacts;
  /** The campaign, for the campaign rules. */
  campaign?: Campaign;
  /** `text` is a whole Markdown campaign file, linted with `lintCampaign` (plan-level rules); positions are in that file. */
  plan?: boolean;
  /** The draft's language (`LintOptions.language`); detected from the text when absent. */
  language?: Language;
  /** `text` is a thread document, linted post by post with `lintThread` (thread-level rules); positions are in the document. */
  thread?: boolean;
}

/** What one expected message must match; every field given is compared, the others are not. */
export interface ExpectedMessage {
  message?: string;
  messageId?: string;
  severity?: Severity;
  /** UTF-16 [start, end) in the draft. */
  range?: [number, number];
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Every suggestion of the message, in order, with the text after applying it alone. */
  suggestions?: { title?: string; output: string }[];
}

/** A draft the rule must flag. */
export interface InvalidCase extends ValidCase {
  /** The messages expected, in order (a string is the message text), or how many. */
  errors: number | (string | ExpectedMessage)[];
  /** The text after one pass of the rule's fixes; `null` when the rule must offer no fix. Required when it fixes. */
  output?: string | null;
  /** Every suggestion of every message, in order (instead of per message in `errors`). */
  suggestions?: { title?: string; output: string }[];
}

export interface RuleTesterCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Why a case failed; tests (and authors) can tell the rejections apart by this code. */
export type RuleTesterProblem =
  | 'duplicate-case'
  | 'unexpected-message'
  | 'message-count'
  | 'message-mismatch'
  | 'rule-crashed'
  | 'output-mismatch'
  | 'output-not-asserted'
  | 'unexpected-fix'
  | 'fix-malformed'
  | 'fix-no-change'
  | 'fix-not-idempotent'
  | 'fix-new-error'
  | 'fix-breaks-entity'
  | 'fix-breaks-grapheme'
  | 'suggestion-mismatch'
  | 'suggestions-not-asserted'
  | 'suggestion-no-change';

export class RuleTesterError extends Error {
  readonly problem: RuleTesterProblem;
  constructor(problem: RuleTesterProblem, message: string) {
    super(`[${problem}] ${message}`);
    this.name = 'RuleTesterError';
    this.problem = problem;
  }
}

export interface RuleTesterFailure {
  case: string;
  error: RuleTesterError;
}

export interface RuleTesterReport {
  passed: number;
  failures: RuleTesterFailure[];
}

export interface RuleTesterConfig {
  /** Your test framework's `describe` and `it` (vitest, jest, node:test, mocha); without them `run` runs the cases itself. */
  describe?: (name: string, body: () => void) => unknown;
  it?: (name: string, body: () => void) => unknown;
  /** Preset whose other rules must not find anything new in a fixed draft. Default `recommended`. */
  preset?: string;
  /** Channels and plugins the cases need (custom channels, rules the preset names). */
  lintOptions?: Pick<LintOptions, 'channels' | 'plugins' | 'longFormChannels' | 'products'>;
}

/**
 * Tests a rule the way ESLint's RuleTester does, with the checks a post linter needs: exact
 * messages and ranges, the fixed text and each suggestion's text, and fixes that are safe — they
 * change something, are idempotent, add no problem another rule finds, and leave every URL,
 * mention, hashtag, cashtag and grapheme outside the edited text as it was.
 *
 * Pure: give it your framework's `describe` and `it`, or call `check` and read the report.
 */
export class RuleTester {
  readonly #config: RuleTesterConfig;
  readonly #linters = new WeakMap<Rule<any>, Linter>();

  constructor(config: RuleTesterConfig = {}) {
    this.#config = config;
  }

  /** Registers one test per case with `describe`/`it`; without them, runs the cases and throws on the first failures. */
  run(name: string, rule: Rule<any>, cases: RuleTesterCases): void {
    const { describe, it } = this.#config;
    const planned = this.#plan(rule, cases);
    if (describe && it) {
      describe(name, () => {
        for (const { title, test } of planned) it(title, test);
      });
      return;
    }
    const report = this.#execute(planned);
    if (report.failures.length > 0) {
      throw new RuleTesterError(report.failures[0]!.error.problem, `${name}: ${report.failures.length} case(s) failed\n` + report.failures.map((f) => `  ${f.case}: ${f.error.message}`).join('\n'));
    }
  }

  /** Runs every case and reports what passed and what failed, without a test framework. */
  check(rule: Rule<any>, cases: RuleTesterCases): RuleTesterReport {
    return this.#execute(this.#plan(rule, cases));
  }

  #execute(planned: { title: string; test: () => void }[]): RuleTesterReport {
    const failures: RuleTesterFailure[] = [];
    for (const { title, test } of planned) {
      try {
        test();
      } catch (error) {
        failures.push({ case: title, error: error instanceof RuleTesterError ? error : new RuleTesterError('rule-crashed', error instanceof Error ? error.message : String(error)) });
      }
    }
    return { passed: planned.length - failures.length, failures };
  }

  #plan(rule: Rule<any>, cases: RuleTesterCases): { title: string; test: () => void }[] {
    const seen = new Set<string>();
    const planned: { title: string; test: () => void }[] = [];
    const add = (kind: 'valid' | 'invalid', item: ValidCase, test: () => void) => {
      const key = JSON.stringify([item.text, item.channel ?? null, item.options ?? null, item.language ?? null]);
      const title = `${kind}: ${item.name ?? JSON.stringify(item.text.length > 60 ? item.text.slice(0, 57) + '...' : item.text)}${item.channel ? ` (${item.channel})` : ''}`;
      if (seen.has(key)) {
        planned.push({ title, test: () => fail('duplicate-case', `the same text, channel and options appear in more than one case`) });
        return;
      }
      seen.add(key);
      planned.push({ title, test });
    };
    for (const item of cases.valid ?? []) add('valid', item, () => this.#valid(rule, item));
    for (const item of cases.invalid ?? []) add('invalid', item, () => this.#invalid(rule, item));
    return planned;
  }

  // The rule under test joins the built-in rules and the plugins' under its own id (a built-in one replaced).
  #linterFor(rule: Rule<any>): Linter {
    let linter = this.#linters.get(rule);
    if (!linter) {
      linter = createLinter({ rules: { ...builtinRules, ...pluginRules(this.#config.lintOptions?.plugins), [rule.meta.id]: rule }, presets });
      this.#linters.set(rule, linter);
    }
    return linter;
  }

  #lintAlone(rule: Rule<any>, item: ValidCase, text = item.text): Diagnostic[] {
    const setting: RuleSetting = item.options ? ['error', item.options] : 'error';
    const { plugins: _plugins, ...lintOptions } = this.#config.lintOptions ?? {};
    const options: LintOptions = { ...lintOptions, preset: 'none', rules: { [rule.meta.id]: setting } };
    if (item.products) options.products = item.products;
    if (item.contacts) options.contacts = item.contacts;
    if (item.campaign) options.campaign = item.campaign;
    if (item.language) options.language = item.language;
    const messages = lintMessages(this.#linterFor(rule), text, item, options);
    const crash = messages.find((m) => m.messageId === 'internal-error');
    if (crash) fail('rule-crashed', crash.message);
    return messages;
  }

  #valid(rule: Rule<any>, item: ValidCase): void {
    const messages = this.#lintAlone(rule, item);
    if (messages.length > 0) fail('unexpected-message', `expected no message, got ${describeMessages(messages)}`);
  }

  #invalid(rule: Rule<any>, item: InvalidCase): void {
    const { text } = item;
    const messages = this.#lintAlone(rule, item);
    const expected = typeof item.errors === 'number' ? undefined : item.errors;
    const count = typeof item.errors === 'number' ? item.errors : item.errors.length;
    if (count < 1) fail('message-count', 'an invalid case must expect at least one message');
    if (messages.length !== count) fail('message-count', `expected ${count} message(s), got ${messages.length}: ${describeMessages(messages)}`);
    expected?.forEach((want, i) => compareMessage(messages[i]!, typeof want === 'string' ? { message: want } : want, i));

    // Fixes: each one alone must be well formed, change the text and keep entities and graphemes.
    const fixes = messages.filter((m) => m.fix);
    for (const message of fixes) this.#checkEdit(text, message.fix!, `the fix of "${message.message}"`, 'fix');
    if (item.output === null && fixes.length > 0) fail('unexpected-fix', `expected no fix, got fixes for ${describeMessages(fixes)}`);
    if (item.output === undefined && fixes.length > 0) fail('output-not-asserted', `the rule fixes this draft: give the expected \`output\``);
    if (typeof item.output === 'string') {
      const { output } = applyFixes(text, messages);
      if (output !== item.output) fail('output-mismatch', `expected output ${JSON.stringify(item.output)}, got ${JSON.stringify(output)}`);
      if (fixes.length > 0) {
        const again = applyFixes(output, this.#lintAlone(rule, item, output)).output;
        if (again !== output) fail('fix-not-idempotent', `fixing the output again gives ${JSON.stringify(again)}`);
        this.#checkNoNewProblems(rule, item, output);
      }
    }

    // Suggestions: each applied alone must give its expected text.
    const withSuggestions = messages.filter((m) => m.suggestions?.length);
    for (const message of withSuggestions) {
      for (const suggestion of message.suggestions!) this.#checkEdit(text, suggestion.fix, `the suggestion "${suggestion.title}"`, 'suggestion');
    }
    const perMessage = expected?.some((want) => typeof want !== 'string' && want.suggestions !== undefined);
    if (withSuggestions.length > 0 && !perMessage && !item.suggestions) {
      fail('suggestions-not-asserted', `the rule suggests ${withSuggestions.flatMap((m) => m.suggestions!.map((s) => JSON.stringify(s.title))).join(', ')}: give the expected \`suggestions\``);
    }
    const compare = (got: readonly Diagnostic[], want: { title?: string; output: string }[], where: string) => {
      const outputs = got.flatMap((m) => m.suggestions ?? []).map((s) => ({ title: s.title, output: applyFix(text, s.fix) }));
      const same = outputs.length === want.length && outputs.every((o, j) => o.output === want[j]!.output && (want[j]!.title === undefined || o.title === want[j]!.title));
      if (!same) fail('suggestion-mismatch', `${where}: expected suggestions ${JSON.stringify(want)}, got ${JSON.stringify(outputs)}`);
    };
    if (item.suggestions) compare(messages, item.suggestions, 'all messages');
    expected?.forEach((want, i) => {
      if (typeof want !== 'string' && want.suggestions !== undefined) compare([messages[i]!], want.suggestions, `message ${i + 1}`);
    });
  }

  #checkEdit(text: string, fix: Fix, what: string, kind: 'fix' | 'suggestion'): void {
    const edits = normaliseEdits(fix, text.length);
    if (!edits) fail('fix-malformed', `${what} has edits that overlap or fall outside the text`);
    const output = applyFix(text, fix)!;
    if (output === text) fail(kind === 'fix' ? 'fix-no-change' : 'suggestion-no-change', `${what} changes nothing`);
    const broken = brokenOutsideEdits(text, output, edits);
    if (broken) fail(broken.grapheme ? 'fix-breaks-grapheme' : 'fix-breaks-entity', `${what} breaks ${broken.what}`);
  }

  // Another rule of the preset must not find more of anything in the fixed draft than in the draft.
  #checkNoNewProblems(rule: Rule<any>, item: InvalidCase, output: string): void {
    const id = rule.meta.id;
    const { plugins: _plugins, ...lintOptions } = this.#config.lintOptions ?? {};
    const options: LintOptions = { ...lintOptions, preset: this.#config.preset ?? 'recommended', rules: { [id]: item.options ? ['error', item.options] : 'error' } };
    if (item.products) options.products = item.products;
    if (item.contacts) options.contacts = item.contacts;
    if (item.campaign) options.campaign = item.campaign;
    if (item.language) options.language = item.language;
    const tally = (text: string) => {
      const counts = new Map<string, { count: number; example: string }>();
      for (const m of lintMessages(this.#linterFor(rule), text, item, options)) {
        if (m.ruleId === id) continue;
        const key = `${m.ruleId}/${m.messageId}`;
        const entry = counts.get(key) ?? { count: 0, example: m.message };
        entry.count++;
        counts.set(key, entry);
      }
      return counts;
    };
    const before = tally(item.text);
    for (const [key, after] of tally(output)) {
      if (after.count > (before.get(key)?.count ?? 0)) fail('fix-new-error', `the fixed draft has a new problem (${key}): ${after.example}`);
    }
  }
}

/** The cases a rule's docs examples make: correct ones valid, incorrect ones invalid with their messages, ranges, output and suggestions. */
export function casesFromDocs(rule: Rule<any>): RuleTesterCases {
  const { correct, incorrect } = rule.meta.docs;
  const base = (example: RuleExample): ValidCase => {
    const item: ValidCase = { text: example.text };
    if (example.channel !== undefined) item.channel = example.channel;
    if (example.options !== undefined) item.options = example.options;
    if (example.products !== undefined) item.products = example.products;
    if (example.contacts !== undefined) item.contacts = example.contacts;
    if (example.campaign !== undefined) item.campaign = example.campaign;
    if (example.plan) item.plan = true;
    if (example.language !== undefined) item.language = example.language;
    if (example.thread) item.thread = true;
    return item;
  };
  return {
    valid: correct.map(base),
    invalid: incorrect.map((example) => {
      const item: InvalidCase = { ...base(example), errors: example.messages?.length ? toExpected(example) : 1 };
      if (example.output !== undefined) item.output = example.output;
      if (example.suggestions !== undefined) item.suggestions = example.suggestions;
      return item;
    }),
  };
}

function toExpected(example: RuleExample): ExpectedMessage[] {
  return example.messages!.map((message, i) => {
    const want: ExpectedMessage = { message };
    const range = example.ranges?.[i];
    if (range) want.range = range;
    return want;
  });
}

function compareMessage(got: Diagnostic, want: ExpectedMessage, index: number): void {
  const where = `message ${index + 1}`;
  const mismatch = (field: string, expected: unknown, actual: unknown) =>
    fail('message-mismatch', `${where}: expected ${field} ${JSON.stringify(expected)}, got ${JSON.stringify(actual)} (${JSON.stringify(got.message)})`);
  if (want.message !== undefined && got.message !== want.message) mismatch('message', want.message, got.message);
  if (want.messageId !== undefined && got.messageId !== want.messageId) mismatch('messageId', want.messageId, got.messageId);
  if (want.severity !== undefined && got.severity !== want.severity) mismatch('severity', want.severity, got.severity);
  if (want.range && (got.start.offset !== want.range[0] || got.end.offset !== want.range[1])) mismatch('range', want.range, [got.start.offset, got.end.offset]);
  if (want.line !== undefined && got.start.line !== want.line) mismatch('line', want.line, got.start.line);
  if (want.column !== undefined && got.start.column !== want.column) mismatch('column', want.column, got.start.column);
  if (want.endLine !== undefined && got.end.line !== want.endLine) mismatch('endLine', want.endLine, got.end.line);
  if (want.endColumn !== undefined && got.end.column !== want.endColumn) mismatch('endColumn', want.endColumn, got.end.column);
}

// A draft, a thread document post by post, or a whole campaign file for a plan case: its campaign-level messages, then each draft's.
function lintMessages(linter: Linter, text: string, item: ValidCase, options: LintOptions): Diagnostic[] {
  if (item.thread) {
    const thread = linter.lintThread({ text, channel: item.channel }, options);
    if (thread) return thread.posts.flatMap((p) => p.result.messages);
  }
  if (!item.plan) return linter.lint({ text, channel: item.channel }, options).messages;
  const plan = linter.lintCampaign(text, options);
  return [...plan.messages, ...plan.posts.flatMap((p) => p.result.messages)];
}

function describeMessages(messages: readonly Diagnostic[]): string {
  return messages.map((m) => `${m.ruleId}: ${JSON.stringify(m.message)} at ${m.start.offset}-${m.end.offset}`).join('; ') || 'none';
}

function fail(problem: RuleTesterProblem, message: string): never {
  throw new RuleTesterError(problem, message);
}

export { brokenOutsideEdits };
