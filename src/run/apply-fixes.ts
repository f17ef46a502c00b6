import type { Diagnostic, TextEdit } from '../types.js';

/**
 * Applies the messages' fixes that do not overlap, in one pass. A fix is all-or-nothing: its
 * edits go in together or not at all, so a rule's rewrite never lands half done. Overlapping
 * fixes are left for the next pass (see fixUntilStable), after a re-lint on the new text.
 *
 * Local stand-in with the same signature as issue 6's `applyFixes` in src/run/fix.ts; the lead
 * reconciles the two at merge.
 */
export function applyFixes(text: string, messages: readonly Diagnostic[]): { output: string; applied: number } {
  const fixes = messages
    .map((m) => m.fix?.edits.filter(isValidEdit(text.length)) ?? [])
    .filter((edits) => edits.length > 0)
    .map((edits) => [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]))
    .sort((a, b) => a[0]!.range[0] - b[0]!.range[0] || a[0]!.range[1] - b[0]!.range[1]);

  const accepted: TextEdit[] = [];
  let applied = 0;
  for (const edits of fixes) {
    if (!edits.every((edit, i) => i === 0 || edits[i - 1]!.range[1] <= edit.range[0])) continue;
    if (edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    accepted.push(...edits);
    applied++;
  }
  if (applied === 0) return { output: text, applied: 0 };
  accepted.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  for (const edit of accepted) {
    output += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  output += text.slice(cursor);
  // A fix that rewrites text to itself is no change: the caller must not count or write it.
  return output === text ? { output: text, applied: 0 } : { output, applied };
}

/**
 * Lints, fixes and re-lints until no fix applies or `maxPasses` passes have run, as ESLint does:
 * fixes that overlapped in one pass get their turn on the next. Returns the final text, the
 * number of fixes applied and the messages of the final text.
 */
export function fixUntilStable(
  text: string,
  lintOnce: (text: string) => readonly Diagnostic[],
  maxPasses = 10,
): { output: string; applied: number; messages: readonly Diagnostic[] } {
  let output = text;
  let applied = 0;
  let messages = lintOnce(output);
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = applyFixes(output, messages);
    if (result.applied === 0) break;
    output = result.output;
    applied += result.applied;
    messages = lintOnce(output);
  }
  return { output, applied, messages };
}

// Two edits overlap when their ranges share a character, or both insert at the same point
// (their order would be arbitrary).
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range[0] === a.range[1] && b.range[0] === b.range[1]) return a.range[0] === b.range[0];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

const isValidEdit = (length: number) => (edit: TextEdit) =>
  Array.isArray(edit.range) &&
  Number.isInteger(edit.range[0]) &&
  Number.isInteger(edit.range[1]) &&
  edit.range[0] >= 0 &&
  edit.range[0] <= edit.range[1] &&
  edit.range[1] <= length &&
  typeof edit.text === 'string';
