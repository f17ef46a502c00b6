// The per-post cost of complex-medical-question on top of the shared analysis, and the size of its
// weights (issue 16: <= 30 µs per post, <= 64 KB per language). Part of `npm run bench`; alone:
// `npm run bench:cmq [-- --quick]`, which writes its section into bench/results/latest.json
// (--quick: bench/data/quick-cmq.json).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, ROOT } from './built.mjs';
import { DATA_DIR, ensureCorpus } from './corpus.mjs';

const LANGUAGES = ['en', 'de', 'fr'];
const CORPUS = join(ROOT, 'test/fixtures/complex-medical-question/corpus');
const MODELS = join(ROOT, 'rules/data/complex-medical-question');
export const TARGETS = { usPerPost: 30, weightsKB: 64 };
const round = (x, digits = 2) => Number(x.toFixed(digits));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** The labelled drafts of one language, every author: the rule's own kind of draft, most with medical content. */
function labelledDrafts(language) {
  const dir = join(CORPUS, language);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line).text));
}

/**
 * Median over `repeats` passes (after one warm-up pass) of the CPU time of the rule's check() per post,
 * each pass on fresh analyses whose shared facts (words, stems, sentences, entities, phone runs) were
 * computed before the clock starts: lexicon hits are cached per analysis, so a reused one would flatter the rule.
 */
function ruleCost(postlint, texts, language, repeats) {
  const rule = postlint.rules['complex-medical-question'];
  const channel = postlint.channels.x;
  // No own contacts configured (the default), as lint() gives them.
  const contacts = { any: false, firstIn: () => undefined };
  const analysisPasses = [];
  const rulePasses = [];
  let reports = 0;
  for (let r = 0; r <= repeats; r++) {
    const startAnalysis = cpuNow();
    const contexts = texts.map((text) => {
      const analysis = new postlint.Analysis(text, language ? { language } : {});
      void (analysis.language, analysis.words.length, analysis.stems.length, analysis.sentences.length, analysis.entities.length, analysis.phoneRuns.length);
      return { text, channel, analysis, options: rule.meta.defaults, longFormChannels: ['helpline', 'email', 'web'], contacts, report: () => reports++ };
    });
    const analysed = cpuNow();
    for (const context of contexts) rule.check(context);
    const checked = cpuNow();
    if (r === 0) continue;
    analysisPasses.push((analysed - startAnalysis) / texts.length);
    rulePasses.push((checked - analysed) / texts.length);
  }
  return { posts: texts.length, flaggedShare: round(reports / (repeats + 1) / texts.length, 3), sharedAnalysisUsPerPost: round(median(analysisPasses)), ruleUsPerPost: round(median(rulePasses)) };
}

/** The complex-medical-question section of the results: µs per post per language and on the bench corpus, and the weights' size. */
export function benchComplexMedical({ quick = false, corpus = ensureCorpus().corpus, log = (s) => process.stderr.write(s + '\n') } = {}) {
  ensureBuilt(log);
  return import(join(ROOT, 'dist/index.js')).then((postlint) => {
    const repeats = quick ? 3 : 9;
    const result = { repeats, languages: {}, machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, loadAverage: Number(loadavg()[0].toFixed(1)) } };
    for (const language of LANGUAGES) {
      const texts = labelledDrafts(language);
      const model = JSON.parse(readFileSync(join(MODELS, `model.${language}.json`), 'utf8'));
      result.languages[language] = {
        ...ruleCost(postlint, quick ? texts.slice(0, 300) : texts, language, repeats),
        weightsKB: round(Buffer.from(model.weights, 'base64').length / 1024, 1),
        modelFileKB: round(statSync(join(MODELS, `model.${language}.json`)).size / 1024, 1),
      };
    }
    // The bench's own mixed posts (most without medical content: the rule stops early on those), language detected.
    const posts = corpus.slice(0, quick ? 2_000 : 10_000);
    result.benchCorpus = ruleCost(postlint, posts, undefined, repeats);
    return result;
  });
}

export function complexMedicalTargets(c) {
  if (!c) return [];
  const worstUs = Math.max(...Object.values(c.languages).map((l) => l.ruleUsPerPost));
  const largestKB = Math.max(...Object.values(c.languages).map((l) => l.weightsKB));
  return [
    { name: `complex-medical-question <= ${TARGETS.usPerPost} µs/post over the shared analysis (slowest language, labelled drafts)`, value: worstUs, target: TARGETS.usPerPost, met: worstUs <= TARGETS.usPerPost },
    { name: `complex-medical-question weights <= ${TARGETS.weightsKB} KB per language`, value: largestKB, target: TARGETS.weightsKB, met: largestKB <= TARGETS.weightsKB },
  ];
}

/** Rows for the bench table: [what, value, note]. */
export function complexMedicalRows(c) {
  if (!c) return [];
  const rows = Object.entries(c.languages).map(([language, l]) => [
    `complex-medical-question ${language} (${l.posts} labelled drafts)`,
    `${l.ruleUsPerPost} µs/post`,
    `on top of the shared analysis (${l.sharedAnalysisUsPerPost} µs/post); weights ${l.weightsKB} KB (file ${l.modelFileKB} KB); ${Math.round(l.flaggedShare * 100)}% flagged`,
  ]);
  const b = c.benchCorpus;
  rows.push([`complex-medical-question, bench posts (${b.posts})`, `${b.ruleUsPerPost} µs/post`, `on top of the shared analysis (${b.sharedAnalysisUsPerPost} µs/post), language detected; ${Math.round(b.flaggedShare * 100)}% flagged`]);
  return rows;
}

// Alone: `node bench/complex-medical-question.mjs [--quick]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const started = new Date().toISOString();
  const section = await benchComplexMedical({ quick });
  Object.assign(section, { date: started, command: quick ? 'npm run bench:cmq -- --quick' : 'npm run bench:cmq' });
  for (const [what, value, note] of complexMedicalRows(section)) console.log(`  ${what}  ${value}  ${note}`);
  for (const t of complexMedicalTargets(section)) console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.value}`);
  const file = quick ? join(DATA_DIR, 'quick-cmq.json') : join(ROOT, 'bench/results/latest.json');
  mkdirSync(dirname(file), { recursive: true });
  // The full results keep their other sections: only this one and its targets are replaced.
  const results = !quick && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const names = new Set(complexMedicalTargets(section).map((t) => t.name));
  results.complexMedicalQuestion = section;
  results.targets = [...(results.targets ?? []).filter((t) => !names.has(t.name)), ...complexMedicalTargets(section)];
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  process.stderr.write(`written ${file}\n`);
}
