import patternData from '../data/complex-medical-question/patterns.json';
import { readLexicon, wordSet, type Analysis } from '../../src/rule/index.js';
import type { Signal } from './medical-signals.js';

/**
 * The features the learned model reads, from the shared analysis only: word stems and stem pairs
 * (within a sentence), the hand signals' ids (what they found, never their hand-set weights: feeding
 * the hand score back in drags the model to the hand rule's errors), and the draft's shape.
 * Each feature is a name hashed into a fixed number of buckets, so the model needs no vocabulary.
 */
/** Buckets per language model, as powers of two: fewer for the smaller German and French corpora. */
export const FEATURE_BITS = { en: 14, de: 13, fr: 13 } as const;
const FUNCTION_WORDS = wordSet(readLexicon(patternData, 'complex-medical-question/patterns.json'), 'feature-function-words');

export function featureNames(analysis: Analysis, signals: readonly Signal[]): string[] {
  const { text, words, stems } = analysis;
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const stem = stems[i]!;
    // Function words say little alone (long drafts simply have more "and"); in pairs they keep their say.
    if (!FUNCTION_WORDS.has(word.lower)) names.push(word.tag ? `#${stem}` : stem);
    const next = words[i + 1];
    if (next && next.sentence === word.sentence && !word.tag && !next.tag) names.push(`${stem} ${stems[i + 1]}`);
  }
  // A linear model cannot AND two cues: "asks" and "about my own result" together say more than each.
  const ids = [...new Set(signals.map((s) => s.id))].sort();
  for (let i = 0; i < ids.length; i++) {
    names.push(`signal:${ids[i]}`);
    for (let j = i + 1; j < ids.length; j++) names.push(`signal:${ids[i]}+${ids[j]}`);
  }
  // Words of the sentences that ask: "your" in a question reads as awareness, "my" as a personal question.
  for (const sentence of analysis.sentences) {
    if (!/\?["'’”)\]]*\s*$/.test(sentence.text)) continue;
    for (let i = sentence.firstWord; i < sentence.endWord; i++) names.push(`ask:${stems[i]}`);
  }
  const first = words[0];
  if (first) names.push(`first:${stems[0]}`);
  if (text.includes('?')) names.push('shape:question-mark');
  if (/\d/.test(text)) names.push('shape:digits');
  const mention = analysis.mentions[0];
  if (mention && text.slice(0, mention.start).trim() === '') names.push('shape:reply');
  if (analysis.urls.length > 0) names.push('shape:link');
  // Length in doubling buckets: a one-line question and a 500-character answer read differently.
  names.push(`shape:words-${Math.min(8, Math.floor(Math.log2(words.length + 1)))}`);
  names.push(`shape:sentences-${Math.min(4, analysis.sentences.length)}`);
  return names;
}

/** The distinct hashed buckets of a draft's features, in ascending order. */
export function featureBuckets(names: readonly string[], bits: number): Uint32Array {
  const buckets = new Set<number>();
  for (const name of names) buckets.add(bucketOf(name, bits));
  return Uint32Array.from(buckets).sort();
}

export function bucketOf(name: string, bits: number): number {
  return hash(name) & ((1 << bits) - 1);
}

/** 32-bit FNV-1a over UTF-16 code units: the same bucket in every engine, for every string. */
function hash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
