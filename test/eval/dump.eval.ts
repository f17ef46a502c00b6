import { it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { WordVectors } from '../../src/facts/word-vectors.js';
import { readCorpus, readOlderSets, pairsOf } from './key-messages.js';
it('dump', () => {
  const vectors = new WordVectors(JSON.parse(readFileSync(process.env.VEC ?? 'rules/data/word-vectors.en.json', 'utf8')));
  const dump = (ps: ReturnType<typeof pairsOf>) => ps.map((p) => ({ d: p.draft, c: p.campaign, a: p.author, m: p.message, y: p.carried, x: p.features.values }));
  writeFileSync(process.env.OUT ?? '/tmp/km/f.json', JSON.stringify({ pairs: dump(pairsOf(readCorpus(), vectors)), old: dump(pairsOf(readOlderSets(), vectors)) }));
});
