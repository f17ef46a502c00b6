import * as v from 'valibot';
import { defineRule } from '../src/run/rule.js';

// Two or more spaces or tabs between words; the lookbehind pins each match to the start of a run, so it cannot backtrack.
const INNER_RUN = /(?<=\S)[ \t]{2,}(?=\S)/g;

export default defineRule({
  meta: {
    id: 'whitespace',
    description: 'No double spaces, no spaces at the end of a line and no more than two blank lines in a row.',
    severity: 'warning',
    fixable: true,
    messages: {
      double: 'Double space: use one',
      trailing: 'Space at the end of a line: remove it',
      blankLines: '{count} blank lines in a row: use at most {max}',
    },
    schema: v.object({ maxBlankLines: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    defaults: { maxBlankLines: 2 },
    docs: {
      why: 'Pasted text brings double spaces, stray spaces at line ends and runs of blank lines. Feeds show them as gaps, they count towards the limit, and a screen reader may pause on them. A channel that renders Markdown keeps two trailing spaces: there they are a line break.',
      sources: ['Apple and Microsoft style guides: one space after a full stop'],
      correct: [{ text: 'Free screening this week.\n\nBook at the front desk.', channel: 'x' }],
      incorrect: [
        { text: 'Free screening.  Book today.', channel: 'x', messages: ['Double space: use one'], ranges: [[15, 17]], output: 'Free screening. Book today.' },
        { text: 'Free screening. \nBook today.', channel: 'x', messages: ['Space at the end of a line: remove it'], ranges: [[15, 16]], output: 'Free screening.\nBook today.' },
        { text: 'Free screening.\n\n\n\n\nBook today.', channel: 'mastodon', messages: ['4 blank lines in a row: use at most 2'], ranges: [[16, 20]], output: 'Free screening.\n\n\nBook today.' },
      ],
    },
  },
  check({ text, channel, options, report }) {
    const max = options.maxBlankLines;
    let blankStart = 0;
    let blankCount = 0;
    let lineStart = 0;
    for (;;) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const content = line.trimEnd();
      if (content === '' && newline !== -1 && /^[ \t]*$/.test(line)) {
        // A blank line: its spaces go with it when the run of blank lines is too long.
        if (blankCount++ === 0) blankStart = lineStart;
      } else {
        if (blankCount > max) {
          report({ messageId: 'blankLines', data: { count: blankCount, max }, start: blankStart, end: lineStart, fix: { edits: [{ range: [blankStart, lineStart], text: '\n'.repeat(max) }] } });
        }
        blankCount = 0;
        for (const run of content.matchAll(INNER_RUN)) {
          const at = lineStart + run.index!;
          report({ messageId: 'double', start: at, end: at + run[0].length, fix: { edits: [{ range: [at, at + run[0].length], text: ' ' }] } });
        }
        // Two trailing spaces are a line break in Markdown: leave them where Markdown renders.
        if (content.length < line.length && /^[ \t]+$/.test(line.slice(content.length)) && !channel.rendersMarkdown) {
          const at = lineStart + content.length;
          report({ messageId: 'trailing', start: at, end: lineEnd, fix: { edits: [{ range: [at, lineEnd], text: '' }] } });
        }
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
  },
});
