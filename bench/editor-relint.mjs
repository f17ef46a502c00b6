// Child process of run.mjs: the editor re-lint case alone, in a process of its own as an editor's
// language server or a composer's tab would be: a 280-character corpus draft, one character changed
// before every lint(), with the options of every lint() row (lint-options.mjs). Prints per-lint CPU and wall percentiles (µs) as JSON:
// for the first <edits> edits after 200 unmeasured ones, and for the <edits> after those ("steady"),
// when V8 has compiled what the edits need: a long editing session is mostly the second kind.
// Usage: node [--single-threaded] bench/editor-relint.mjs <edits> <preset...> [--log <file>]
// --log writes one JSON line per measured edit (its CPU and wall µs, and the kinds of the V8
// collections whose pause overlaps it) and prints to stderr what the slowest 1% of edits were.
import { writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { lint } from '../dist/index.js';
import { ensureCorpus } from './corpus.mjs';
import { optionsFor } from './lint-options.mjs';

const edits = Number(process.argv[2] ?? 10_000);
const logAt = process.argv.indexOf('--log');
const logFile = logAt === -1 ? undefined : process.argv[logAt + 1];
const presets = process.argv.slice(3).filter((_, i) => logAt === -1 || (i + 3 !== logAt && i + 3 !== logAt + 1));
// Only with --log: the collections' pauses, to name the edits they fell in.
const collections = [];
if (logFile) new PerformanceObserver((list) => collections.push(...list.getEntries().map((e) => ({ start: e.startTime, end: e.startTime + e.duration, kind: GC_KINDS[e.detail?.kind] ?? e.detail?.kind })))).observe({ entryTypes: ['gc'] });
const GC_KINDS = { 1: 'minor', 2: 'major', 4: 'major', 8: 'incremental', 16: 'weakcb' };
const { corpus } = ensureCorpus();
const base = corpus.find((t) => t.length >= 280 && /#/.test(t) && /https?:/.test(t))?.slice(0, 280) ?? corpus[0].padEnd(280, ' x');
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;
const out = {};
for (const preset of presets) {
  const options = optionsFor(preset);
  const cpu = [];
  const wall = [];
  const spans = [];
  let text = base;
  for (let i = 0; i < 2 * edits + 200; i++) {
    const at = (i * 37) % text.length;
    if (text.charCodeAt(at) < 0x80) text = text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at + 1);
    const startCpu = cpuNow();
    const startWall = performance.now();
    lint({ text, channel: 'x' }, options);
    const us = cpuNow() - startCpu;
    const wallUs = (performance.now() - startWall) * 1000;
    if (i >= 200) {
      cpu.push(us);
      wall.push(wallUs);
      if (logFile) spans.push([startWall, startWall + wallUs / 1000]);
    }
  }
  const summary = (from, to) => {
    const [c, w] = [cpu.slice(from, to), wall.slice(from, to)];
    return { p50us: round(percentile(c, 50)), p99us: round(percentile(c, 99)), wallP50us: round(percentile(w, 50)), wallP99us: round(percentile(w, 99)) };
  };
  out[preset] = { ...summary(0, edits), steady: summary(edits, 2 * edits) };
  if (logFile) await writeLog(`${logFile}${presets.length > 1 ? `.${preset}` : ''}`, preset, cpu, wall, spans);
}
process.stdout.write(JSON.stringify(out));

async function writeLog(file, preset, cpu, wall, spans) {
  await new Promise((done) => setTimeout(done, 50)); // the observer reports collections asynchronously
  const during = ([from, to]) => [...new Set(collections.filter((c) => c.start < to && c.end > from).map((c) => c.kind))];
  const rows = cpu.map((us, i) => ({ edit: i, cpuUs: us, wallUs: round(wall[i]), gc: during(spans[i]) }));
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  for (const [name, part] of [['first', rows.slice(0, edits)], ['steady', rows.slice(edits)]]) {
    const slow = [...part].sort((a, b) => b.cpuUs - a.cpuUs).slice(0, Math.ceil(part.length / 100));
    const byTenth = new Array(10).fill(0);
    for (const r of slow) if (!r.gc.length) byTenth[Math.min(9, Math.floor(((r.edit % edits) * 10) / edits))]++;
    const withGc = slow.filter((r) => r.gc.length);
    process.stderr.write(`${preset} ${name}: slowest ${slow.length} edits (CPU ${slow.at(-1).cpuUs}-${slow[0].cpuUs} µs): ${withGc.length} overlap a collection (${[...new Set(withGc.flatMap((r) => r.gc))].join(', ') || 'none'}), the rest by tenth of the run ${byTenth.join(' ')}; collections in the run ${collections.filter((c) => c.start >= spans[part[0].edit][0] && c.start <= spans[part.at(-1).edit][1]).length}\n`);
  }
}
