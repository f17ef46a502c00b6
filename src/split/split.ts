import type { Channel, ChannelId, TextEdit } from '../core/types.js';
import { resolveChannel } from '../channels/define.js';
import { measure } from '../channels/measure.js';
import { Analysis } from '../facts/analysis.js';
import { THREAD_SEPARATOR } from '../text/thread-document.js';

export { THREAD_SEPARATOR, threadParts, threadPartRanges } from '../text/thread-document.js';

export interface SplitOptions {
  /** Where each part's number goes: after the text (default), before it, or nowhere. */
  numbering?: 'end' | 'start' | 'none';
  /** The number's text; `{n}` is the part, `{total}` the number of parts. Default `{n}/{total}`. */
  template?: string;
  /** Custom channels by id. */
  channels?: Record<string, Channel>;
}

/** A thread: the parts as posted, and where each part's text comes from in the draft. */
export interface ThreadPlan {
  parts: string[];
  /** UTF-16 range of each part's text in the draft (the numbering is not in it). */
  ranges: [number, number][];
  /** The numbering of each part ('' without numbering). */
  labels: string[];
}

// How much each kind of break costs: a thread reads best when its parts end where paragraphs,
// lines or sentences do. A cut inside a word (only for a word longer than a post) costs most.
const PARAGRAPH = 0;
const LINE = 1;
const SENTENCE = 2;
const CLAUSE = 4;
const WORD = 6;
const INSIDE_WORD = 40;
// Weight of the squared relative deviation from an even share. For two parts, a 40/60 cut at a
// paragraph beats an even cut at a sentence end, a 30/70 one at a sentence end beats an even cut
// between words, and a full part with a stub (90/10) costs more than any cut between words.
const BALANCE = 10;
// The planner's work is measuring: a `measure` of a candidate part costs the part's length. The
// fewest parts are found greedily by galloping (a few measures per part, whatever the breaks in
// it). Balancing them needs the furthest fit of every candidate break (two measures each), so it
// considers at most MAX_BREAKS_PER_PART per part and MAX_BALANCE_BREAKS in all, for at most
// MAX_BALANCED_PARTS parts: the characters measured per character of the draft stay bounded.
const MAX_BREAKS_PER_PART = 64;
const MAX_BALANCE_BREAKS = 512;
const MAX_BALANCED_PARTS = 32;
// The balancing search's steps: parts times the breaks each break can reach.
const MAX_BALANCE_STEPS = 4_000_000;

// White space that may end a part: not the no-break spaces (U+00A0, U+2007, U+202F), which authors use to keep words together.
const BREAKABLE_SPACE = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+/g;
const SENTENCE_END = /[.!?…]["'’”)\]]*$/u;
const CLAUSE_END = /[,;:]["'’”)\]]*$/u;
const DASH_NEXT = /^[–—-]\s/u;

interface Break {
  /** Where the part before the break ends and the next one starts. */
  start: number;
  end: number;
  cost: number;
}

/** Splits a draft that does not fit its channel into a thread whose every part fits; see `planThread`. */
export function split(text: string | Analysis, channel: ChannelId | Channel, options: SplitOptions = {}): string[] {
  return planThread(text, channel, options).parts;
}

/**
 * Plans a thread for a draft: the fewest parts that each fit the channel as `measure` counts them,
 * numbering included, cut at paragraph, line, sentence, clause and then word boundaries, never
 * inside a URL, mention, hashtag, cashtag or grapheme, with the parts as even as those boundaries
 * allow. A draft that fits is one part without numbering; an empty draft is no part. Given the
 * draft's Analysis (as max-length does), it reads the entities and graphemes already found.
 */
export function planThread(draft: string | Analysis, channel: ChannelId | Channel, options: SplitOptions = {}): ThreadPlan {
  const analysis = draft instanceof Analysis ? draft : new Analysis(String(draft));
  const source = analysis.text;
  const profile = resolveChannel(channel, options.channels);
  const numbering = options.numbering ?? 'end';
  const template = options.template ?? '{n}/{total}';
  const bodyStart = source.search(/\S/u);
  if (bodyStart < 0) return { parts: [], ranges: [], labels: [] };
  const bodyEnd = source.trimEnd().length;
  const body = source.slice(bodyStart, bodyEnd);
  const single: ThreadPlan = { parts: [body], ranges: [[bodyStart, bodyEnd]], labels: [''] };
  const whole = measure(body, profile);
  if (!Number.isFinite(profile.limit) || whole.fits) return single;

  const label = (n: number, total: number) => (numbering === 'none' ? '' : template.replace(/\{n\}/g, String(n)).replace(/\{total\}/g, String(total)));
  const dress = (part: string, tag: string) => (tag === '' ? part : numbering === 'start' ? `${tag} ${part}` : `${part} ${tag}`);
  // The search asks about the same stretch more than once; measuring is the cost, so ask it once.
  const measured = new Map<string, boolean>();
  const fits = (start: number, end: number, tag: string) => {
    const key = `${start}:${end}:${tag}`;
    let fit = measured.get(key);
    if (fit === undefined) measured.set(key, (fit = measure(dress(source.slice(start, end), tag), profile).fits));
    return fit;
  };

  const boundaries = new Set(analysis.graphemeStarts);
  const wordBreaks = findBreaks(source, bodyStart, bodyEnd, boundaries);
  // The whole draft's count over the limit is a close lower bound of the parts needed; starting
  // there saves a round of measuring, which matters for the slower counters (SMS).
  // (It can overshoot by one: SMS counts a long message in 153-character parts, a thread in 160.)
  let total = Math.max(2, Math.ceil(whole.count / Math.max(1, profile.limit)) - 1);
  // Numbering of the same width counts the same with every built-in counter (digits weigh 1), so
  // the packing measured for "1/9" serves "1/8"; the check of the real parts below catches any other.
  const packedByWidth = new Map<number, { breaks: Break[]; greedy: Part[] }>();
  for (let attempt = 0; attempt < 8; attempt++) {
    const widest = label(total, total);
    const partFits = (s: number, e: number) => fits(s, e, widest);
    let known = packedByWidth.get(widest.length);
    if (!known) {
      let breaks = wordBreaks;
      let packed = gallop(breaks, partFits);
      // Only a word too long for a post on its own is cut inside, at grapheme boundaries outside entities.
      if (packed.oversized.length > 0) {
        breaks = cutLongWords(analysis, breaks, packed.oversized, boundaries);
        packed = gallop(breaks, partFits);
      }
      known = { breaks, greedy: packed.parts };
      packedByWidth.set(widest.length, known);
    }
    if (known.greedy.length > total) {
      total = known.greedy.length;
      continue;
    }
    const chosen = balanced(known.breaks, partFits, total) ?? known.greedy;
    const count = chosen.length;
    const ranges = chosen.map(({ start, end }): [number, number] => [start, end]);
    const labels = ranges.map((_, i) => label(i + 1, count));
    const parts = ranges.map(([s, e], i) => dress(source.slice(s, e), labels[i]!));
    // Counting is not always monotonic (a cut can change what a counter sees): check the real parts.
    // A piece that fits nowhere (a URL longer than a post) goes out on its own.
    if (chosen.every((part, i) => part.alone || fits(part.start, part.end, labels[i]!))) return { parts, ranges, labels };
    total = count + 1;
  }
  return single;
}

/** A part of a planned thread: its text's range, and whether it is one piece that fits no part. */
interface Part {
  start: number;
  end: number;
  alone: boolean;
}

/** The edits that turn a draft into its thread joined by THREAD_SEPARATOR (for an editor's suggestion). */
export function threadEdits(text: string, plan: ThreadPlan, numbering: SplitOptions['numbering'] = 'end'): TextEdit[] {
  const edits: TextEdit[] = [];
  const { ranges, labels } = plan;
  const after = (i: number) => (labels[i] && numbering !== 'start' ? ' ' + labels[i] : '');
  const before = (i: number) => (labels[i] && numbering === 'start' ? labels[i] + ' ' : '');
  const push = (start: number, end: number, replacement: string) => {
    if (start !== end || replacement !== '') edits.push({ range: [start, end], text: replacement });
  };
  if (ranges.length === 0) return edits;
  push(0, ranges[0]![0], before(0));
  for (let i = 0; i + 1 < ranges.length; i++) push(ranges[i]![1], ranges[i + 1]![0], after(i) + THREAD_SEPARATOR + before(i + 1));
  push(ranges[ranges.length - 1]![1], text.length, after(ranges.length - 1));
  return edits;
}

/** Where the draft may be cut: every run of breakable white space; the first and last breaks are the ends of the text. */
function findBreaks(text: string, bodyStart: number, bodyEnd: number, boundaries: Set<number>): Break[] {
  const breaks: Break[] = [{ start: bodyStart, end: bodyStart, cost: 0 }];
  for (const match of text.slice(0, bodyEnd).matchAll(BREAKABLE_SPACE)) {
    const start = match.index!;
    const end = start + match[0].length;
    // A combining mark after a space belongs to the space's grapheme: cutting there would break it.
    if (start < bodyStart || !boundaries.has(start) || !boundaries.has(end)) continue;
    breaks.push({ start, end, cost: breakCost(text, start, end, match[0]) });
  }
  breaks.push({ start: bodyEnd, end: bodyEnd, cost: 0 });
  return breaks;
}

/** Adds cuts inside the pieces after the given breaks: every grapheme boundary not inside an entity. */
function cutLongWords(analysis: Analysis, breaks: Break[], pieces: number[], boundaries: Set<number>): Break[] {
  const entities = analysis.entities;
  // Pieces and entities both come in order: one walk through the entities serves every piece.
  let next = 0;
  const cuts: Break[] = [];
  for (const i of pieces) {
    for (let offset = breaks[i]!.end + 1; offset < breaks[i + 1]!.start; offset++) {
      while (next < entities.length && entities[next]!.end <= offset) next++;
      const inside = next < entities.length && entities[next]!.start < offset;
      if (boundaries.has(offset) && !inside) cuts.push({ start: offset, end: offset, cost: INSIDE_WORD });
    }
  }
  return [...breaks, ...cuts].sort((a, b) => a.start - b.start);
}

function breakCost(text: string, start: number, end: number, space: string): number {
  const newlines = space.split('\n').length - 1;
  if (newlines >= 2) return PARAGRAPH;
  if (newlines === 1) return LINE;
  const before = text.slice(Math.max(0, start - 4), start);
  if (SENTENCE_END.test(before)) return SENTENCE;
  if (CLAUSE_END.test(before) || DASH_NEXT.test(text.slice(end, end + 2))) return CLAUSE;
  return WORD;
}

/**
 * For each break, the furthest later break such that the text between them fits one part, and the
 * breaks after which not even the next piece fits. Two pointers: if a part fits, so does any part
 * it contains, so the furthest break never moves back and each break is measured about twice.
 */
function furthestFits(breaks: Break[], fits: (start: number, end: number) => boolean): { furthest: Int32Array; oversized: number[] } {
  const last = breaks.length - 1;
  const furthest = new Int32Array(breaks.length);
  const oversized: number[] = [];
  let j = 0;
  for (let i = 0; i < last; i++) {
    if (j <= i) {
      j = i + 1;
      if (!fits(breaks[i]!.end, breaks[j]!.start)) oversized.push(i);
    }
    while (j < last && fits(breaks[i]!.end, breaks[j + 1]!.start)) j++;
    furthest[i] = j;
  }
  return { furthest, oversized };
}

/**
 * The fewest parts, packed greedily: from each part's first break, the furthest break it reaches,
 * found by doubling the step until a part does not fit and then bisecting, so a part costs a few
 * measures whatever the number of breaks in it. A piece that fits no part goes out alone, and is
 * reported as oversized.
 */
function gallop(breaks: Break[], fits: (start: number, end: number) => boolean): { parts: Part[]; oversized: number[] } {
  const last = breaks.length - 1;
  const parts: Part[] = [];
  const oversized: number[] = [];
  const fit = (i: number, j: number) => fits(breaks[i]!.end, breaks[j]!.start);
  for (let i = 0; i < last; ) {
    let good = i + 1;
    const alone = !fit(i, good);
    if (alone) oversized.push(i);
    else {
      let bad = last + 1;
      for (let step = 1; good < last; step *= 2) {
        const probe = Math.min(last, good + step);
        if (!fit(i, probe)) {
          bad = probe;
          break;
        }
        good = probe;
      }
      while (bad - good > 1 && bad <= last) {
        const middle = (good + bad) >> 1;
        if (fit(i, middle)) good = middle;
        else bad = middle;
      }
    }
    parts.push({ start: breaks[i]!.end, end: breaks[good]!.start, alone });
    i = good;
  }
  return { parts, oversized };
}

/**
 * The most even cut into `total` parts (see `balance`), over a bounded number of candidate breaks:
 * with more, the cheapest break of each stretch of the draft stands for the others.
 * Undefined when those breaks allow no such cut, or it would cost too many steps.
 */
function balanced(breaks: Break[], fits: (start: number, end: number) => boolean, total: number): Part[] | undefined {
  if (total > MAX_BALANCED_PARTS) return undefined;
  const candidates = thin(breaks, Math.min(MAX_BREAKS_PER_PART * total, MAX_BALANCE_BREAKS));
  const { furthest, oversized } = furthestFits(candidates, fits);
  // A piece that fits no part may go out alone only when it is one piece of the draft (a long URL), not of the thinned breaks.
  const adjacent = (i: number) => candidates[i + 1]!.index === candidates[i]!.index + 1;
  if (!oversized.every(adjacent)) return undefined;
  let span = 0;
  for (let i = 0; i < furthest.length - 1; i++) span += furthest[i]! - i;
  if (total * span > MAX_BALANCE_STEPS) return undefined;
  return balance(candidates, furthest, total)?.map(([i, j]) => ({ start: candidates[i]!.end, end: candidates[j]!.start, alone: j === i + 1 && oversized.includes(i) }));
}

/** At most about `keep` breaks: the first and last, and the cheapest break of each of `keep` equal stretches of the draft. */
function thin(breaks: Break[], keep: number): (Break & { index: number })[] {
  const indexed = breaks.map((b, index) => ({ ...b, index }));
  if (breaks.length <= keep + 2) return indexed;
  const first = indexed[0]!;
  const last = indexed[indexed.length - 1]!;
  const stretch = (last.start - first.end) / keep;
  const kept = [first];
  let best: (typeof indexed)[number] | undefined;
  let slot = -1;
  for (let i = 1; i < indexed.length - 1; i++) {
    const candidate = indexed[i]!;
    const at = Math.floor((candidate.start - first.end) / stretch);
    if (at !== slot) {
      if (best) kept.push(best);
      best = undefined;
      slot = at;
    }
    if (!best || candidate.cost < best.cost) best = candidate;
  }
  if (best) kept.push(best);
  kept.push(last);
  return kept;
}

/** The cut into exactly `total` parts with the least cost: break quality plus evenness. */
function balance(breaks: Break[], reach: Int32Array, total: number): [number, number][] | undefined {
  const last = breaks.length - 1;
  const length = breaks[last]!.start - breaks[0]!.end;
  const even = length / total;
  const width = breaks.length;
  const cost = new Float64Array((total + 1) * width).fill(Infinity);
  const from = new Int32Array((total + 1) * width).fill(-1);
  cost[0] = 0;
  for (let k = 0; k < total; k++) {
    for (let i = 0; i < last; i++) {
      const base = cost[k * width + i]!;
      if (base === Infinity) continue;
      for (let j = i + 1; j <= reach[i]!; j++) {
        const size = breaks[j]!.start - breaks[i]!.end;
        const deviation = (size - even) / even;
        const c = base + (j === last ? 0 : breaks[j]!.cost) + BALANCE * deviation * deviation;
        const cell = (k + 1) * width + j;
        if (c < cost[cell]!) {
          cost[cell] = c;
          from[cell] = i;
        }
      }
    }
  }
  if (cost[total * width + last] === Infinity) return undefined;
  const parts: [number, number][] = [];
  for (let k = total, j = last; k > 0; k--) {
    const i = from[k * width + j]!;
    parts.unshift([i, j]);
    j = i;
  }
  return parts;
}
