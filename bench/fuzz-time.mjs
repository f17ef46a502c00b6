// Linear time on adversarial input, measured with a clock: for each family, the CPU time of an
// input ten times larger over the time of the small one. The bar is 12x (10x input, a little slack
// for the garbage collector). Wall-clock ratios are flaky on a shared machine, so they live here,
// not in `npm test`, which counts the work instead (test/engine/linear-time.test.ts).
//
// Usage: npm run fuzz:time [-- --runs 5] [-- --only <substring>] [-- --out <file.json>] [-- --root <checkout>]
// (the script runs node with --expose-gc; without it, timings include more collection noise)
// Writes bench/results/fuzz-time.json (or --out) and exits 1 when a family is over the bar.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ADVERSARIAL, MIXED, repeat, SENTENCES } from './adversarial.mjs';

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
};
// --root <folder>: time another checkout's build (its dist/), e.g. the commit before a change.
const ROOT = argument('--root', join(dirname(fileURLToPath(import.meta.url)), '..'));
const RUNS = Number(argument('--runs', '5'));
const ONLY = argument('--only', undefined);
const OUT = argument('--out', join(dirname(fileURLToPath(import.meta.url)), 'results/fuzz-time.json'));
const BAR = 12;
const log = (s) => process.stderr.write(s + '\n');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}
// The built package, rebuilt when missing or older than the sources (as bench/run.mjs does).
const outputs = ['dist/index.js', 'dist/node.js'].map((f) => join(ROOT, f));
const sources = ['src', 'rules', 'package.json', 'tsup.config.ts'].map((f) => newest(join(ROOT, f)));
if (!outputs.every(existsSync) || Math.min(...outputs.map(newest)) < Math.max(...sources)) {
  log('dist/ is missing or stale: npm run build');
  if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('npm run build failed');
}
const postlint = await import(pathToFileURL(join(ROOT, 'dist/index.js')).href);
const node = await import(pathToFileURL(join(ROOT, 'dist/node.js')).href);
const { lint, split, lintCampaign, rules } = postlint;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU time of one call: calls repeated to at least 100 ms, from a collected heap (node --expose-gc). */
async function perCall(run) {
  globalThis.gc?.();
  let calls = 0;
  const start = cpuMs();
  do {
    await run();
    calls++;
  } while (cpuMs() - start < 100);
  return (cpuMs() - start) / calls;
}

/**
 * The small and the large input timed in turns, RUNS rounds (fewer once 20 s are spent): the ratio
 * is the median of the rounds' ratios, so a change in the machine's load hits both sides of it
 * alike; the times shown are the best of the rounds.
 */
async function ratioOf(run, small, large) {
  await run(small); // warm the JIT and the module-level caches
  const ratios = [];
  let best = [Infinity, Infinity];
  const started = cpuMs();
  for (let round = 0; round < RUNS && (round === 0 || cpuMs() - started < 20_000); round++) {
    const a = await perCall(() => run(small));
    const b = await perCall(() => run(large));
    ratios.push(b / a);
    best = [Math.min(best[0], a), Math.min(best[1], b)];
  }
  ratios.sort((x, y) => x - y);
  const middle = ratios.length >> 1;
  return { ms: best, ratio: ratios.length % 2 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2, rounds: ratios.length };
}

const measureOnly = { preset: 'none' };
const everyRule = { preset: 'none', rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'error'])) };

const plan = (draft) => `---\nname: Spot It Early\nkeyMessages:\n  - id: early\n    text: Cancer found early is easier to treat.\n---\n## x\n${draft}\n`;

/** Every family: what is built at which size and what is timed on it. */
const FAMILIES = [
  // The three of issue 13, at its sizes.
  { name: 'NFD text, measured for X', small: 20_000, build: repeat('e\u0301.'), run: (text) => lint({ text, channel: 'x' }, measureOnly) },
  { name: 'one NFD character then "a." runs, measured for X', small: 20_000, build: (size) => 'e\u0301' + repeat('a.')(size), run: (text) => lint({ text, channel: 'x' }, measureOnly) },
  { name: '"*a* " repeated, recommended on X', small: 20_000, build: repeat('*a* '), run: (text) => lint({ text, channel: 'x' }) },
  { name: 'text without spaces, split for X', small: 20_000, build: repeat('Bowelcancer'), run: (text) => split(text, 'x') },
  // Found since.
  { name: 'sentences, split for X', small: 20_000, build: repeat(SENTENCES), run: (text) => split(text, 'x') },
  { name: 'text without spaces, split for SMS', small: 5_000, build: repeat('Bowelcancer'), run: (text) => split(text, 'sms') },
  { name: '"*a* " repeated in a campaign draft', small: 20_000, build: (size) => plan(repeat('*a* ')(size)), run: (text) => lintCampaign(text) },
  { name: 'a thread document of short posts, recommended on X (CLI per-file pipeline)', small: 20_000, build: (size) => repeat('Book your screening today. 1/1\n\n---\n\n')(size), run: (text) => node.lintText(text, { filePath: 'thread.txt', configFile: false }) },
  { name: 'a 1 MB draft of mixed content, every rule on X', small: 100_000, build: repeat(MIXED), run: (text) => lint({ text, channel: 'x' }, everyRule) },
  ...Object.entries(ADVERSARIAL).flatMap(([name, build]) => [
    // max-length plans a thread for its suggestion up to 10,000 characters: one scale with it, one without.
    { name: `${name}: every rule on X`, small: 1_000, build, run: (text) => lint({ text, channel: 'x' }, everyRule) },
    { name: `${name}: every rule on X, no thread suggestion`, small: 20_000, build, run: (text) => lint({ text, channel: 'x' }, everyRule) },
    ...['mastodon', 'bluesky', 'sms', 'threads'].map((channel) => ({ name: `${name}: counted for ${channel}`, small: 20_000, build, run: (text) => lint({ text, channel }, measureOnly) })),
  ]),
];

const results = [];
const families = FAMILIES.filter((f) => ONLY === undefined || f.name.includes(ONLY));
log(`${families.length} families of ${ROOT}, median ratio of ${RUNS} rounds (CPU time), 10x input each; bar ${BAR}x`);
for (const family of families) {
  const small = family.build(family.small);
  const large = family.build(family.small * 10);
  const { ms, ratio, rounds } = await ratioOf(family.run, small, large);
  const row = { family: family.name, sizes: [small.length, large.length], ms: ms.map(round), ratio: Math.round(ratio * 100) / 100, rounds, pass: ratio <= BAR };
  results.push(row);
  log(`${row.pass ? 'ok  ' : 'SLOW'} ${ratio.toFixed(2).padStart(7)}x  ${fmt(ms[0])} -> ${fmt(ms[1])}  ${family.name} (${small.length} -> ${large.length} characters)`);
}

function round(ms) {
  return ms >= 100 ? Math.round(ms) : Math.round(ms * 1000) / 1000;
}
function fmt(ms) {
  return (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 10 ? 0 : 2)} ms`).padStart(9);
}

const failed = results.filter((r) => !r.pass);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify({ date: new Date().toISOString(), root: ROOT, node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, load: loadavg(), runs: RUNS, bar: BAR, results }, null, 2) + '\n',
);
log(`${results.length - failed.length}/${results.length} within ${BAR}x; written to ${OUT}`);
process.exitCode = failed.length > 0 ? 1 : 0;
