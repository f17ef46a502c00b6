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
    // Shorter before longer and longer before shorter, with a tie: the longest wins, the first of a tie.
    { id: 'four', phrases: ['q', 'q r', 'q r s', 'z y x', 'z y', 'z', 'z (y|w)'] },
    { id: 'five', phrases: ['q r', 'z y x'] },
  ]);
  const medical = compileMedicalLexicons();
  const lexicons = [synthetic, medical.medical, medical.cues] as CompiledLexicon[];
  // Words of the cue phrases, so that multi-word patterns (and their one-word-group slots) match.
  const cueWords = [...new Set([...medical.cues.exact.values()].flat().flatMap((p) => p.phrase.split(' ')))].filter((w) => !w.includes('\uE000'));
  const word = fc.oneof(
    fc.constantFrom('a', 'ab', 'abc', 'abcd', 'abcde', 'b', 'ba', 'cell', 'test', 'my', 'your', 'thing', 'x', 'xa', 'tum', 'tumour', 'tumours', 'é', 'éa', '𝒳', '\uD835', 'can', 'cancer', 'carcinoma', 'lymphoma', 'lym', 'ly', 'l', 'q', 'r', 's', 'z', 'y', 'x', 'w'),
    fc.string({ maxLength: 5 }),
    fc.constantFrom(...cueWords),
  );

  it('finds what looking up every prefix finds, on random word runs', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(0, 1, 2), (lowers, which) => {
        let at = 0;
        const words = lowers.map((lower) => ({ lower, start: at, end: (at += lower.length + 1) - 1 }));
        expect(matchLexicon(lexicons[which]!, words)).toEqual(plainMatch(lexicons[which]!, words));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same medical terms in real drafts', () => {
    for (const text of ['My mum has a tumour and lymphomas, carcinoma stage 2', 'Cancer cancers CANCER canc can', 'Ab abc abcd test my thing', 'q r s q r z y x z y z w q', 'is it safe to take ibuprofen with my chemo? should i call my gp or wait', 'I’d rather you call us. Is it normal to feel this tired?']) {
      const { words } = new Analysis(text);
      for (const lexicon of lexicons) expect(matchLexicon(lexicon, words)).toEqual(plainMatch(lexicon, words));
    }
  });
});

describe('compileLexicon: plain phrases', () => {
  // A plain phrase skips expansion and the word pattern; "(phrase)" expands to the same phrase the long way.
  // The patterns without their entry (whose phrases are written differently): key, phrase and words.
  const shape = (map: CompiledLexicon['exact']) => [...map].map(([key, patterns]) => [key, patterns.map(({ phrase, words }) => ({ phrase, words }))]);
  const compiled = (phrases: string[]) => {
    const { exact, prefix } = compileLexicon([{ id: 'x', phrases }]);
    return { exact: shape(exact), prefix: shape(prefix) };
  };
  const longWay = (phrases: string[]) => compiled(phrases.map((p) => `(${p})`));
  const shortWay = compiled;
  const plainWord = fc.stringMatching(/^[a-z0-9]{1,6}$/);

  it('compiles a plain phrase as expanding it would', () => {
    fc.assert(
      fc.property(fc.array(fc.array(plainWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 6 }), (phrases) => {
        expect(shortWay(phrases)).toEqual(longWay(phrases));
      }),
      { numRuns: 500 },
    );
  });

  it('compiles the shipped medical phrases as expanding them would', () => {
    const medical = compileMedicalLexicons();
    for (const lexicon of [medical.medical, medical.cues]) {
      const patterns = [...new Set([...lexicon.exact.values(), ...lexicon.prefix.values()].flat())].filter((p) => /^[a-z0-9]+(?: [a-z0-9]+)*$/.test(p.phrase));
      expect(patterns.length).toBeGreaterThan(300);
      const phrases = patterns.map((p) => p.phrase);
      expect(shortWay(phrases)).toEqual(longWay(phrases));
    }
  });
});
