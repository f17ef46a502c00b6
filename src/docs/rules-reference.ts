import type { Diagnostic, RuleSetting } from '../core/types.js';
import type { Rule, RuleExample } from '../rule/rule.js';
import type { Language } from '../facts/language.js';
import { lint } from '../index.js';
import { applyFix, applyFixes } from '../text/edits.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'German', fr: 'French' };

// Characters a reader cannot see in a code block; an example holding one is shown as a JSON string.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF0-\uFFFF]|[ \t]$/mu;

/**
 * The rule reference (docs/rules.md), generated from every rule's meta. The examples are run, so
 * the messages, positions, fixed text and suggestions shown are what postlint does; the docs
 * tests (test/rule-docs.test.ts) assert the same examples through the RuleTester.
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
    '<!-- Generated from each rule\'s meta by `npm run docs`; test/docs.test.ts fails when this file is stale. Do not edit by hand. -->',
    '',
    `${ids.length} rules. Every example below runs as a test (test/rule-docs.test.ts, through \`postlint/testing\`'s RuleTester).`,
    '',
    '| Rule | What it checks | Severity | Presets | Fix | Suggestions |',
    '| --- | --- | --- | --- | --- | --- |',
    ...ids.map((id) => {
      const { meta } = rules[id]!;
      return `| [${id}](#${id}) | ${cell(meta.description)} | ${meta.severity} | ${inPresets(id)} | ${meta.fixable ? 'yes' : '—'} | ${meta.hasSuggestions ? 'yes' : '—'} |`;
    }),
  ];
  for (const id of ids) lines.push('', ...renderRule(rules[id]!, inPresets(id)));
  return lines.join('\n') + '\n';
}

function renderRule(rule: Rule<any>, presets: string): string[] {
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
  for (const example of meta.docs.correct) lines.push(...renderExample(rule, example, false), '');
  lines.push('### Incorrect', '');
  for (const example of meta.docs.incorrect) lines.push(...renderExample(rule, example, true), '');
  lines.pop();
  return lines;
}

function renderExample(rule: Rule<any>, example: RuleExample, incorrect: boolean): string[] {
  const setting: RuleSetting = example.options ? ['error', example.options] : 'error';
  const messages = lint({ text: example.text, channel: example.channel }, { preset: 'none', rules: { [rule.meta.id]: setting }, ...(example.language && { language: example.language }) }).messages;
  const context = [`Channel: ${example.channel ?? 'x'}`];
  if (example.language) context.push(`language: ${example.language}`);
  if (example.options) context.push(`options: \`${JSON.stringify(example.options)}\``);
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
