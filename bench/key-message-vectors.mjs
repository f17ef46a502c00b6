// What reading key messages by meaning costs: the word vectors' size, their load time, and lint()
// per campaign draft with and without them (CPU µs, the built package).
//   npm run bench:vectors [-- --quick]    writes bench/results/key-message-vectors.json (--quick: bench/data/)
// A full `npm run bench` runs the same measurements as one of its sections and writes the same file;
// `npm run docs` then fills the table in docs/campaigns.md from it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 2) => Number(x.toFixed(digits));
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
// Files measured as one: an entry and the data it loads.
const sizeOf = (...files) => {
  const bytes = Buffer.concat(files.map((file) => readFileSync(join(ROOT, file))));
  return { file: files.join(' + '), KB: round(bytes.length / 1024, 1), gzippedKB: round(gzipSync(bytes, { level: 9 }).length / 1024, 1) };
};

/** The English drafts of the key-message corpus, each with its campaign (drafts of no campaign left out). */
function corpusDrafts() {
  const dir = join(ROOT, 'test/fixtures/key-messages/corpus/en');
  const campaigns = new Map();
  const drafts = [];
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.campaigns.json')) for (const c of JSON.parse(readFileSync(join(dir, file), 'utf8'))) campaigns.set(c.id, { name: c.name, theme: c.theme, hashtags: c.hashtags, link: c.link, keyMessages: c.keyMessages });
  }
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.drafts.jsonl')) continue;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line);
      if (d.campaign) drafts.push({ text: d.text, channel: d.channel, campaign: campaigns.get(d.campaign) });
    }
  }
  return drafts;
}

/** Import and decode times of the vectors in fresh processes (wall ms; medians), and the memory they take. */
function loadTimes(spawns) {
  const url = pathToFileURL(join(ROOT, 'packages/vectors-en/dist/index.js')).href;
  const script = `const rss = process.memoryUsage().rss; const t0 = performance.now(); const m = await import(${JSON.stringify(url)}); const t1 = performance.now(); const v = m.englishWordVectors(); const t2 = performance.now(); console.log(JSON.stringify({ importMs: t1 - t0, decodeMs: t2 - t1, words: v.size, rssMB: (process.memoryUsage().rss - rss) / 2 ** 20 }));`;
  const runs = [];
  for (let i = 0; i < spawns + 1; i++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`vectors load failed: ${run.stderr}`);
    if (i > 0) runs.push(JSON.parse(run.stdout)); // the first spawn warms the file-system cache
  }
  return {
    words: runs[0].words,
    importMs: round(median(runs.map((r) => r.importMs)), 1),
    decodeMs: round(median(runs.map((r) => r.decodeMs)), 1),
    rssMB: round(median(runs.map((r) => r.rssMB)), 1),
  };
}

/** lint() per draft with the key-messages rule alone, by stems and thesaurus, then with the vectors. */
async function perDraft(postlint, wordVectors, drafts, repeats) {
  const lexical = { preset: 'none', rules: { 'key-messages': 'warn' } };
  const contenders = {
    lexical: (d) => postlint.lint({ text: d.text, channel: d.channel }, { ...lexical, campaign: d.campaign }),
    meaning: (d) => postlint.lint({ text: d.text, channel: d.channel }, { ...lexical, campaign: d.campaign, wordVectors }),
  };
  const times = { lexical: [], meaning: [] };
  for (let r = 0; r <= repeats; r++) {
    for (const name of Object.keys(contenders)) {
      const start = cpuNow();
      for (const d of drafts) contenders[name](d);
      if (r > 0) times[name].push((cpuNow() - start) / drafts.length);
    }
  }
  return { drafts: drafts.length, lexicalUsPerDraft: round(median(times.lexical), 1), meaningUsPerDraft: round(median(times.meaning), 1) };
}

/** Every measurement, as one results object. */
export async function measureKeyMessageVectors({ quick = false } = {}) {
  const postlint = await import(pathToFileURL(join(ROOT, 'dist/index.js')).href);
  const { englishWordVectors } = await import(pathToFileURL(join(ROOT, 'packages/vectors-en/dist/index.js')).href);
  // Each campaign object is compiled once and reused, as an editor or the CLI does.
  const drafts = corpusDrafts();
  return {
    data: sizeOf('rules/data/word-vectors.en.json'),
    entry: sizeOf('packages/vectors-en/dist/index.js', 'packages/vectors-en/dist/en.data.cjs'),
    load: loadTimes(quick ? 3 : 11),
    lint: await perDraft(postlint, englishWordVectors(), drafts, quick ? 3 : 9),
  };
}

/** Table rows: [what, value, note]. */
export function keyMessageVectorRows(r) {
  return [
    ['word vectors data (rules/data)', `${r.data.KB} KB`, `${r.data.gzippedKB} KB gzipped, ${r.load.words.toLocaleString('en')} words`],
    ['@postlint/vectors-en (dist: ESM entry + data)', `${r.entry.KB} KB`, `${r.entry.gzippedKB} KB gzipped`],
    ['vectors import + decode', `${r.load.importMs} + ${r.load.decodeMs} ms`, `wall, fresh process; +${r.load.rssMB} MB RSS`],
    [`lint() campaign draft, lexical (${r.lint.drafts} drafts)`, `${r.lint.lexicalUsPerDraft} µs/draft`, 'key-messages rule alone'],
    ['lint() campaign draft, with vectors', `${r.lint.meaningUsPerDraft} µs/draft`, `+${round(r.lint.meaningUsPerDraft - r.lint.lexicalUsPerDraft, 1)} µs for the meaning features`],
  ];
}

/** Adds when, where and how the figures were measured, and writes them where the docs read them (a quick run: bench/data/). */
export async function writeKeyMessageVectorResults(measured, { quick, command }) {
  const { cpus, loadavg } = await import('node:os');
  const results = { ...measured, quick, loadAverage: round(loadavg()[0], 1), date: new Date().toISOString(), machine: `${cpus()[0]?.model} x${cpus().length}`, node: process.version, command };
  const file = join(ROOT, quick ? 'bench/data/key-message-vectors.quick.json' : 'bench/results/key-message-vectors.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return { results, file };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const newest = (path) => (statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n)))) : statSync(path).mtimeMs);
  if (!existsSync(join(ROOT, 'packages/vectors-en/dist/index.js')) || newest(join(ROOT, 'dist')) < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'rules')))) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const { results, file } = await writeKeyMessageVectorResults(await measureKeyMessageVectors({ quick }), { quick, command: quick ? 'npm run bench:vectors -- --quick' : 'npm run bench:vectors' });
  for (const [a, b, c] of keyMessageVectorRows(results)) console.log(`  ${a.padEnd(46)} ${b.padStart(16)}  ${c}`);
  console.error(`written ${file}${quick ? '' : '; `npm run docs` refills docs/campaigns.md from it'}`);
}
