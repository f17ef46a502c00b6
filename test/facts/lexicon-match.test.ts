import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon, matchLexicon, type CompiledLexicon, type LexiconEntry } from '../../src/facts/lexicon.js';
import { compileMedicalLexicons } from '../../rules/complex-medical-question/medical-signals.js';
import { Analysis } from '../../src/facts/analysis.js';

// The plain reading matchLexicon must equal: at each word, every prefix key of one to three of its
// first units looked up in turn, longest pattern first, earlier patterns winning ties.
type Pattern = CompiledLexicon['exact'] extends Map<string, (infer P)[]> ? P : never;
function plainMatch(lexicon: CompiledLexicon, words: readonly { lower: string; start: number; end: number }[]) {
  const matches = (pattern: Pattern, i: number) =>
    i + pattern.words.length <= words.length &&
    pattern.words.every((expected, k) => {
      const actual = words[i + k]!.lower;
      return expected.set ? expected.set.has(actual) : expected.prefix ? actual.startsWith(expected.text) : actual === expected.text;
    });
  const hits: { phrase: string; entry: LexiconEntry; start: number; end: number; firstWord: number; endWord: number }[] = [];
  for (let i = 0; i < words.length; ) {
    const word = words[i]!.lower;
    const candidates = [...(lexicon.exact.get(word) ?? [])];
    for (let k = 1; k <= 3 && k <= word.length; k++) candidates.push(...(lexicon.prefix.get(word.slice(0, k)) ?? []));
    let best: Pattern | undefined;
    for (const pattern of candidates) if ((!best || pattern.words.length > best.words.length) && matches(pattern, i)) best = pattern;
    if (!best) {
      i++;
      continue;
    }
    let slot = 0;
    const phrase = best.phrase.replace(/\uE000\d+\uE001/g, () => {
      while (!best.words[slot]!.set) slot++;
      return best.words[slot]!.set!.get(words[i + slot++]!.lower)!;
    });
    hits.push({ entry: best.entry, phrase, start: words[i]!.start, end: words[i + best.words.length - 1]!.end, firstWord: i, endWord: i + best.words.length });
    i += best.words.length;
  }
  return hits;
}

describe('matchLexicon: the prefix gate', () => {
  const synthetic = compileLexicon([
    { id: 'one', phrases: ['a*', 'b* cell', 'x'] },
    { id: 'two', phrases: ['ab*', 'ab* test', 'abc* (my|your) thing'] },
    { id: 'three', phrases: ['abcd*', 'tum*', 'tumour', 'é*', '𝒳*'] },
  ]);
  const lexicons = [synthetic, compileMedicalLexicons().medical];
  const word = fc.oneof(
    fc.constantFrom('a', 'ab', 'abc', 'abcd', 'abcde', 'b', 'ba', 'cell', 'test', 'my', 'your', 'thing', 'x', 'xa', 'tum', 'tumour', 'tumours', 'é', 'éa', '𝒳', '\uD835', 'can', 'cancer', 'carcinoma', 'lymphoma', 'lym', 'ly', 'l'),
    fc.string({ maxLength: 5 }),
  );

  it('finds what looking up every prefix finds, on random word runs', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(0, 1), (lowers, which) => {
        let at = 0;
        const words = lowers.map((lower) => ({ lower, start: at, end: (at += lower.length + 1) - 1 }));
        expect(matchLexicon(lexicons[which]!, words)).toEqual(plainMatch(lexicons[which]!, words));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same medical terms in real drafts', () => {
    for (const text of ['My mum has a tumour and lymphomas, carcinoma stage 2', 'Cancer cancers CANCER canc can', 'Ab abc abcd test my thing']) {
      const { words } = new Analysis(text);
      for (const lexicon of lexicons) expect(matchLexicon(lexicon, words)).toEqual(plainMatch(lexicon, words));
    }
  });
});
