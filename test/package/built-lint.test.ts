import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import type { LintResult } from '../../src/index.js';
import { generateCorpus } from '../../bench/corpus.mjs';

// dist/ carries its dependencies bundled (twitter-text as its ES module build, without core-js;
// punycode the package; yaml's and micromark's builds for every platform), where vitest runs the
// source against node_modules as Node resolves them: both must lint the same way.
const root = fileURLToPath(new URL('../..', import.meta.url));
const DRAFTS = 150;
const medical = readFileSync(fileURLToPath(new URL('../fixtures/complex-medical-question/dev.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { text: string; channel: string });
// Non-ASCII hosts and punycode ones too: twitter-text and the link checks read them through punycode.
const extra = ['Visit https://bücher.example/über and xn--bcher-kva.example today #Gesundheit', 'Ring 020 7946 0958 or email nurse@example.org, DOB 01/02/1980', '---\ntitle: x\n---\nA **bold** [link](https://example.org) <b>html</b> &amp; &copy;'];

function cases(): { text: string; channel: string; preset: string }[] {
  const out: { text: string; channel: string; preset: string }[] = [];
  for (const preset of ['recommended', 'health']) {
    for (const channel of ['x', 'bluesky', 'sms']) for (const text of [...generateCorpus(DRAFTS), ...extra]) out.push({ text, channel, preset });
    for (const { text, channel } of medical) out.push({ text, channel, preset });
  }
  return out;
}

// The same reading as test/engine/corpus-snapshot.test.ts: messages, positions, fixes, suggestions, data, the measurement.
const RECORD = (result: LintResult) => ({
  measure: result.measure,
  language: result.language,
  messages: result.messages.map((m) => ({ rule: m.ruleId, severity: m.severity, message: m.message, id: m.messageId, start: m.start, end: m.end, fix: m.fix?.edits, suggestions: m.suggestions?.map((s) => [s.title, s.fix.edits]), data: m.data })),
});

it('the built library (dist/, dependencies bundled) lints the bench corpus exactly as the source does', () => {
  const all = cases();
  const script = `import { lint } from './dist/index.js'; import { readFileSync } from 'node:fs';
    const record = ${RECORD.toString()};
    const cases = JSON.parse(readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(cases.map((c) => record(lint({ text: c.text, channel: c.channel }, { preset: c.preset })))));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input: JSON.stringify(all), encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(run.stderr).toBe('');
  const built = JSON.parse(run.stdout) as unknown[];
  expect(built.length).toBe(all.length);
  const source = all.map((c) => JSON.parse(JSON.stringify(RECORD(lint({ text: c.text, channel: c.channel }, { preset: c.preset })))) as unknown);
  const differing = source.map((s, i) => (JSON.stringify(s) === JSON.stringify(built[i]) ? -1 : i)).filter((i) => i >= 0);
  expect(differing.length, differing.length ? `first: ${JSON.stringify(all[differing[0]!])}` : '').toBe(0);
  // The comparison reads real diagnostics, not empty results.
  expect(source.filter((s) => (s as { messages: unknown[] }).messages.length > 0).length).toBeGreaterThan(all.length / 10);
});
