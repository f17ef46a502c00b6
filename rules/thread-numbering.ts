import { defineRule } from '../src/rule/index.js';

const thread = (...posts: string[]) => posts.join('\n\n---\n\n');

// "2/3" ending a post (split's default) or opening it (numbering: 'start').
const AT_END = /(?:^|\s)(\d{1,4}\/\d{1,4})$/u;
const AT_START = /^(\d{1,4}\/\d{1,4})(?=\s|$)/u;

export default defineRule({
  meta: {
    id: 'thread-numbering',
    description: 'The posts of a thread document are numbered 1/n to n/n, n the number of posts, or not at all.',
    severity: 'error',
    fixable: true,
    messages: {
      wrong: 'Post {post} of {total} is numbered "{found}": write "{expected}"',
      missing: 'Post {post} of {total} has no number, unlike the others: add "{expected}"',
    },
    defaults: {},
    docs: {
      why: 'A thread document holds the posts of a thread between lines of "---" (what `postlint --split` and the max-length suggestion write); postlint lints each post alone. After a post is added, removed or moved, its numbering is easily left behind, and readers see "3/4" on the last of five posts. Numbering is optional, but when any post carries a "n/total" at its end (or its start), every post should, in order.',
      correct: [
        { thread: true, text: thread('Book your screening today. 1/2', 'Call us free on 0808 800 4040. 2/2'), channel: 'x' },
        { thread: true, text: thread('Book your screening today.', 'Call us free on 0808 800 4040.'), channel: 'x' },
        { thread: true, text: thread('1/2 Book your screening today.', '2/2 Call us free on 0808 800 4040.'), channel: 'x' },
      ],
      incorrect: [
        {
          thread: true,
          text: thread('Book your screening today. 1/2', 'Bring a friend. 2/2', 'Call us free on 0808 800 4040. 2/2'),
          channel: 'x',
          messages: ['Post 1 of 3 is numbered "1/2": write "1/3"', 'Post 2 of 3 is numbered "2/2": write "2/3"', 'Post 3 of 3 is numbered "2/2": write "3/3"'],
          ranges: [
            [27, 30],
            [53, 56],
            [94, 97],
          ],
          output: thread('Book your screening today. 1/3', 'Bring a friend. 2/3', 'Call us free on 0808 800 4040. 3/3'),
        },
        {
          thread: true,
          text: thread('Book your screening today. 1/2', 'Call us free on 0808 800 4040.'),
          channel: 'x',
          messages: ['Post 2 of 2 has no number, unlike the others: add "2/2"'],
          ranges: [[67, 67]],
          output: thread('Book your screening today. 1/2', 'Call us free on 0808 800 4040. 2/2'),
        },
      ],
    },
  },
  check() {
    // Numbering is a property of the whole thread: see checkThread.
  },
  checkThread({ parts, report }) {
    const labels = parts.map(({ text, start, end }) => {
      const atEnd = AT_END.exec(text);
      if (atEnd) return { found: atEnd[1]!, start: end - atEnd[1]!.length, end, where: 'end' as const };
      const atStart = AT_START.exec(text);
      if (atStart) return { found: atStart[1]!, start, end: start + atStart[1]!.length, where: 'start' as const };
      return undefined;
    });
    const numbered = labels.filter((label) => label !== undefined);
    if (numbered.length === 0) return;
    const where = numbered.filter((label) => label.where === 'start').length * 2 > numbered.length ? 'start' : 'end';
    const total = parts.length;
    parts.forEach((part, i) => {
      const expected = `${i + 1}/${total}`;
      const label = labels[i];
      const data = { post: i + 1, total, expected };
      if (label) {
        if (label.found === expected) return;
        report({ messageId: 'wrong', data: { ...data, found: label.found }, start: label.start, end: label.end, fix: { edits: [{ range: [label.start, label.end], text: expected }] } });
        return;
      }
      const at = where === 'end' ? part.end : part.start;
      report({ messageId: 'missing', data, start: at, end: at, fix: { edits: [{ range: [at, at], text: where === 'end' ? ' ' + expected : expected + ' ' }] } });
    });
  },
});
