import type { Diagnostic, RuleSetting } from '../core/types.js';
import { FILE_PROBLEMS, type FileProblem } from '../core/problems.js';
import type { Rule, RuleExample } from '../rule/rule.js';
import type { Language } from '../facts/language.js';
import type { LintOptions } from '../engine/options.js';
import { createLinter } from '../index.js';
import { applyFix, applyFixes } from '../text/edits.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'German', fr: 'French' };

// Characters a reader cannot see in a code block; an example holding one is shown as a JSON string.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF0-\uFFFF]|[ \t]$/mu;

/**
 * The rule reference (docs/rules.md), generated from every rule's meta. The examples are run, so
 * the messages, positions, fixed text and suggestions shown are what postlint does; the docs
 * tests (test/rules/<rule-id>.test.ts) assert the same examples through the RuleTester.
 */
export function renderRulesReference(rules: Record<string, Rule<any>>, presets: Record<string, Record<string, RuleSetting>>): string {
  const ids = Object.keys(rules).sort();
  const presetNames = Object.keys(presets).filter((name) => name !== 'none');
  const inPresets = (id: string) =>
    presetNames
      .filter((name) => presets[name]![id] !== undefined && level(presets[name]![id]!) !== 'off')
      .map((name) => `${name} (${level(presets[name]![id]!)})`)
      .join(', ') || '—';
  const lines: string[] = [
    '# postlint rules',
    '',
    '<!-- Generated from each rule\'s meta by `npm run docs`; test/docs/rules-reference.test.ts fails when this file is stale. Do not edit by hand. -->',
    '',
    `${ids.length} rules. Every example below runs as a test (\`test/rules/<rule-id>.test.ts\`, through \`postlint/testing\`'s RuleTester).`,
    '',
    '| Rule | What it checks | Severity | Presets | Languages | Fix | Suggestions |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...ids.map((id) => {
      const { meta } = rules[id]!;
      return `| [${id}](#${id}) | ${cell(meta.description)} | ${meta.severity} | ${inPresets(id)} | ${languagesOf(rules[id]!)} | ${meta.fixable ? 'yes' : '—'} | ${meta.hasSuggestions ? 'yes' : '—'} |`;
    }),
  ];
  for (const id of ids) lines.push('', ...renderRule(rules, rules[id]!, inPresets(id)));
  lines.push('', ...renderFileProblems(rules));
  return lines.join('\n') + '\n';
}

const ANY_LANGUAGE = 'any';

/** The languages a rule judges in its own terms, or `any` for a rule that reads no words. */
function languagesOf(rule: Rule<any>): string {
  return rule.meta.docs.languages?.map((l) => LANGUAGE_NAMES[l]).join(', ') ?? ANY_LANGUAGE;
}

/**
 * The README's table of which languages each rule supports, rules grouped by their languages:
 * a newcomer sees at once what a German or French draft gets.
 */
export function renderRuleLanguages(rules: Record<string, Rule<any>>): string {
  const groups = new Map<string, string[]>();
  for (const id of Object.keys(rules).sort()) {
    const languages = languagesOf(rules[id]!);
    (groups.get(languages) ?? groups.set(languages, []).get(languages)!).push(`[${id}](docs/rules.md#${id})`);
  }
  // Most languages first; rules that read no words (counts, characters, links) last.
  const order = [...groups.keys()].sort((a, b) => Number(a === ANY_LANGUAGE) - Number(b === ANY_LANGUAGE) || b.split(',').length - a.split(',').length);
  return [
    '| Languages | Rules |',
    '| --- | --- |',
    ...order.map((languages) => `| ${languages === ANY_LANGUAGE ? 'any (they read no words: counts, characters, links, hashtags as written)' : languages} | ${groups.get(languages)!.join(', ')} |`),
  ].join('\n');
}

/**
 * What is wrong with the examples as rendered: an incorrect example that renders no message, or
 * whose documented ranges are not where its messages are. The docs test fails on any.
 */
export function exampleProblems(rules: Record<string, Rule<any>>): string[] {
  const problems: string[] = [];
  for (const id of Object.keys(rules).sort()) {
    const rule = rules[id]!;
    rule.meta.docs.incorrect.forEach((example, i) => {
      const name = `${id}: incorrect example ${i + 1}`;
      const messages = lintExample(rules, rule, example);
      if (messages.length === 0) problems.push(`${name} renders no message`);
      for (const [start, end] of example.ranges ?? []) {
        if (!messages.some((m) => m.start.offset === start && m.end.offset === end)) problems.push(`${name}: documented range [${start}, ${end}] is not where any message is`);
      }
    });
  }
  return problems;
}

/** An example linted as its test runs it: its channel, options, products, campaign, language, a plan through lintCampaign, a thread through lintThread. */
function lintExample(rules: Record<string, Rule<any>>, rule: Rule<any>, example: RuleExample): Diagnostic[] {
  const setting: RuleSetting = example.options ? ['error', example.options] : 'error';
  const options: LintOptions = { preset: 'none', rules: { [rule.meta.id]: setting } };
  if (example.products) options.products = example.products;
  if (example.contacts) options.contacts = example.contacts;
  if (example.campaign) options.campaign = example.campaign;
  if (example.language) options.language = example.language;
  const linter = linterFor(rules);
  if (example.plan) {
    const plan = linter.lintCampaign(example.text, { ...options, channel: example.channel ?? 'x' });
    return [...plan.messages, ...plan.posts.flatMap((post) => post.result.messages)].sort((a, b) => a.start.offset - b.start.offset);
  }
  if (example.thread) {
    const thread = linter.lintThread({ text: example.text, channel: example.channel }, options);
    if (thread) return thread.posts.flatMap((post) => post.result.messages);
  }
  return linter.lint({ text: example.text, channel: example.channel }, options).messages;
}

const linters = new WeakMap<object, ReturnType<typeof createLinter>>();
function linterFor(rules: Record<string, Rule<any>>) {
  let found = linters.get(rules);
  if (!found) linters.set(rules, (found = createLinter({ rules, presets: { none: {} } })));
  return found;
}

// Examples of what postlint reports about a file itself, run like the rules' examples.
const FILE_EXAMPLES: Record<string, { text: string; note: string }[]> = {
  'front-matter': [
    { text: '---\nchannel: tiktok\n---\nJoin us on World Cancer Day', note: 'A draft `launch.md`' },
    { text: '---\nlang: es\n---\nÚnete a nosotros en el Día Mundial contra el Cáncer', note: 'A draft `dia-mundial.md` in a language postlint does not judge' },
    { text: '---\nname: Spot it early\nkeyMessages:\n  - id: gp\n---\n## x\nSee your GP.', note: 'A campaign plan `plan.md`' },
  ],
  'campaign-file': [
    { text: '---\nname: Spot it early\nkeyMessages:\n  - id: gp\n    text: See your GP about a change.\n---\n## tiktok: launch\nSee your GP.', note: 'A campaign plan `plan.md`' },
    { text: '---\nname: Früh erkennen\nlang: de\nkeyMessages:\n  - id: arzt\n    text: Gehen Sie bei Veränderungen zum Arzt.\n---\n## x: Start\nGehen Sie zum Arzt.\n## bluesky: lancement {lang=fr-BE}\nConsultez votre médecin.\n## mastodon: inicio {lang=es}\nConsulte a su médico.', note: 'A plan in German with one French draft: a heading\'s `{lang=…}` sets its draft\'s language' },
  ],
  'unused-disable-directive': [{ text: 'Join us on World Cancer Day <!-- postlint-disable-line max-length -->', note: 'With `reportUnusedDisableDirectives: "warn"` in the config (or `--report-unused-disable-directives`)' }],
  'unknown-rule-in-directive': [{ text: 'Join us on World Cancer Day <!-- postlint-disable-line max-lenght -->', note: 'A draft with a mistyped rule id' }],
};

function renderFileProblems(rules: Record<string, Rule<any>>): string[] {
  const lines = [
    '# Problems with the file itself',
    '',
    'Not rules of the registry (they cannot be turned off in `rules`), but each has its id, in messages and in SARIF.',
    '',
    '## Inline directives',
    '',
    'HTML comments in a draft or plan turn rules off where they stand, as ESLint users know them; they are never measured or published:',
    '',
    '```text',
    '<!-- postlint-disable rule-a, rule-b -->   off from here (no ids: every rule)',
    '<!-- postlint-enable rule-a -->            back on (no ids: every rule)',
    '<!-- postlint-disable-next-line rule-a --> off on the next line only',
    '<!-- postlint-disable-line rule-a -->      off on this line only',
    '```',
    '',
    '`lint`, `lintCampaign`, `lintThread`, the CLI and the language server all apply them.',
  ];
  // A problem documented under another heading (unused directives, under inline directives) comes first, below it.
  const sorted = [...FILE_PROBLEMS].sort((a, b) => Number(a.anchor === a.id) - Number(b.anchor === b.id));
  for (const problem of sorted) lines.push('', ...renderFileProblem(rules, problem));
  return lines;
}

function renderFileProblem(rules: Record<string, Rule<any>>, problem: FileProblem): string[] {
  const heading = problem.anchor === problem.id ? `## ${problem.id}` : `### ${problem.id}`;
  const lines = [heading, '', problem.description, '', problem.why];
  for (const { text, note } of FILE_EXAMPLES[problem.id] ?? []) {
    const linted = linterFor(rules).lintFile(text, { markdown: true, preset: 'none', reportUnusedDisableDirectives: 'warning' });
    const messages = linted.kind === 'draft' ? linted.result.messages : [...linted.campaign.messages, ...linted.campaign.posts.flatMap((p) => p.result.messages)];
    lines.push('', note + ':', '', ...block(text), '', ...messages.filter((m) => m.ruleId === problem.id).map((m) => `- ${where(m)} ${m.message}`));
  }
  return lines;
}

function renderRule(rules: Record<string, Rule<any>>, rule: Rule<any>, presets: string): string[] {
  const { meta } = rule;
  const lines = [`## ${meta.id}`, '', meta.description, '', `Severity: ${meta.severity} · Presets: ${presets} · Fix: ${meta.fixable ? 'yes' : 'no'} · Suggestions: ${meta.hasSuggestions ? 'yes' : 'no'}`];
  if (meta.docs.languages) lines.push('', `Languages: ${meta.docs.languages.map((l) => LANGUAGE_NAMES[l]).join(', ')} (each with its own lists or formulas; other drafts are judged as English)`);
  lines.push('', '### Why', '', meta.docs.why);
  if (meta.docs.sources?.length) lines.push('', 'Sources:', '', ...meta.docs.sources.map((source) => `- ${source}`));
  const defaults = meta.defaults as Record<string, unknown>;
  lines.push('', '### Options', '');
  if (Object.keys(defaults).length === 0 && !meta.schema) lines.push('None.');
  else {
    lines.push('| Option | Default |', '| --- | --- |');
    for (const [key, value] of Object.entries(defaults)) lines.push(`| \`${key}\` | \`${JSON.stringify(value)}\` |`);
    if (Object.keys(defaults).length === 0) lines.push('| (see the rule\'s schema) | |');
  }
  lines.push('', '### Correct', '');
  for (const example of meta.docs.correct) lines.push(...renderExample(rules, rule, example, false), '');
  lines.push('### Incorrect', '');
  for (const example of meta.docs.incorrect) lines.push(...renderExample(rules, rule, example, true), '');
  lines.pop();
  return lines;
}

function renderExample(rules: Record<string, Rule<any>>, rule: Rule<any>, example: RuleExample, incorrect: boolean): string[] {
  const messages = lintExample(rules, rule, example);
  const context = [example.plan ? 'A campaign plan' : example.thread ? `A thread document, channel: ${example.channel ?? 'x'}` : `Channel: ${example.channel ?? 'x'}`];
  if (example.language) context.push(`language: ${example.language}`);
  if (example.options) context.push(`options: \`${JSON.stringify(example.options)}\``);
  if (example.contacts) context.push(`contacts: \`${JSON.stringify(example.contacts)}\``);
  if (example.products) context.push(`products: ${example.products.map((p) => `${p.brand} (${p.established})`).join(', ')}`);
  if (example.campaign) context.push(`campaign: "${example.campaign.name}"`);
  const lines = [context.join(' · '), '', ...block(example.text)];
  if (!incorrect) return lines;
  lines.push('', ...messages.map((m) => `- ${where(m)} ${m.message}`));
  const fixed = applyFixes(example.text, messages);
  if (fixed.fixed) lines.push('', 'Fixed:', '', ...block(fixed.output));
  for (const suggestion of messages.flatMap((m) => m.suggestions ?? [])) {
    const output = applyFix(example.text, suggestion.fix);
    if (output !== undefined) lines.push('', `Suggestion "${suggestion.title}":`, '', ...block(output));
  }
  return lines;
}

function where(m: Diagnostic): string {
  return `\`${m.start.line}:${m.start.column}-${m.end.line}:${m.end.column}\``;
}

function block(text: string): string[] {
  if (INVISIBLE.test(text)) return ['```json', JSON.stringify(text), '```'];
  const fence = text.includes('```') ? '~~~~' : '```';
  return [fence + 'text', text, fence];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function level(setting: RuleSetting): string {
  const value = Array.isArray(setting) ? setting[0] : setting;
  return value === 'warn' ? 'warning' : value;
}
