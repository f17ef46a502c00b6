import type { Diagnostic, LintResult } from '../core/types.js';
import { describeMeasurement } from './summary.js';

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
  /** One entry per post in the file; a plain draft is one post. */
  posts: { label?: string; result: LintResult }[];
}

/** ESLint-like stylish output: file, then line:column severity message rule-id, then the measurement. */
export function formatStylish(files: FileResult[], colors: Colors = plain): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const { file, posts } of files) {
    out.push(colors.underline(file));
    for (const { label, result } of posts) {
      const rows = result.messages.map((m: Diagnostic) => {
        if (m.severity === 'error') errors++;
        else if (m.severity === 'warning') warnings++;
        const severity = m.severity === 'error' ? colors.red('error') : m.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
        return [`${m.start.line}:${m.start.column}`, severity, m.message, colors.dim(m.ruleId)];
      });
      const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => visibleLength(r[i]!))));
      for (const row of rows) {
        out.push(`  ${pad(row[0]!, widths[0]!)}  ${pad(row[1]!, widths[1]!)}  ${pad(row[2]!, widths[2]!)}  ${row[3]}`);
      }
      const measured = describeMeasurement(result.measure);
      out.push(`  ${colors.dim((label ? label + ' ' : '') + measured)}`);
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total > 0) {
    const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push(errors > 0 ? colors.red(colors.bold(summary)) : colors.yellow(colors.bold(summary)));
  }
  return out.join('\n') + '\n';
}

// eslint-disable-next-line no-control-regex
const visibleLength = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - visibleLength(s)));
