import type { Diagnostic, LintResult } from '../core/types.js';
import { countProblems, describeCount, describeFixable, describeMeasurement, describeProblems, oneLine } from './summary.js';

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  bold(s: string): string;
}

const plain: Colors = { red: String, yellow: String, blue: String, dim: String, underline: String, bold: String };

export interface FileResult {
  /** Path as shown, or `<text>` / `<stdin>`. */
  file: string;
  /** Messages about the file as a whole (a campaign plan's front matter and coverage), before its posts'. */
  messages?: Diagnostic[];
  /** One entry per post in the file; a plain draft is one post. */
  posts: { label?: string; result: LintResult }[];
}

export interface StylishOptions {
  /** Also list clean files and drafts, with their measurement. */
  verbose?: boolean;
}

/**
 * ESLint-like stylish output: the file, then `line:column severity message rule-id`. A campaign
 * plan's drafts each get a heading (number, channel, label and count) above their messages. Clean
 * files and drafts are listed only when verbose.
 */
export function formatStylish(files: FileResult[], colors: Colors = plain, options: StylishOptions = {}): string {
  const out: string[] = [];
  const all: Diagnostic[] = [];
  for (const { file, messages = [], posts } of files) {
    const problems = messages.length + posts.reduce((n, p) => n + p.result.messages.length, 0);
    if (problems === 0 && !options.verbose) continue;
    all.push(...messages, ...posts.flatMap((p) => p.result.messages));
    // One column width per file, so every message of a file lines up.
    const rows = (list: readonly Diagnostic[]) => list.map((m) => row(m, colors));
    const fileRows = [...rows(messages), ...posts.flatMap((p) => rows(p.result.messages))];
    const widths = [0, 1, 2].map((i) => Math.max(0, ...fileRows.map((r) => visibleLength(r[i]!))));
    const print = (list: readonly Diagnostic[], indent: string) => {
      for (const r of rows(list)) out.push(`${indent}${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}`);
    };
    out.push(colors.underline(file));
    print(messages, '  ');
    const labelled = posts.some((p) => p.label !== undefined);
    for (const { label, result } of posts) {
      if (result.messages.length === 0 && !options.verbose) continue;
      if (labelled) {
        out.push(`  ${colors.bold(label ?? result.channel)} ${colors.dim(`(${describeCount(result.measure)})`)}`);
        print(result.messages, '    ');
      } else {
        print(result.messages, '  ');
        out.push(`  ${colors.dim(describeMeasurement(result.measure))}`);
      }
    }
    out.push('');
  }
  const counts = countProblems(all);
  const summary = describeProblems(counts);
  if (summary) out.push(counts.errors > 0 ? colors.red(colors.bold(summary)) : colors.yellow(colors.bold(summary)));
  const fixable = describeFixable(counts);
  if (fixable) out.push(colors.dim(fixable));
  return out.length ? out.join('\n') + '\n' : '';
}

function row(m: Diagnostic, colors: Colors): string[] {
  const severity = m.severity === 'error' ? colors.red('error') : m.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
  return [`${m.start.line}:${m.start.column}`, severity, oneLine(m.message), colors.dim(m.ruleId)];
}

// eslint-disable-next-line no-control-regex
const visibleLength = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - visibleLength(s)));
