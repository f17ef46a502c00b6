// Per-post cost of each health language rule on top of the shared analysis (words and sentences
// already computed, as when other rules ran first), over the drafts in test/fixtures.
// Run after `npm run build`: node bench/health-rules.mjs
import { readFileSync } from 'node:fs';
import { Analysis, channels, rules } from '../dist/index.js';

const files = ['test/fixtures/complex-medical-question/dev.jsonl', 'test/fixtures/key-messages/drafts.jsonl'];
const drafts = files.flatMap((f) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const ids = ['plain-language', 'readability', 'cancer-language'];
let reports = 0;

function round(id) {
  // Fresh analyses each round, so lexicon matching (memoised per analysis) is measured every time.
  const analyses = drafts.map((d) => {
    const analysis = new Analysis(d.text);
    void analysis.sentences;
    return analysis;
  });
  const rule = rules[id];
  const start = process.hrtime.bigint();
  for (const analysis of analyses) {
    rule.check({ text: analysis.text, channel: channels.x, measurement: undefined, analysis, options: rule.meta.defaults, longFormChannels: [], report: () => void reports++ });
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / drafts.length;
}

const sorted = (xs) => xs.sort((a, b) => a - b);
for (let i = 0; i < 100; i++) for (const id of ids) round(id);
const chars = drafts.reduce((n, d) => n + d.text.length, 0) / drafts.length;
console.log(`${drafts.length} drafts, ${chars.toFixed(0)} characters on average; 300 rounds, microseconds per post (median, fastest round):`);
let median = 0;
let fastest = 0;
for (const id of ids) {
  const rounds = sorted(Array.from({ length: 300 }, () => round(id)));
  median += rounds[150];
  fastest += rounds[0];
  console.log(`  ${id.padEnd(16)} ${rounds[150].toFixed(2)}  ${rounds[0].toFixed(2)}`);
}
console.log(`  ${'all three'.padEnd(16)} ${median.toFixed(2)}  ${fastest.toFixed(2)}`);
