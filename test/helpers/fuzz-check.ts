import { expect } from 'vitest';
import type { LintResult } from '../../src/index.js';

/** What must hold for any draft: no rule crashed, every range and edit lies inside the text, the count is a number. */
export function checkResult(text: string, result: LintResult): void {
  for (const message of result.messages) {
    expect(message.messageId, message.message).not.toBe('internal-error');
    expect(message.start.offset).toBeGreaterThanOrEqual(0);
    expect(message.start.offset).toBeLessThanOrEqual(message.end.offset);
    expect(message.end.offset).toBeLessThanOrEqual(text.length);
    for (const edit of [...(message.fix?.edits ?? []), ...(message.suggestions ?? []).flatMap((s) => s.fix.edits)]) {
      expect(edit.range[0]).toBeGreaterThanOrEqual(0);
      expect(edit.range[0]).toBeLessThanOrEqual(edit.range[1]);
      expect(edit.range[1]).toBeLessThanOrEqual(text.length);
    }
  }
  const { count, overflowStart } = result.measure;
  expect(Number.isNaN(count)).toBe(false);
  expect(count).toBeGreaterThanOrEqual(0);
  if (overflowStart !== undefined) expect(overflowStart).toBeGreaterThanOrEqual(0), expect(overflowStart).toBeLessThanOrEqual(text.length);
}
