import patternData from '../data/complex-medical-question/patterns.json';
import { shippedLexicon, wordSet, type Analysis, type Word } from '../../src/rule/index.js';
import { asks, type Signal } from './medical-signals.js';

/**
 * The features the learned model reads, from the shared analysis only: word stems and stem pairs
 * (within a sentence), the hand signals' ids (what they found, never their hand-set weights: feeding
 * the hand score back in drags the model to the hand rule's errors), and the draft's shape.
 * Each feature is a name hashed into a fixed number of buckets, so the model needs no vocabulary.
 * The English model also reads each word's character 4-grams ("<tam", "tamo"...), which carry over
 * typos, spelling variants and unseen inflections to new writers; on the smaller German and French
 * corpora they did not help on leave-one-author-out folds (see docs/health-rules.md).
 */
/** Buckets per language model, as powers of two: fewer for the smaller German and French corpora. */
export const FEATURE_BITS = { en: 14, de: 13, fr: 13 } as const;
/** Length of the character n-grams each language model reads; 0 for none. */
export const CHARACTER_GRAMS = { en: 4, de: 0, fr: 0 } as const;
const FUNCTION_WORDS = wordSet(shippedLexicon(patternData, 'complex-medical-question/patterns.json'), 'feature-function-words');

/**
 * Receives each feature as the parts of its name, `prefix + a + separator + b`: the model hashes the
 * parts in turn (FNV-1a of a concatenation is FNV-1a carried through each part), so a post's hundred
 * names are never made as strings; {@link featureNames} joins them for training and tests.
 */
export interface FeatureSink {
  add(prefix: string, a: string, separator: string, b: string): void;
}

export function featureNames(analysis: Analysis, signals: readonly Signal[]): string[] {
  const names: string[] = [];
  forEachFeature(analysis, signals, { add: (prefix, a, separator, b) => names.push(prefix + a + separator + b) });
  return names;
}

/** Every feature of a draft, in the order the model sums them: what {@link featureNames} lists. */
export function forEachFeature(analysis: Analysis, signals: readonly Signal[], sink: FeatureSink): void {
  const { text, words, stems } = analysis;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const stem = stems[i]!;
    // Function words say little alone (long drafts simply have more "and"); in pairs they keep their say.
    if (!FUNCTION_WORDS.has(word.lower)) sink.add(word.tag ? '#' : '', stem, '', '');
    const next = words[i + 1];
    if (next && next.sentence === word.sentence && !word.tag && !next.tag) sink.add('', stem, ' ', stems[i + 1]!);
  }
  // A linear model cannot AND two cues: "asks" and "about my own result" together say more than each.
  const ids = distinctSorted(signals);
  for (let i = 0; i < ids.length; i++) {
    sink.add('signal:', ids[i]!, '', '');
    for (let j = i + 1; j < ids.length; j++) sink.add('signal:', ids[i]!, '+', ids[j]!);
  }
  // Words of the sentences that ask: "your" in a question reads as awareness, "my" as a personal question.
  for (const sentence of analysis.sentences) {
    if (!asks(sentence.text)) continue;
    for (let i = sentence.firstWord; i < sentence.endWord; i++) sink.add('ask:', stems[i]!, '', '');
  }
  if (words.length > 0) sink.add('first:', stems[0]!, '', '');
  if (text.includes('?')) sink.add('shape:question-mark', '', '', '');
  if (/\d/.test(text)) sink.add('shape:digits', '', '', '');
  const mention = analysis.mentions[0];
  if (mention && text.slice(0, mention.start).trim() === '') sink.add('shape:reply', '', '', '');
  if (analysis.urls.length > 0) sink.add('shape:link', '', '', '');
  // Length in doubling buckets: a one-line question and a 500-character answer read differently.
  sink.add('shape:words-', String(Math.min(8, Math.floor(Math.log2(words.length + 1)))), '', '');
  sink.add('shape:sentences-', String(Math.min(4, analysis.sentences.length)), '', '');
}
/** The signals' distinct ids in code-unit order, as `[...new Set(ids)].sort()` gives them: a draft has a handful, sorted in place. */
function distinctSorted(signals: readonly Signal[]): string[] {
  const ids: string[] = [];
  for (const { id } of signals) {
    let at = ids.length;
    while (at > 0 && ids[at - 1]! > id) at--;
    if (at > 0 && ids[at - 1] === id) continue;
    ids.splice(at, 0, id);
  }
  return ids;
}


/**
 * The distinct hashed buckets of a draft's features, in ascending order: the named features, and
 * with `grams` > 0 the character n-grams of the words (not hashtags) with a '<' and '>' at each end.
 */
export function featureBuckets(names: readonly string[], bits: number, words: readonly Word[] = [], grams = 0): Uint32Array {
  const buckets = new Set<number>();
  for (const name of names) buckets.add(bucketOf(name, bits));
  if (grams > 0) addCharacterGrams(words, grams, bits, buckets);
  return Uint32Array.from(buckets).sort();
}

/** A word's character n-gram as a feature name ("c:<tam"): what {@link addCharacterGrams} hashes, without making the string. */
export const characterGramName = (gram: string) => `c:${gram}`;
export const FNV_BASIS = 0x811c9dc5;
const GRAM_PREFIX = fnv(FNV_BASIS, 'c:');

// From this many words (a post has at most a few hundred), addCharacterGrams and the model's
// scoring skip the words and features met before.
export const SKIP_REPEATS_FROM = 2000;

/** The buckets of every word's character n-grams, hashed in place: a post has hundreds, so no strings are made. */
export function addCharacterGrams(words: readonly Word[], n: number, bits: number, into: { add(bucket: number): unknown }): void {
  const mask = (1 << bits) - 1;
  // A long draft repeats its words: a word met before adds only buckets already in `into` (a set,
  // added to in order), so it is skipped: the same buckets in the same order.
  const seen = words.length >= SKIP_REPEATS_FROM ? new Set<string>() : undefined;
  for (const word of words) {
    if (word.tag) continue;
    const { lower } = word;
    if (seen) {
      if (seen.has(lower)) continue;
      seen.add(lower);
    }
    const length = lower.length + 2;
    for (let i = 0; i + n <= length; i++) {
      let h = GRAM_PREFIX;
      for (let k = i; k < i + n; k++) {
        h ^= k === 0 ? 60 : k === length - 1 ? 62 : lower.charCodeAt(k - 1); // '<' and '>' mark the ends
        h = Math.imul(h, 0x01000193);
      }
      into.add((h >>> 0) & mask);
    }
  }
}

export function bucketOf(name: string, bits: number): number {
  return (fnv(FNV_BASIS, name) >>> 0) & ((1 << bits) - 1);
}

/** The bucket of the name `prefix + a + separator + b`, hashed part by part without making it. */
export function bucketOfParts(prefix: string, a: string, separator: string, b: string, bits: number): number {
  return (fnv(fnv(fnv(fnv(FNV_BASIS, prefix), a), separator), b) >>> 0) & ((1 << bits) - 1);
}


/** 32-bit FNV-1a over UTF-16 code units, from a given state: the same bucket in every engine, for every string. */
export function fnv(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
