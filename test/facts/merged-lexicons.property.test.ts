import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon, lexiconsInUse, lexiconWork, matchLexicon, matchMergedLexicons, mergeLexicons, type CompiledLexicon } from '../../src/facts/lexicon.js';
import { tokenizeDistinct } from '../../src/facts/words.js';
import { Analysis } from '../../src/facts/analysis.js';
import { compileMedicalLexicons } from '../../rules/complex-medical-question/medical-signals.js';
import { generateCorpus } from '../../bench/corpus.mjs';
import cancerEn from '../../rules/data/cancer-language.json';
import cancerDe from '../../rules/data/cancer-language.de.json';
import cancerFr from '../../rules/data/cancer-language.fr.json';
import healthEn from '../../rules/data/health-details.json';
import healthDe from '../../rules/data/health-details.de.json';
import healthFr from '../../rules/data/health-details.fr.json';
import plainEn from '../../rules/data/plain-language.json';
import plainDe from '../../rules/data/plain-language.de.json';
import plainFr from '../../rules/data/plain-language.fr.json';

// One pass over the words for every lexicon in use must give each lexicon exactly what matching it
// alone gives: the same entries, phrases, offsets and word indices, in the same order.
const medical = compileMedicalLexicons();
const files = [cancerEn, cancerDe, cancerFr, healthEn, healthDe, healthFr, plainEn, plainDe, plainFr] as { entries: { phrases: string[] }[] }[];
const synthetic = compileLexicon([
  { id: 'one', phrases: ['a*', 'b* cell', 'x', 'ab'] },
  { id: 'two', phrases: ['ab*', 'ab* test', 'abc* (my|your) thing', 'tumour'] },
  { id: 'three', phrases: ['abcd*', 'tum*', 'é*', '𝒳*', 'q r s'] },
  { id: 'four', phrases: ['q', 'q r', 'z y x', 'z y', 'z', 'z (y|w)'] },
]);
const lexicons: CompiledLexicon[] = [medical.medical, medical.cues, ...files.map((f) => compileLexicon(f.entries)), synthetic] as CompiledLexicon[];

// Words of every lexicon's phrases (multi-word patterns then match), their first letters (prefix
// keys), and noise.
const phraseWords = [...new Set(lexicons.flatMap((l) => [...l.exact.values(), ...l.prefix.values()].flat().flatMap((p) => p.phrase.toLowerCase().split(' '))))].filter((w) => w && !/[\uE000\uE001*]/.test(w));
const word = fc.oneof(
  fc.constantFrom(...phraseWords),
  fc.constantFrom(...phraseWords).map((w) => w.slice(0, 3)),
  fc.constantFrom(...phraseWords).map((w) => w + 's'),
  fc.constantFrom('a', 'ab', 'abc', 'abcd', 'b', 'cell', 'test', 'my', 'your', 'thing', 'x', 'tum', 'tumour', 'é', 'éa', '𝒳', '\uD835', 'q', 'r', 's', 'z', 'y', 'w'),
  fc.string({ maxLength: 4 }),
);
const toWords = (lowers: string[]) => {
  let at = 0;
  return lowers.map((lower) => ({ lower, start: at, end: (at += lower.length + 1) - 1 }));
};

describe('matchMergedLexicons: every lexicon its own hits in one pass', () => {
  it('equals matchLexicon per lexicon on random runs of the lexicons’ own words and noise', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 16 }), fc.shuffledSubarray(lexicons, { minLength: 1 }), (lowers, chosen) => {
        const words = toWords(lowers);
        const merged = mergeLexicons(chosen);
        const all = matchMergedLexicons(merged, words);
        chosen.forEach((lexicon, j) => {
          expect(all[j]).toEqual(matchLexicon(lexicon, words));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same hits reading a long draft by its distinct words as reading every word', () => {
    // The words as a long draft's tokenizeDistinct numbers them: equal lower forms, equal ids, in order of first use.
    const idsOf = (lowers: string[]) => {
      const seen = new Map<string, number>();
      const ids = Int32Array.from(lowers, (w) => seen.get(w) ?? (seen.set(w, seen.size), seen.size - 1));
      return { ids, distinct: seen.size };
    };
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 40 }), fc.shuffledSubarray(lexicons, { minLength: 1 }), fc.array(fc.boolean(), { maxLength: lexicons.length }), (vocabulary, picks, chosen, skip) => {
        // Few distinct words, repeated: the case the ids are for.
        const lowers = vocabulary.length === 0 ? [] : picks.map((p) => vocabulary[p % vocabulary.length]!);
        const words = toWords(lowers);
        const merged = mergeLexicons(chosen);
        expect(matchMergedLexicons(merged, words, skip, idsOf(lowers))).toEqual(matchMergedLexicons(merged, words, skip));
      }),
      { numRuns: 2000 },
    );
  });

  it('looks each distinct word of a long draft up once', () => {
    let text = '';
    for (let i = 0; text.length < 120_000; i++) text += `The patient had chemo ${i % 40} times. Tamoxifen and stage ${i % 4} cancer, #Chemo${i % 3} `;
    const { words, ids, distinct } = tokenizeDistinct(text, new Analysis(text).entities);
    expect(ids).toBeDefined();
    const before = lexiconWork.lookups;
    const hits = matchMergedLexicons(mergeLexicons(lexicons), words, undefined, { ids: ids!, distinct });
    expect(lexiconWork.lookups - before).toBeLessThanOrEqual(distinct);
    expect(distinct).toBeLessThan(words.length / 100);
    expect(hits).toEqual(matchMergedLexicons(mergeLexicons(lexicons), words));
    expect(hits.some((h) => h.length > 1000)).toBe(true);
  });

  it('leaves skipped lexicons unmatched and matches the rest as before', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(fc.boolean(), { minLength: lexicons.length, maxLength: lexicons.length }), (lowers, skip) => {
        const words = toWords(lowers);
        const all = matchMergedLexicons(mergeLexicons(lexicons), words, skip);
        lexicons.forEach((lexicon, j) => {
          expect(all[j]).toEqual(skip[j] ? [] : matchLexicon(lexicon, words));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('equals matchLexicon per lexicon on the bench corpus', () => {
    const merged = mergeLexicons(lexicons);
    let hits = 0;
    for (const text of generateCorpus(2000)) {
      const { words } = new Analysis(text);
      const all = matchMergedLexicons(merged, words);
      lexicons.forEach((lexicon, j) => {
        const alone = matchLexicon(lexicon, words);
        hits += alone.length;
        expect(all[j]).toEqual(alone);
      });
    }
    // The corpus does exercise the lexicons.
    expect(hits).toBeGreaterThan(2000);
  });

  // Patterns keyed by a first word are narrowed by the word after it (byNextWord): phrases nearly
  // written out, with a word swapped for another phrase's word, cut short or run on, test that edge.
  const phrases = [...new Set(lexicons.flatMap((l) => [...l.exact.values()].flat().map((p) => p.phrase.toLowerCase())))]
    .filter((p) => p.includes(' ') && !/[\uE000\uE001*]/.test(p))
    .map((p) => p.split(' '));
  it('equals matchLexicon per lexicon on phrases nearly written out', () => {
    const nearly = fc.tuple(fc.constantFrom(...phrases), fc.nat(), fc.constantFrom(...phraseWords), fc.constantFrom('keep', 'swap', 'cut', 'grow')).map(([p, at, other, how]) => {
      const k = at % p.length;
      if (how === 'swap') return [...p.slice(0, k), other, ...p.slice(k + 1)];
      if (how === 'cut') return p.slice(0, Math.max(1, k));
      if (how === 'grow') return [...p, other];
      return p;
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(nearly, word.map((w) => [w])), { maxLength: 6 }), fc.shuffledSubarray(lexicons, { minLength: 1 }), (runs, chosen) => {
        const words = toWords(runs.flat());
        const all = matchMergedLexicons(mergeLexicons(chosen), words);
        chosen.forEach((lexicon, j) => {
          expect(all[j]).toEqual(matchLexicon(lexicon, words));
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('tries only the patterns whose second word is the next word (or any): a fraction of what matching each lexicon alone tries', () => {
    const merged = mergeLexicons(lexicons);
    let narrowed = 0;
    let full = 0;
    for (const text of generateCorpus(500)) {
      const { words } = new Analysis(text);
      let before = lexiconWork.tried;
      const all = matchMergedLexicons(merged, words);
      narrowed += lexiconWork.tried - before;
      before = lexiconWork.tried;
      lexicons.forEach((lexicon, j) => expect(matchLexicon(lexicon, words)).toEqual(all[j]));
      full += lexiconWork.tried - before;
    }
    expect(full).toBeGreaterThan(10_000);
    expect(narrowed).toBeLessThan(full * 0.35);
  });

  it('gives Analysis.lexicon the same hits whatever order and set rules ask in', () => {
    const corpus = generateCorpus(300);
    fc.assert(
      // With a language known or not: lexicons are grouped by it.
      fc.property(fc.constantFrom(...corpus), fc.array(fc.constantFrom(...lexicons), { minLength: 1, maxLength: 30 }), fc.constantFrom(undefined, 'en' as const, 'de' as const, 'fr' as const), (text, asks, language) => {
        const analysis = new Analysis(text, language ? { language } : {});
        for (const lexicon of asks) expect(analysis.lexicon(lexicon)).toEqual(matchLexicon(lexicon, analysis.words));
        // Asked again, the same array: matched once per draft.
        for (const lexicon of asks) expect(analysis.lexicon(lexicon)).toBe(analysis.lexicon(lexicon));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the set of lexicons in use bounded, starting again from what the draft asks for', () => {
    const many = Array.from({ length: 40 }, (_, i) => compileLexicon([{ phrases: [`w${i}`] }]));
    for (const lexicon of many) expect(lexiconsInUse(lexicon).lexicons).toContain(lexicon);
    expect(lexiconsInUse(many[39]!).lexicons.length).toBeLessThanOrEqual(16);
    // Each group (a language) has its own set.
    expect(lexiconsInUse(many[0]!, [], 'de').lexicons).not.toContain(many[39]);
    const kept = [many[0]!, many[1]!];
    const fresh = compileLexicon([{ phrases: ['fresh'] }]);
    for (let i = 2; i < 40; i++) lexiconsInUse(compileLexicon([{ phrases: [`v${i}`] }]), kept);
    expect(lexiconsInUse(fresh, kept).lexicons).toContain(fresh);
  });

  it('grows a set one lexicon at a time: each set, the new and those it grew from, matches as one merged from scratch', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lexicons), { minLength: 1, maxLength: 20 }), fc.array(fc.array(word, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (asks, drafts) => {
        const group = `grow-${run++}`;
        const sets: ReturnType<typeof lexiconsInUse>[] = [];
        for (const lexicon of asks) {
          const set = lexiconsInUse(lexicon, [], group);
          expect(set.lexicons).toContain(lexicon);
          if (!sets.includes(set)) sets.push(set);
        }
        for (const lowers of drafts) {
          const words = toWords(lowers);
          for (const set of sets) expect(matchMergedLexicons(set, words)).toEqual(matchMergedLexicons(mergeLexicons(set.lexicons), words));
        }
        // Grown, not merged again: every set of the group shares the first one's tables.
        for (const set of sets) expect(set.exact).toBe(sets[0]!.exact);
      }),
      { numRuns: 500 },
    );
  });
});
