// Child process of run.mjs: one draft of <megabytes> MB (corpus drafts joined by blank lines),
// linted once with the recommended preset for X. Prints CPU ms and the process's peak RSS.
// Usage: node bench/huge-draft.mjs <megabytes>
import { readFileSync } from 'node:fs';
import { lint } from '../dist/index.js';
import { ensureCorpus } from './corpus.mjs';

const megabytes = Number(process.argv[2] ?? 5);
const { corpus } = ensureCorpus();
const parts = [];
let length = 0;
for (let i = 0; length < megabytes * 1_000_000; i++) {
  const draft = corpus[i % corpus.length];
  parts.push(draft);
  length += draft.length + 2;
}
const text = parts.join('\n\n').slice(0, megabytes * 1_000_000);
const before = process.cpuUsage();
const result = lint({ text, channel: 'x' }, { preset: 'recommended' });
const spent = process.cpuUsage(before);
// Linux keeps a process's maxRSS across exec, so a child of the benchmark (hundreds of MB by then)
// would report the parent's peak as its own: VmHWM is this program's peak alone.
const peakKB = () => {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) || process.resourceUsage().maxRSS;
  } catch {
    return process.resourceUsage().maxRSS;
  }
};
process.stdout.write(JSON.stringify({ characters: text.length, messages: result.messages.length, cpuMs: (spent.user + spent.system) / 1000, peakRssMB: Math.round(peakKB() / 102.4) / 10 }));
