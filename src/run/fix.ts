import type { Fix, TextEdit } from '../types.js';

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
