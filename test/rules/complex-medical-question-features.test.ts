import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/facts/analysis.js';
import type { Word } from '../../src/facts/words.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { addCharacterGrams, bucketOf, bucketOfParts, characterGramName, featureBuckets, featureNames } from '../../rules/complex-medical-question/features.js';
import type { Signal } from '../../rules/complex-medical-question/medical-signals.js';
import { generateCorpus } from '../../bench/corpus.mjs';
import { ASKS, asks, assess, compileMedicalLexicons, hasDrugSuffix, mayBeTnm, QUESTION_END, startsWithDigit } from '../../rules/complex-medical-question/medical-signals.js';
import patternData from '../../rules/data/complex-medical-question/patterns.json';
import { entryOf, readLexicon, type LexiconFileEntry } from '../../src/rule/index.js';
import cueData from '../../rules/data/complex-medical-question/cues.json';
import signalWeights from '../../rules/data/complex-medical-question/signals.json';
import { modelFor, predictFeatures, predictWith } from '../../rules/complex-medical-question/model.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

describe('complex-medical-question features: character n-grams', () => {
  // The grams are hashed in place, without strings; they must land where their names would.
  it.each([
    'is 20mg tamoxifen safe with my warfarin?',
    "Hi Dave, it's Siobhan: don’t stop the Élvanse #chemo @kim_r https://example.org/a",
    'Müdigkeit nach der Chemo – ist das normal? 𝒳 ok',
  ])('hashes each word’s grams to the buckets of their names: %s', (text) => {
    const { words } = new Analysis(text);
    const names = ['shape:question-mark'];
    for (const word of words) {
      if (word.tag) continue;
      const marked = `<${word.lower}>`;
      for (let i = 0; i + 4 <= marked.length; i++) names.push(characterGramName(marked.slice(i, i + 4)));
    }
    expect(featureBuckets(['shape:question-mark'], 14, words, 4)).toEqual(featureBuckets(names, 14));
    expect(featureBuckets(['shape:question-mark'], 14, words, 0)).toEqual(featureBuckets(['shape:question-mark'], 14));
  });

  it('hashes the grams of random drafts, and of words longer than the reused buffer, where their names land', () => {
    const long = fc.tuple(fc.constantFrom('a', 'é', '𝒳', 'ß'), fc.integer({ min: 55, max: 90 })).map(([c, n]) => c.repeat(n));
    fc.assert(
      fc.property(fc.oneof(drafts, fc.array(fc.oneof(long, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((w) => w.join(' '))), (text) => {
        const { words } = new Analysis(text);
        const names: string[] = [];
        for (const word of words) {
          if (word.tag) continue;
          const marked = `<${word.lower}>`;
          for (let i = 0; i + 4 <= marked.length; i++) names.push(characterGramName(marked.slice(i, i + 4)));
        }
        expect(featureBuckets([], 14, words, 4)).toEqual(featureBuckets(names, 14));
      }),
      { numRuns: 500 },
    );
  });

  it('adds each gram in the order of its name, for any gram length: the model sums them in that order', () => {
    const word = fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.constantFrom('a', 'é', '𝒳', '<', '>', 'ß', '1'), { maxLength: 7 }).map((p) => p.join('')));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(13, 14), (parts, n, bits) => {
        const { words } = new Analysis(parts.join(' '));
        const expected: number[] = [];
        for (const w of words) {
          if (w.tag) continue;
          const marked = `<${w.lower}>`;
          for (let i = 0; i + n <= marked.length; i++) expected.push(bucketOf(characterGramName(marked.slice(i, i + n)), bits));
        }
        const added: number[] = [];
        addCharacterGrams(words, n, bits, { add: (bucket) => added.push(bucket) });
        expect(added).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('adds the buckets of a long draft, which skips the words it met before, in the order of every word’s grams', () => {
    const vocabulary = fc.constantFrom('chemo', 'Chemo', 'tamoxifen', 'a', 'ok', 'é', '𝒳x', 'müdigkeit', 'stage', 'isn’t', 'x'.repeat(60));
    const word = fc.tuple(vocabulary, fc.boolean()).map(([lower, tag]): Word => (tag ? { text: lower, lower, start: 0, end: lower.length, sentence: 0, tag: 'hashtag' } : { text: lower, lower, start: 0, end: lower.length, sentence: 0 }));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1900, maxLength: 2600 }), (words) => {
        // Every word's grams, in order; the set keeps the first of each, as the model's BucketSet does.
        const expected = new Set<number>();
        const mask = (1 << 14) - 1;
        for (const w of words) {
          if (w.tag) continue;
          const marked = `<${w.lower}>`;
          for (let i = 0; i + 4 <= marked.length; i++) expected.add(bucketOf(characterGramName(marked.slice(i, i + 4)), 14) & mask);
        }
        const added: number[] = [];
        const into = new Set<number>();
        addCharacterGrams(words, 4, 14, { add: (bucket) => (into.has(bucket) ? false : (into.add(bucket), added.push(bucket), true)) });
        expect(added).toEqual([...expected]);
      }),
      // No shrinking: a counterexample is thousands of words long.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('makes no gram of a one-letter word or of a hashtag; a two-letter word is one', () => {
    const { words } = new Analysis('a ok #lymphoma');
    expect(featureBuckets([], 14, words, 4)).toEqual(featureBuckets([characterGramName('<ok>')], 14));
  });
});

describe('complex-medical-question model: the reused bucket set', () => {
  // What predictWith summed with a fresh Set per draft: the same buckets in the same order, so the same bits.
  function probabilityWithSet(language: 'en' | 'de' | 'fr', names: readonly string[], words: Analysis['words']): number {
    const model = modelFor(language);
    const counted = new Set<number>();
    if (model.characterGrams > 0) addCharacterGrams(words, model.characterGrams, model.bits, counted);
    let z = model.bias;
    for (const bucket of counted) z += model.weights[bucket]! * model.scale;
    for (const name of names) {
      const bucket = bucketOf(name, model.bits);
      if (!counted.has(bucket)) (counted.add(bucket), (z += model.weights[bucket]! * model.scale));
    }
    return 1 / (1 + Math.exp(-z));
  }

  it.each(['en', 'de', 'fr'] as const)('gives the probability of a fresh Set, draft after draft (%s)', (language) => {
    const folder = join(__dirname, '../fixtures/complex-medical-question/corpus', language);
    const drafts = readdirSync(folder)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean).slice(0, 15))
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(drafts.length).toBeGreaterThan(20);
    for (const text of drafts) {
      const analysis = new Analysis(text, { language });
      const names = featureNames(analysis, []);
      const expected = probabilityWithSet(language, names, analysis.words);
      expect(predictWith(modelFor(language), names, analysis.words).probability).toBe(expected);
      expect(predictWith(modelFor(language), names, analysis.words).probability).toBe(expected);
    }
  });
});

// The rule scores with predictFeatures (no name strings); predictWith over featureNames is the plain reading it must equal.
function expectSameScore(text: string, language?: 'en' | 'de' | 'fr') {
  const analysis = new Analysis(text, language ? { language } : {});
  const { signals } = assess(analysis, shippedLexicons);
  const model = modelFor(analysis.language);
  const plain = predictWith(model, featureNames(analysis, signals), analysis.words);
  const fast = predictFeatures(model, analysis, signals);
  expect(fast.probability).toBe(plain.probability);
  expect(fast.strongest).toEqual(plain.strongest);
  // Listed only from a probability on: the same list at or under it, none above, the same probability either way.
  const at = predictFeatures(model, analysis, signals, plain.probability);
  const above = predictFeatures(model, analysis, signals, Math.min(1, plain.probability + 1e-9) + 1e-9);
  expect(at.strongest).toEqual(plain.strongest);
  expect(above.strongest).toEqual([]);
  expect([at.probability, above.probability]).toEqual([plain.probability, plain.probability]);
  expect(fast.threshold).toBe(plain.threshold);
}
const shippedLexicons = compileMedicalLexicons();

describe('complex-medical-question model: features hashed from their parts', () => {

  it.each(['en', 'de', 'fr'] as const)('scores every labelled draft to the bit (%s)', (language) => {
    const folder = join(__dirname, '../fixtures/complex-medical-question/corpus', language);
    const drafts = readdirSync(folder)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean))
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(drafts.length).toBeGreaterThan(300);
    for (const text of drafts) expectSameScore(text, language);
  });

  it('hashes a name from its parts to the bucket of the whole name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.constantFrom(13, 14), (prefix, a, separator, b, bits) => {
        expect(bucketOfParts(prefix, a, separator, b, bits)).toBe(bucketOf(prefix + a + separator + b, bits));
      }),
      { numRuns: 500 },
    );
  });

  it('lists the strongest features of a draft with more features than the recorded buckets hold at first', () => {
    // The strong features first, then thousands of filler words, each new (a long draft skips the ones
    // met before): read from the wrong buckets, the first would be lost.
    const filler = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const long = 'my dad got told stage 4 and the chemo isnt working, is it safe with 20mg tamoxifen? ' + filler;
    for (const language of ['en', 'de'] as const) expectSameScore(long, language);
    expectSameScore('my dad got told stage 4?', 'en');
  });

  it.each(['en', 'de', 'fr'] as const)('scores long drafts, which skip the words and features met before, to the bit (%s)', (language) => {
    const folder = join(__dirname, '../fixtures/complex-medical-question/corpus', language);
    const labelled = readdirSync(folder)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean))
      .map((line) => (JSON.parse(line) as { text: string }).text);
    let long = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(labelled.length - 1), { minLength: 120, maxLength: 200 }), fc.constantFrom('\n\n', ' ', ' #chemo '), (picks, glue) => {
        const text = picks.map((i) => labelled[i]!).join(glue);
        if (new Analysis(text).words.length >= 2000) long++;
        expectSameScore(text, language);
        expectSameScore(text);
      }),
      { numRuns: 12, endOnFailure: true },
    );
    expect(long).toBeGreaterThan(6);
  });

  it('scores random and hostile drafts to the bit', () => {
    const medical = fc.constantFrom('my dad', 'stage 4', 'chemo', 'PSA of 4.1', 'is it safe', '20mg tamoxifen', 'Should I', '?', '@sam ', 'https://example.org', 'Ärztin', 'cancer', 'lump', ' ', '\n', '. ');
    const text = fc.oneof(drafts, fc.array(fc.oneof(medical, fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'en' as const, 'de' as const, 'fr' as const), (draft, language) => expectSameScore(draft, language)),
      { numRuns: 400 },
    );
  });
});

describe('complex-medical-question signals: the word gates', () => {
  // What scanWords read before the gates: the patterns and the sliced singular, on every word.
  const TNM = /^[pcy]?t[0-4x][a-d]?n[0-3x][a-c]?m[01x]$/;
  const NUMBER = /^\d+$|^(\d+)([a-zµ]+)$/;
  const patterns = readLexicon(patternData, 'complex-medical-question/patterns.json');
  const suffixes = entryOf(patterns, 'drug-suffixes');
  const plainDrugSuffix = (lower: string) => {
    if (lower.length < (suffixes.minLength as number)) return false;
    const stem = lower.endsWith('s') ? lower.slice(0, -1) : lower;
    return suffixes.phrases.some((suffix) => stem.endsWith(suffix));
  };
  const pieces = fc.constantFrom('p', 'c', 'y', 't', 'n', 'm', 'x', 'a', 'b', '0', '1', '3', '4', '9', 'mg', 'µ', 's', 'mab', 'nib', 'platin', 'statin', 'ib', 'ab', '٣', 'Ｔ', 'é');
  const word = fc.oneof(fc.string({ maxLength: 12 }), fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')));

  it('lets through every word a pattern matches, and finds the same drug endings', () => {
    fc.assert(
      fc.property(word, (lower) => {
        if (TNM.test(lower)) expect(mayBeTnm(lower)).toBe(true);
        if (NUMBER.test(lower)) expect(startsWithDigit(lower)).toBe(true);
        expect(hasDrugSuffix(lower)).toBe(plainDrugSuffix(lower));
      }),
      { numRuns: 3000 },
    );
    for (const lower of ['t2n1m0', 'pt1cn0m0', 'ytxnxmx', 'ct4dn3cm1', '20mg', '4', 'rituximab', 'imatinibs', 'statins', 'cisplatin']) {
      if (TNM.test(lower)) expect(mayBeTnm(lower)).toBe(true);
      if (NUMBER.test(lower)) expect(startsWithDigit(lower)).toBe(true);
      expect(hasDrugSuffix(lower)).toBe(plainDrugSuffix(lower));
    }
  });
});

describe('complex-medical-question lexicons: inherited signals', () => {
  // The plain reading: every run of words inside a phrase, sliced and joined, looked up in turn.
  it('gives each cue phrase the signals of the phrases inside it, of the same sign', () => {
    const weightOf = (signal: string) => (signalWeights.signals as Record<string, { weight: number }>)[signal]?.weight ?? 0;
    const own = new Map<string, Set<string>>();
    for (const { signal, phrases } of readLexicon<LexiconFileEntry & { signal: string }>(cueData, 'cues.json').entries)
      for (const phrase of phrases) (own.get(phrase.toLowerCase()) ?? own.set(phrase.toLowerCase(), new Set()).get(phrase.toLowerCase())!).add(signal);
    const expected = [...own].map(([phrase, signals]) => {
      const words = phrase.split(' ');
      const all = new Set(signals);
      const positive = [...signals].some((s) => weightOf(s) > 0);
      if (!signals.has('neutral'))
        for (let i = 0; i < words.length; i++)
          for (let j = i + 1; j <= words.length; j++) for (const s of own.get(words.slice(i, j).join(' ')) ?? []) if (weightOf(s) > 0 === positive) all.add(s);
      return [phrase, [...all]] as const;
    });
    const compiled = new Map<string, string[]>();
    for (const patterns of compileMedicalLexicons().cues.exact.values()) for (const p of patterns) compiled.set(p.entry.phrases[0]!, p.entry.signals);
    expect(expected.length).toBeGreaterThan(300);
    for (const [phrase, signals] of expected) if (compiled.has(phrase)) expect(compiled.get(phrase)).toEqual(signals);
  });
});

describe('complex-medical-question features: the plain readings of the fast paths', () => {
  const lexicons = compileMedicalLexicons();
  it('reads a sentence as asking exactly where the pattern does', () => {
    const piece = fc.constantFrom('?', '??', '"', "'", '’', '”', ')', ']', ' ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', 'a', '.', '!', '…', '(', '[', '“', '\uD83D', '😀');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 10 }).map((parts) => parts.join('')), fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (sentence) => {
        expect(asks(sentence)).toBe(ASKS.test(sentence));
        // assess's reading: the question mark and closers after trimming the sentence's end.
        expect(asks(sentence)).toBe(QUESTION_END.test(sentence.trimEnd()));
      }),
      { numRuns: 5000 },
    );
    // Every BMP unit after the question mark: white space as \s and trimEnd read it, or not.
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = '?' + String.fromCharCode(code);
      if (asks(text) !== ASKS.test(text) || asks(text) !== QUESTION_END.test(text.trimEnd())) differing.push(code);
    }
    expect(differing).toEqual([]);
  });

  it('names each distinct signal and pair in sorted order, however the signals come', () => {
    const ids = Object.keys(signalWeights.signals) as Signal['id'][];
    const signal = fc.record({ id: fc.constantFrom(...ids), start: fc.nat(40) });
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 12 }), (raw) => {
        const signals = raw.map(({ id, start }) => ({ id, weight: 1, text: 'x', start, end: start + 1 }));
        const sorted = [...new Set(signals.map((s) => s.id))].sort();
        const expected: string[] = [];
        for (let i = 0; i < sorted.length; i++) {
          expected.push('signal:' + sorted[i]);
          for (let j = i + 1; j < sorted.length; j++) expected.push('signal:' + sorted[i] + '+' + sorted[j]);
        }
        expect(featureNames(new Analysis('my dad has stage 4'), signals).filter((name) => name.startsWith('signal:'))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('scores the bench corpus to the bit, as the rule reads it', () => {
    for (const text of generateCorpus(1500)) expectSameScore(text);
  });
});
