import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { WordVectors } from '../../src/facts/word-vectors.js';
import { crossValidate, formatFigures, pairsOf, readCorpus, report, selectingProcedure, variantProcedure, type Variant } from './key-messages.js';

// English variants of the combined matcher (issue 17), each scored leave one campaign out, and the
// nested choice among them (the variant with the best inner leave-one-campaign-out F1 on the
// training campaigns alone, in every fold). Slow (~8 min on a shared 2-core machine), so not part of `npm run eval`:
//   npm run eval:variants      -> test/eval/results/key-message-variants.txt
const ORIGINAL = ['lexical', 'lexicalCarried', 'also', 'meaning', 'loose', 'whole', 'rare', 'strong', 'reverse', 'margin', 'gist', 'gistWhole', 'share', 'run', 'length'] as const;
/**
 * The variant `npm run eval` ships: L17's. The nested choice prefers the lexical windows in most
 * folds (see the results file), but their gain is well inside the interval and that model loses issue 17's must-pass
 * paraphrase and near-miss (test/rules/key-messages.test.ts), so it is reported, not shipped.
 */
export const SHIPPED: Variant = { name: 'lexical + GloVe alignment (the 15 features of L17)', features: ORIGINAL };
export const VARIANTS: Variant[] = [
  SHIPPED,
  { name: '+ lexical windows (1 sentence, whole draft) and lead over the other messages', features: [...ORIGINAL, 'paired', 'pairedSentence', 'pairedWhole', 'lexicalShare', 'lexicalMargin'] },
  { name: '+ meaning aligned within 1 and within 3 sentences', features: [...ORIGINAL, 'meaningSentence', 'meaningWide'] },
  { name: 'few features (7)', features: ['paired', 'lexicalMargin', 'also', 'meaning', 'margin', 'strong', 'gist'] },
  { name: 'lexical features only (no vectors)', features: ['lexical', 'lexicalCarried', 'also', 'paired', 'pairedSentence', 'pairedWhole', 'lexicalShare', 'lexicalMargin', 'terms'] },
];

export function main() {
  const vectors = new WordVectors(JSON.parse(readFileSync('rules/data/word-vectors.en.json', 'utf8')));
  const pairs = pairsOf(readCorpus('en'), vectors);
  const lines = ['English key messages, leave one campaign out (P/R/F1 with bootstrap 95% intervals, campaigns resampled; lowest campaign F1)', ''];
  const row = (label: string, decided: Map<(typeof pairs)[number], boolean>) => {
    const r = report(pairs, decided);
    lines.push(`${formatFigures(label, r.pooled)}  lowest ${Math.min(...[...r.campaigns.values()].map((f) => f.f1)).toFixed(2)}`);
  };
  for (const v of VARIANTS) row(v.name, crossValidate(pairs, (p) => p.campaign, variantProcedure(v)));
  const chosen: string[] = [];
  row('nested: chosen inside each fold', crossValidate(pairs, (p) => p.campaign, selectingProcedure(VARIANTS, chosen)));
  const counts = new Map<string, number>();
  for (const name of chosen) counts.set(name, (counts.get(name) ?? 0) + 1);
  lines.push('', 'chosen per fold: ' + [...counts].map(([name, n]) => `${n}× ${name}`).join('; '));
  mkdirSync('test/eval/results', { recursive: true });
  writeFileSync('test/eval/results/key-message-variants.txt', lines.join('\n') + '\n');
  console.log(lines.join('\n'));
  return 0;
}
