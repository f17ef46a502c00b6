// docs/performance.md's table (issue 15's targets) is generated from a results file, between
// markers, never typed by hand: `npm run bench` writes it from bench/results/latest.json, and
// `npm run bench -- --quick --record` from bench/results/quick.json. test/docs/performance-figures.test.ts
// fails when the block is not what its results file renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BEGIN = '<!-- bench:targets -->';
const END = '<!-- /bench:targets -->';

/** The Markdown block for a run's results; `source` is the results file's path in the repository. */
export function targetsBlock(results, source) {
  const m = results.machine ?? {};
  const lines = [
    `Generated from \`${source}\`, written by \`${results.command}\` (${String(results.date).slice(0, 16).replace('T', ' ')} UTC, ${m.cpu} x${m.cores}, Node ${m.node}, load average ${m.loadAverage} on a machine shared with other jobs):`,
    '',
    '| Measure | Result | Target | Issue 15 (before) |',
    '| --- | --- | --- | --- |',
  ];
  for (const t of results.targets ?? []) {
    if (t.target === undefined || typeof t.target === 'number') continue; // issue 8 and 19 rows: their own sections
    lines.push(`| ${t.name} | ${t.value ?? 'not measured'} | ${t.target}: ${t.met ? 'met' : 'missed'} | ${t.today ?? '—'} |`);
  }
  return lines.join('\n');
}

/** The results file a README block names, relative to the repository, or undefined without a block. */
export function blockSource(readme) {
  const block = readBlock(readme);
  return block && /^Generated from `([^`]+)`/.exec(block)?.[1];
}

export function readBlock(readme) {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  return from === -1 || to < from ? undefined : readme.slice(from + BEGIN.length, to).trim();
}

export function writeTargetsBlock(results, source, file = join(ROOT, 'docs/performance.md')) {
  const readme = readFileSync(file, 'utf8');
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from === -1 || to < from) return;
  writeFileSync(file, readme.slice(0, from + BEGIN.length) + '\n' + targetsBlock(results, source) + '\n' + readme.slice(to));
}
