import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { defineRule, presets, rules } from '../../src/index.js';
import { exampleProblems, renderRulesReference } from '../../src/docs/rules-reference.js';

// docs/rules.md is generated from the rules' meta and tested examples. `npm run docs` rewrites it
// (POSTLINT_WRITE_DOCS=1); otherwise this test fails when the file is stale.
const file = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

it('docs/rules.md is up to date with every rule (run `npm run docs` to regenerate)', () => {
  const generated = renderRulesReference(rules, presets);
  if (process.env.POSTLINT_WRITE_DOCS === '1') writeFileSync(file, generated);
  expect(existsSync(file), 'docs/rules.md is missing: run `npm run docs`').toBe(true);
  expect(readFileSync(file, 'utf8'), 'docs/rules.md is stale: run `npm run docs`').toBe(generated);
});

it('documents every rule, with a section per rule that the messages link to', () => {
  const generated = renderRulesReference(rules, presets);
  for (const id of Object.keys(rules)) {
    expect(generated).toContain(`\n## ${id}\n`);
    expect(generated).toContain(`| [${id}](#${id}) |`);
  }
  // Examples are run: a fixed text and a suggestion appear as postlint produces them.
  expect(generated).toContain('Suggestion "Write #WorldCancerDay":\n\n```text\nJoin us on #WorldCancerDay\n```');
  expect(generated).toContain('- `1:9-1:18` X does not show bold: readers will see "**today**" as typed; write "today"\n\nFixed:\n\n```text\nJoin us today\n```');
});

it('renders every incorrect example with its messages, at the ranges it documents', () => {
  expect(exampleProblems(rules)).toEqual([]);
});

it('names an incorrect example that renders no message or misses a documented range', () => {
  const quiet = defineRule({
    meta: {
      id: 'quiet',
      description: 'Reports "quiet" once.',
      severity: 'warning',
      fixable: false,
      messages: { found: 'found' },
      defaults: {},
      docs: { why: 'test', correct: [], incorrect: [{ text: 'nothing here' }, { text: 'a quiet day', ranges: [[0, 1]] }] },
    },
    check({ text, report }) {
      const at = text.indexOf('quiet');
      if (at >= 0) report({ messageId: 'found', start: at, end: at + 5 });
    },
  });
  expect(exampleProblems({ quiet })).toEqual(['quiet: incorrect example 1 renders no message', 'quiet: incorrect example 2: documented range [0, 1] is not where any message is']);
});
