import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import type { Diagnostic, LintResult } from '../../src/index.js';
// The bench's own seeded generator: the first DRAFTS drafts of its 10,000-draft corpus.
import { generateCorpus } from '../../bench/corpus.mjs';

// "No behaviour change": every optimisation must give the same lint() output on the bench corpus.
// The snapshot is checked in; POSTLINT_WRITE_SNAPSHOT=1 rewrites it (only for an intended change,
// which the diff then shows).
const file = fileURLToPath(new URL('../fixtures/corpus-snapshot/lint.jsonl', import.meta.url));
const DRAFTS = 500;
const CHANNELS = ['x', 'bluesky', 'sms'] as const;
const PRESETS = ['recommended', 'health'] as const;

/** Everything a consumer can read: messages, positions (line/column/offset), fixes, suggestions, data, the measurement. */
function record(result: LintResult): unknown {
  const { count, limit, fits, overflowStart, unit } = result.measure;
  return {
    measure: [count, limit, fits, overflowStart ?? null, unit],
    language: result.language,
    messages: result.messages.map((m: Diagnostic) => ({
      rule: m.ruleId,
      severity: m.severity,
      message: m.message,
      id: m.messageId,
      at: [m.start.line, m.start.column, m.start.offset, m.end.line, m.end.column, m.end.offset],
      ...(m.fix ? { fix: m.fix.edits } : {}),
      ...(m.suggestions ? { suggestions: m.suggestions.map((s) => [s.title, s.fix.edits]) } : {}),
      ...(m.data ? { data: m.data } : {}),
    })),
  };
}

function snapshotLines(): string[] {
  const corpus = generateCorpus(DRAFTS);
  const lines: string[] = [];
  for (const preset of PRESETS) {
    for (const channel of CHANNELS) {
      corpus.forEach((text: string, i: number) => {
        lines.push(JSON.stringify([preset, channel, i, record(lint({ text, channel }, { preset }))]));
      });
    }
  }
  // The bench corpus asks no complex medical question: the learned model's labelled dev drafts do.
  const medical = readFileSync(fileURLToPath(new URL('../fixtures/complex-medical-question/dev.jsonl', import.meta.url)), 'utf8');
  for (const preset of PRESETS) {
    medical.split('\n').filter(Boolean).forEach((line, i) => {
      const { text, channel } = JSON.parse(line) as { text: string; channel: string };
      lines.push(JSON.stringify([preset, channel, `medical-dev ${i}`, record(lint({ text, channel }, { preset }))]));
    });
  }
  return lines;
}

it(`lint() gives the checked-in output on ${DRAFTS} bench drafts × ${CHANNELS.join(', ')} and the medical dev drafts × ${PRESETS.join(', ')}`, () => {
  const lines = snapshotLines();
  if (process.env.POSTLINT_WRITE_SNAPSHOT === '1') writeFileSync(file, lines.join('\n') + '\n');
  expect(existsSync(file), 'the corpus snapshot is missing: run POSTLINT_WRITE_SNAPSHOT=1 npx vitest run test/engine/corpus-snapshot.test.ts').toBe(true);
  const want = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  expect(lines.length).toBe(want.length);
  // Line by line, so a failure names the preset, channel and draft that changed.
  const changed = lines.flatMap((line, i) => (line === want[i] ? [] : [{ got: line, want: want[i] }]));
  expect(changed.slice(0, 3)).toEqual([]);
}, 300_000); // 3,500 lints: seconds alone, much longer on a shared machine under load

it('the snapshot is not trivial: it holds messages, fixes and thread suggestions', () => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('"suggestions":[["Split into a');
  expect(text).toContain('"fix":[');
  expect(text).toContain('"rule":"complex-medical-question"');
});
