import type { Diagnostic, Measurement } from '../core/types.js';

/** "x: 291/280 weighted characters", the one-line measurement shown after each post. */
export function describeMeasurement(measurement: Measurement): string {
  return `${measurement.channel}: ${describeCount(measurement)}`;
}

/** "291/280 weighted characters": the measurement without the channel, for a heading that already names it. */
export function describeCount(measurement: Measurement): string {
  if (measurement.limit === Infinity) return `${measurement.count} ${measurement.unit} (no limit)`;
  let line = `${measurement.count}/${measurement.limit} ${measurement.unit}`;
  if (measurement.sms) line += ` (${measurement.sms.encoding}, ${measurement.sms.characters} characters)`;
  if (measurement.bytes) line += `, ${measurement.bytes.count}/${measurement.bytes.limit} bytes`;
  return line;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Problems whose fix `--fix` would apply. */
  fixable: number;
  total: number;
}

/** What every text format counts: every message is a problem, whatever its severity. */
export function countProblems(messages: Iterable<Diagnostic>): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0, fixable: 0, total: 0 };
  for (const m of messages) {
    counts.total++;
    if (m.severity === 'error') counts.errors++;
    else if (m.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (m.fix) counts.fixable++;
  }
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 problems (1 error, 1 warning, 1 info)", the same line in stylish and compact; empty when there are none. */
export function describeProblems(counts: ProblemCounts): string {
  if (counts.total === 0) return '';
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'info'));
  return `${plural(counts.total, 'problem')} (${parts.join(', ')})`;
}

/** "2 problems fixable with --fix", or empty. */
export function describeFixable(counts: ProblemCounts): string {
  return counts.fixable === 0 ? '' : `${plural(counts.fixable, 'problem')} fixable with --fix`;
}

/** A message on one line: a quoted excerpt that spans lines shows its line breaks as ⏎. */
export function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, '⏎');
}
