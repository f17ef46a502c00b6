import { graphemeSegments } from 'unicode-segmenter/grapheme';
import type { Entity, Fix, TextEdit } from '../core/types.js';
import { extractEntities } from './entities.js';

/** How many times `lint(post, { fix: true })` re-lints and re-fixes before it stops (ESLint uses 10 too). */
export const MAX_FIX_PASSES = 10;

export interface AppliedFixes<M> {
  /** The text with every applied fix. */
  output: string;
  /** Whether the output differs from the input. */
  fixed: boolean;
  /** Messages whose fix was applied. */
  applied: M[];
  /** Messages whose fix was left out: it overlapped one applied before it, or its edits were malformed. */
  skipped: M[];
}

/**
 * Applies the fixes of `messages` to `text` in one pass. A fix is all of its edits or none; fixes
 * are taken in order of position and one that overlaps a fix already taken waits for the next
 * pass (as ESLint does), so no edit ever lands inside text another edit has changed.
 */
export function applyFixes<M extends { fix?: Fix }>(text: string, messages: readonly M[]): AppliedFixes<M> {
  const candidates: { message: M; edits: TextEdit[]; start: number; end: number }[] = [];
  const skipped: M[] = [];
  for (const message of messages) {
    if (!message.fix) continue;
    const edits = normaliseEdits(message.fix, text.length);
    if (!edits) skipped.push(message);
    else if (edits.length > 0) candidates.push({ message, edits, start: edits[0]!.range[0], end: edits[edits.length - 1]!.range[1] });
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEdit[] = [];
  const applied: M[] = [];
  let lastEnd = -1;
  let lastWasInsertion = false;
  for (const candidate of candidates) {
    const insertion = candidate.start === candidate.end;
    // Touching fixes are fine unless one inserts at the point where the other starts or ends: the order would be a guess.
    const overlaps = candidate.start < lastEnd || (candidate.start === lastEnd && (insertion || lastWasInsertion));
    if (overlaps) {
      skipped.push(candidate.message);
      continue;
    }
    taken.push(...candidate.edits);
    applied.push(candidate.message);
    lastEnd = candidate.end;
    lastWasInsertion = insertion;
  }
  const output = applyEdits(text, taken);
  return { output, fixed: output !== text, applied, skipped };
}

/** Applies one fix (or a suggestion's fix) on its own; returns undefined when its edits are malformed. */
export function applyFix(text: string, fix: Fix): string | undefined {
  const edits = normaliseEdits(fix, text.length);
  return edits ? applyEdits(text, edits) : undefined;
}

/** Sorted edits that stay inside the text and do not overlap one another, or undefined. */
export function normaliseEdits(fix: Fix, length: number): TextEdit[] | undefined {
  if (!fix || !Array.isArray(fix.edits)) return undefined;
  const edits = [...fix.edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let previousEnd = 0;
  for (const edit of edits) {
    const [start, end] = edit.range ?? [];
    if (!Number.isInteger(start) || !Number.isInteger(end) || start! < previousEnd || end! < start! || end! > length || typeof edit.text !== 'string') {
      return undefined;
    }
    previousEnd = end!;
  }
  return edits;
}

// Edits must be sorted and disjoint (normaliseEdits guarantees it).
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  let output = '';
  let cursor = 0;
  for (const { range, text: replacement } of edits) {
    output += text.slice(cursor, range[0]) + replacement;
    cursor = range[1];
  }
  return output + text.slice(cursor);
}

/**
 * Compares what lies outside the edits: every grapheme and every URL, mention, hashtag and cashtag
 * that no edit touches must appear in the output, unchanged, at its shifted position — a space
 * removed next to a hashtag that glues a word onto it is caught here. An entity edited only inside
 * (a URL whose tracking parameters were removed) must still be one whole entity of its kind.
 */
export function brokenOutsideEdits(
  text: string,
  output: string,
  edits: readonly TextEdit[],
  /** The entities of `text`, when the caller has them already (the draft's shared analysis). */
  entities: readonly Entity[] = extractEntities(text).entities,
): { what: string; grapheme: boolean } | undefined {
  // Where an offset that starts untouched text lands in the output: after every edit that ends at or before it.
  const shift = (offset: number) => {
    let delta = 0;
    for (const { range: [s, e], text: replacement } of edits) {
      if (e > offset) break;
      delta += replacement.length - (e - s);
    }
    return offset + delta;
  };
  const touches = (start: number, end: number) => edits.some(({ range: [s, e] }) => (s === e ? start < s && s < end : s < end && start < e));

  const outputBoundaries = new Set<number>([output.length]);
  for (const { index } of graphemeSegments(output)) outputBoundaries.add(index);
  for (const { segment, index } of graphemeSegments(text)) {
    const end = index + segment.length;
    if (touches(index, end)) continue;
    const start = shift(index);
    const shiftedEnd = start + segment.length;
    if (!outputBoundaries.has(start) || !outputBoundaries.has(shiftedEnd) || output.slice(start, shiftedEnd) !== segment) {
      return { what: `the character ${JSON.stringify(segment)} at ${index}`, grapheme: true };
    }
  }

  const after = extractEntities(output).entities;
  for (const entity of entities) {
    const start = shift(entity.start);
    const overlapping = edits.filter(({ range: [s, e] }) => (s === e ? entity.start < s && s < entity.end : s < entity.end && entity.start < e));
    const describe = () => ({ what: `the ${entity.type} ${JSON.stringify(text.slice(entity.start, entity.end))}`, grapheme: false });
    if (overlapping.length === 0) {
      if (!after.some((a) => a.type === entity.type && a.start === start && a.text === entity.text)) return describe();
    } else if (overlapping.every(({ range: [s, e] }) => s >= entity.start && e <= entity.end)) {
      // Edited inside (tracking parameters removed, a hashtag recased): it must still be one whole entity of its kind.
      const end = start + entity.end - entity.start + overlapping.reduce((sum, { range: [s, e], text: t }) => sum + t.length - (e - s), 0);
      if (!after.some((a) => a.type === entity.type && a.start === start && a.end === end)) return describe();
    }
  }
  return undefined;
}

const MAX_RUN_AROUND_A_FIX = 1024;

// Whether an entity list is in order of its starts (extractEntities gives them so), found once per list.
const inStartOrder = new WeakMap<readonly Entity[], boolean>();

/**
 * The entities that lie within [from, to], in their order: found by binary search in a list in
 * order of starts (a megabyte draft has thousands of entities and may have thousands of fixes), by
 * a filter otherwise.
 */
export function entitiesWithin(entities: readonly Entity[], from: number, to: number): Entity[] {
  let ordered = inStartOrder.get(entities);
  if (ordered === undefined) inStartOrder.set(entities, (ordered = entities.every((e, i) => i === 0 || entities[i - 1]!.start <= e.start)));
  if (!ordered) return entities.filter((e) => e.start >= from && e.end <= to);
  let low = 0;
  let high = entities.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entities[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  const found: Entity[] = [];
  // An entity starting after `to` ends after it too.
  for (let i = low; i < entities.length && entities[i]!.start <= to; i++) if (entities[i]!.end <= to) found.push(entities[i]!);
  return found;
}

/**
 * The fix, or undefined when applying it would break an entity or grapheme outside its edits (a
 * rule then reports without a fix: a fix must be certainly right). A rule passes the draft's
 * entities (`analysis.entities`) so that they are not extracted again.
 */
export function safeFix(text: string, edits: TextEdit[], entities?: readonly Entity[]): Fix | undefined {
  const fix = { edits };
  const sorted = normaliseEdits(fix, text.length);
  if (!sorted || sorted.length === 0) return undefined;
  // Only the stretch around the edits can break: no entity or grapheme crosses white space, so the
  // check reads from the white space before the first edit to the one after the last, not the
  // whole draft (a draft with hundreds of fixes would otherwise cost hundreds of full scans). In a
  // longer run without white space nothing is certain enough for a fix, and reading it all for
  // every fix would be quadratic.
  let from = sorted[0]!.range[0];
  const farthestBack = from - MAX_RUN_AROUND_A_FIX;
  while (from > 0 && !/\s/.test(text[from - 1]!)) if (--from < farthestBack) return undefined;
  from = Math.max(0, from - 1);
  let to = sorted[sorted.length - 1]!.range[1];
  const farthestOn = to + MAX_RUN_AROUND_A_FIX;
  while (to < text.length && !/\s/.test(text[to]!)) if (++to > farthestOn) return undefined;
  to = Math.min(text.length, to + 1);
  const window = text.slice(from, to);
  const local = sorted.map(({ range: [s, e], text: replacement }): TextEdit => ({ range: [s - from, e - from], text: replacement }));
  const output = applyFix(window, { edits: local });
  // The draft's entities inside the window, moved to its offsets (no entity crosses white space).
  const before = entities && entitiesWithin(entities, from, to).map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
  return output !== undefined && output !== window && !brokenOutsideEdits(window, output, local, before) ? fix : undefined;
}

/**
 * Lints, fixes and re-lints until no fix applies or `maxPasses` passes have run, as ESLint does:
 * fixes that overlapped in one pass get their turn on the next. Returns the final text, how many
 * fixes went in, and the messages of the final text.
 */
export function fixUntilStable<M extends { fix?: Fix }>(
  text: string,
  lintOnce: (text: string) => readonly M[],
  maxPasses = MAX_FIX_PASSES,
): { output: string; applied: number; messages: readonly M[] } {
  let output = text;
  let applied = 0;
  let messages = lintOnce(output);
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = applyFixes(output, messages);
    if (!result.fixed) break;
    output = result.output;
    applied += result.applied.length;
    messages = lintOnce(output);
  }
  return { output, applied, messages };
}
