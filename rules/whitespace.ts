import * as v from 'valibot';
import { defineRule } from '../src/rule/index.js';

// Two or more spaces or tabs between words; the lookbehind pins each match to the start of a run, so it cannot backtrack.
const INNER_RUN = /(?<=\S)[ \t]{2,}(?=\S)/g;
const TWO_BLANKS = /[ \t]{2}/;

export default defineRule({
  meta: {
    id: 'whitespace',
    description: 'No double spaces, no spaces at the end of a line and no more than two blank lines in a row.',
    severity: 'warning',
    fixable: true,
    messages: {
      double: 'Two spaces in a row: use one',
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
        { text: 'Free screening.  Book today.', channel: 'x', messages: ['Two spaces in a row: use one'], ranges: [[15, 17]], output: 'Free screening. Book today.' },
        { text: 'Free screening. \nBook today.', channel: 'x', messages: ['Space at the end of a line: remove it'], ranges: [[15, 16]], output: 'Free screening.\nBook today.' },
        { text: 'Free screening.\n\n\n\n\nBook today.', channel: 'mastodon', messages: ['4 blank lines in a row: use at most 2'], ranges: [[16, 20]], output: 'Free screening.\n\n\nBook today.' },
      ],
    },
  },
  check({ text, channel, options, report }) {
    const max = options.maxBlankLines;
    const trailing = (start: number, end: number) => report({ messageId: 'trailing', start, end, fix: { edits: [{ range: [start, end], text: '' }] } });
    // The blank lines of the current run: [start, end) of each, end before its line break.
    let blank: [number, number][] = [];
    const closeBlankRun = (next: number) => {
      if (blank.length > max) {
        const start = blank[0]![0];
        report({ messageId: 'blankLines', data: { count: blank.length, max }, start, end: next, fix: { edits: [{ range: [start, next], text: '\n'.repeat(max) }] } });
      } else if (!channel.rendersMarkdown) {
        for (const [start, end] of blank) if (end > start) trailing(start, end);
      }
      blank = [];
    };
    // A run needs two spaces or tabs side by side: a draft without any (nearly every one) skips the
    // look-behind search on each line.
    const mayRun = TWO_BLANKS.test(text);
    let lineStart = 0;
    for (;;) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      if (newline !== -1 && /^[ \t]*$/.test(line)) {
        blank.push([lineStart, lineEnd]);
      } else {
        closeBlankRun(lineStart);
        const content = line.trimEnd();
        if (mayRun) for (const run of content.matchAll(INNER_RUN)) {
          const at = lineStart + run.index!;
          report({ messageId: 'double', start: at, end: at + run[0].length, fix: { edits: [{ range: [at, at + run[0].length], text: ' ' }] } });
        }
        // Two trailing spaces are a line break in Markdown: leave them where Markdown renders.
        if (content.length < line.length && /^[ \t]+$/.test(line.slice(content.length)) && !channel.rendersMarkdown) {
          trailing(lineStart + content.length, lineEnd);
        }
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
  },
});
