// Child process of run.mjs: the editor re-lint case alone, in a process of its own as an editor's
// language server or a composer's tab would be: a 280-character corpus draft, one character changed
// before every lint(), with the options of every lint() row (lint-options.mjs). Prints per-lint CPU and wall percentiles (µs) as JSON:
// for the first <edits> edits after 200 unmeasured ones, and for the <edits> after those ("steady"),
// when V8 has compiled what the edits need: a long editing session is mostly the second kind.
// Usage: node [--single-threaded] bench/editor-relint.mjs <edits> <preset...>
import { lint } from '../dist/index.js';
import { ensureCorpus } from './corpus.mjs';
import { optionsFor } from './lint-options.mjs';

const edits = Number(process.argv[2] ?? 10_000);
const presets = process.argv.slice(3);
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
    }
  }
  const summary = (from, to) => {
    const [c, w] = [cpu.slice(from, to), wall.slice(from, to)];
    return { p50us: round(percentile(c, 50)), p99us: round(percentile(c, 99)), wallP50us: round(percentile(w, 50)), wallP99us: round(percentile(w, 99)) };
  };
  out[preset] = { ...summary(0, edits), steady: summary(edits, 2 * edits) };
}
process.stdout.write(JSON.stringify(out));
