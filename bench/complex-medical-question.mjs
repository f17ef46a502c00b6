// Per-post cost of complex-medical-question over the 241 labelled dev drafts, on the built package.
// Run: npm run bench:cmq (builds first). The machine may be busy: each figure is the fastest of ${RUNS} runs,
// and the shared analysis is timed the same way, so the rule's cost can be read against it.
import { readFileSync } from 'node:fs';
import { Analysis, channels, lint, rules } from '../dist/index.js';

const drafts = readFileSync(new URL('../test/fixtures/complex-medical-question/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const COPIES = Number(process.env.COPIES ?? 4);
const RUNS = Number(process.env.RUNS ?? 25);

/** Fastest of RUNS timings of `work` over `COPIES` copies of the drafts, in µs per post; `prepare` runs outside the clock. */
function time(prepare, work) {
  const runs = [];
  for (let r = 0; r < RUNS + 2; r++) {
    const batch = [];
    for (let c = 0; c < COPIES; c++) for (const draft of drafts) batch.push(prepare(draft));
    const start = process.hrtime.bigint();
    for (const item of batch) work(item);
    if (r >= 2) runs.push(Number(process.hrtime.bigint() - start) / 1000 / batch.length);
  }
  return Math.min(...runs);
}

const analysed = (draft) => {
  const analysis = new Analysis(draft.text);
  void analysis.words.length, analysis.sentences.length, analysis.mentions.length, analysis.urls.length;
  return analysis;
};
const rule = rules['complex-medical-question'];
const context = (draft) => ({
  text: draft.text,
  channel: channels[draft.channel],
  analysis: analysed(draft),
  options: rule.meta.defaults,
  longFormChannels: ['helpline', 'email', 'web'],
  report() {},
});
const none = { preset: 'none' };
const onlyRule = { preset: 'none', rules: { 'complex-medical-question': 'error' } };

const figures = {
  'lint(), preset none': time((d) => d, (d) => lint({ text: d.text, channel: d.channel }, none)),
  'lint(), complex-medical-question only': time((d) => d, (d) => lint({ text: d.text, channel: d.channel }, onlyRule)),
  'shared analysis (words, sentences, entities)': time((d) => d, analysed),
  'complex-medical-question check() on a ready analysis': time(context, (c) => rule.check(c)),
};
for (const [name, us] of Object.entries(figures)) console.log(`${name.padEnd(54)} ${us.toFixed(2).padStart(8)} µs/post`);
console.log(`(${drafts.length} dev drafts x ${COPIES}, fastest of ${RUNS} runs, Node ${process.version})`);
// The machine's speed at the time, to read the figures against.
const loop = process.hrtime.bigint();
let sink = 0;
for (let i = 0; i < 1e8; i++) sink += i & 3;
console.log(`reference: 1e8-iteration integer loop took ${(Number(process.hrtime.bigint() - loop) / 1e6).toFixed(0)} ms${sink < 0 ? '!' : ''}`);
