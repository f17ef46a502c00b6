import type { Position } from '../core/types.js';

/** Offsets of each line's first character; `\r\n`, `\n` and `\r` all end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The index of the last of `starts` (ascending) at or before `offset`; 0 for an offset before them all. */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 1-based line and column (UTF-16 code units, as LSP and editors count by default) of an offset. */
export function positionAt(starts: readonly number[], offset: number): Position {
  const line = lastStartAtOrBefore(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
}
