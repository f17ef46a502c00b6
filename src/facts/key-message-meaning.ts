import type { Term } from './key-message-terms.js';
import { dot, type WordVectors } from './word-vectors.js';

/** A word or thesaurus phrase of a text, with every concept it stands for and its vector. */
export interface MeaningUnit {
  keys: string[];
  negated: boolean;
  /** Said by the thesaurus (a concept), so a vector must not overrule it ("early" is not "late"). */
  concept: boolean;
  vector: Float32Array | undefined;
  /** How rare its rarest word is in general English, 0 (the commonest) to 1 (unknown). */
  rarity: number;
  start: number;
  end: number;
  sentence: number;
}

/** A message's unit with its weight: rare words of the campaign weigh more. */
export interface WeightedUnit extends MeaningUnit {
  weight: number;
}

/** How much of a message a stretch of the draft says, and the draft's words that say it. */
export interface Alignment {
  /** Weighted share of the message's words said in the draft's words, 0 to 1. */
  score: number;
  /** The same, with words weighted by their rarity in general English rather than in the campaign. */
  rare: number;
  /** Weighted share of the message's words said almost exactly (closeness of 0.7 or more). */
  strong: number;
  /** Share of the window's own words that say some word of the message: low when the draft is about something else. */
  reverse: number;
  /** Unweighted share of the message's words said (closeness of 0.5 or more). */
  share: number;
  /** Longest run of the message's words said word for word in the same order, as a share of its words: a reused phrase ("ask your GP") rather than a paraphrase. */
  run: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const NONE: Alignment = { score: 0, rare: 0, strong: 0, reverse: 0, share: 0, run: 0, start: 0, end: 0 };
// Closeness a draft's word needs to count as saying a message word, for the phrase and the reverse share.
const SAYS = 0.5;
const STRONG = 0.7;
// A draft's word belongs to the carrying phrase when it says a message word at least this closely.
const IN_PHRASE = 0.2;

/** Units from terms (grouped by the words they come from); each gets the mean vector of its words. */
export function unitsOf(text: string, terms: readonly Term[], vectors: WordVectors, stop: ReadonlySet<string>): MeaningUnit[] {
  const units: MeaningUnit[] = [];
  for (const term of terms) {
    const last = units[units.length - 1];
    if (last && last.start === term.start && last.end === term.end) {
      if (!last.keys.includes(term.key)) last.keys.push(term.key);
      continue;
    }
    const words = text.slice(term.start, term.end).toLowerCase().match(WORD) ?? [];
    const content = words.filter((w) => !stop.has(w));
    const used = content.length ? content : words;
    units.push({
      keys: [term.key],
      negated: term.negated,
      concept: term.key.startsWith('c:'),
      vector: vectors.meanVector(used),
      rarity: Math.max(0, ...used.map((w) => Math.log(1 + vectors.rank(w)) / Math.log(1 + vectors.size))),
      start: term.start,
      end: term.end,
      sentence: term.sentence,
    });
  }
  return units;
}

/**
 * How close a draft's unit comes to a message's, before any floor: 1 for the same stem or concept,
 * the vectors' cosine otherwise, and 0 where the polarity differs or the thesaurus files them under
 * different concepts ("early" is not "late", however close GloVe puts them).
 */
export function rawCloseness(message: MeaningUnit, draft: MeaningUnit): number {
  if (message.negated !== draft.negated) return 0;
  for (const key of message.keys) if (draft.keys.includes(key)) return 1;
  if (message.concept && draft.concept) return 0;
  if (!message.vector || !draft.vector) return 0;
  return Math.min(dot(message.vector, draft.vector), 1);
}

/** Every (message unit, draft unit) closeness, computed once for all the alignments of a pair. */
export function closenessMatrix(message: readonly MeaningUnit[], draft: readonly MeaningUnit[]): Float64Array[] {
  return message.map((m) => Float64Array.from(draft, (d) => rawCloseness(m, d)));
}

/** A cosine past the floor, rescaled to 0..1; an exact match stays 1. */
function pastFloor(raw: number, floor: number): number {
  return raw >= 1 ? 1 : raw > floor ? (raw - floor) / (1 - floor) : 0;
}

/**
 * Aligns each word of the message to its closest word in the draft, within `window` neighbouring
 * sentences, and takes the best window: a paraphrase says the message in a sentence or two.
 */
export function align(message: readonly WeightedUnit[], draft: readonly MeaningUnit[], raw: readonly Float64Array[], floor: number, window = 2): Alignment {
  const total = message.reduce((sum, u) => sum + u.weight, 0);
  const totalRare = message.reduce((sum, u) => sum + u.rarity, 0);
  if (total === 0 || draft.length === 0) return NONE;
  const close = raw.map((row) => row.map((r) => pastFloor(r, floor)));
  const sentences = draft[draft.length - 1]!.sentence + 1;
  let best = NONE;
  for (let first = 0; first < Math.max(1, sentences - window + 1); first++) {
    let sum = 0;
    let rare = 0;
    let strong = 0;
    let said = 0;
    let start = Infinity;
    let end = -1;
    message.forEach((m, i) => {
      let top = 0;
      let at = -1;
      draft.forEach((d, j) => {
        if (d.sentence < first || d.sentence >= first + window) return;
        if (close[i]![j]! > top) (top = close[i]![j]!), (at = j);
      });
      sum += m.weight * top;
      rare += m.rarity * top;
      if (top >= STRONG) strong += m.weight;
      if (top >= SAYS) said++;
      // The carrying phrase: the draft's words that say a good part of a message word.
      if (at >= 0 && top >= IN_PHRASE) (start = Math.min(start, draft[at]!.start)), (end = Math.max(end, draft[at]!.end));
    });
    const score = sum / total;
    if (score > best.score) {
      let own = 0;
      let saying = 0;
      draft.forEach((d, j) => {
        if (d.sentence < first || d.sentence >= first + window) return;
        own++;
        if (message.some((_, i) => close[i]![j]! >= SAYS)) saying++;
      });
      best = { score, rare: totalRare > 0 ? rare / totalRare : 0, strong: strong / total, reverse: own ? saying / own : 0, share: said / message.length, run: 0, start: end >= 0 ? start : 0, end: Math.max(end, 0) };
    }
  }
  return best === NONE ? best : { ...best, run: longestRun(close) / message.length };
}

/** Longest run of message units i, i+1, … said exactly by draft units j, j+1, … */
function longestRun(close: readonly ArrayLike<number>[]): number {
  let longest = 0;
  const previous = new Array<number>(close[0]?.length ?? 0).fill(0);
  for (const row of close) {
    for (let j = row.length - 1; j >= 0; j--) {
      previous[j] = row[j] === 1 ? (j > 0 ? previous[j - 1]! : 0) + 1 : 0;
      longest = Math.max(longest, previous[j]!);
    }
  }
  return longest;
}

/** Rarity-weighted mean of the units' vectors, normalised: the gist of a stretch of text. */
export function gist(units: readonly MeaningUnit[], dims: number): Float32Array | undefined {
  const sum = new Float32Array(dims);
  let any = false;
  for (const u of units) {
    if (!u.vector) continue;
    any = true;
    for (let d = 0; d < dims; d++) sum[d]! += u.rarity * u.vector[d]!;
  }
  if (!any) return undefined;
  const norm = Math.sqrt(dot(sum, sum));
  if (norm > 0) for (let d = 0; d < dims; d++) sum[d]! /= norm;
  return sum;
}

/** The gist of every window of `window` neighbouring sentences of the draft: computed once, compared with each message. */
export function windowGists(draft: readonly MeaningUnit[], dims: number, window = 2): Float32Array[] {
  if (draft.length === 0) return [];
  const sentences = draft[draft.length - 1]!.sentence + 1;
  const gists: Float32Array[] = [];
  for (let first = 0; first < Math.max(1, sentences - window + 1); first++) {
    const g = gist(draft.filter((d) => d.sentence >= first && d.sentence < first + window), dims);
    if (g) gists.push(g);
  }
  return gists;
}

/** Cosine of the message's gist and the closest window's: topic, not wording. */
export function gistSimilarity(message: Float32Array | undefined, windows: readonly Float32Array[]): number {
  let best = 0;
  if (message) for (const g of windows) best = Math.max(best, dot(message, g));
  return best;
}
