import fc from 'fast-check';
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { blankLinePieces, blankLineStretches, delimiterPieces, isPlainMarkdown, knownPlain, markdownWork, parseMarkdown, parsePieces, plainTree, setextPieces } from '../../src/text/markdown.js';

// A long draft is cut at blank lines and its plain paragraphs get their tree without micromark:
// these compare both with remark-parse on the whole text, positions included.
const whole = unified().use(remarkParse);
const plainOrRemark = { parse: (piece: string): Root => (isPlainMarkdown(piece) ? plainTree(piece) : whole.parse(piece)) };

const CHARS = ['a', '_', 'b', 'Z', '1', '9', ' ', ' ', '\n', '\n', '\n', '#', '-', '=', '+', '.', ')', '!', ':', '&', '\u00a0', '😀', 'é', '\t', '*', '_', '>', '<', '[', ']', '`', '~', '\\', ';', '\r', '\f'];
const noise = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 60 });
const LINES = [
  'Plain words here.', 'More text, with 2 numbers 3.5', '#hashtag at the start', '#', '# Heading', '## x', 'Q&A and &amp;', 'x\u00a0y', 'ends with space ', '  indented', '    code',
  '- item', '  continued', '* star', '1. one', '2) two', '10 people', '> quote', '---', '===', '***', 'Some *emphasis* and **strong**', 'a `code` span', '[link](https://example.org)',
  '<https://example.org>', '<!-- comment -->', '<div>', '```', '~~~', '[a]: https://example.org', '[a]', 'trailing backslash\\', 'tab\there', 'snake_case', 'a_b_c d__e', '_lead', 'trail_', 'x_ y', '', '', '', '',
];
const draft = fc.array(fc.constantFrom(...LINES), { minLength: 0, maxLength: 24 }).map((lines) => lines.join('\n'));

describe('the tree of plain paragraphs, built without micromark', () => {
  it('is the tree remark-parse gives every text it accepts', () => {
    let plain = 0;
    const check = (text: string) => {
      if (!isPlainMarkdown(text)) return;
      plain++;
      expect(plainTree(text)).toEqual(whole.parse(text));
    };
    fc.assert(fc.property(noise, check), { numRuns: 5000 });
    fc.assert(fc.property(draft, check), { numRuns: 3000 });
    expect(plain).toBeGreaterThan(800);
  });

  it('is refused for text with syntax, indentation or line-start markers', () => {
    for (const text of ['a *b*', 'a\n  b', 'a \nb', '- a', '1. a', '# a', 'a\n===', 'a\n-', '&amp;', 'a\\', '<a>', 'a\tb', 'a\r\nb']) expect(isPlainMarkdown(text)).toBe(false);
    for (const text of ['#tag first', 'Q & A', '10 people\n\nmore', '2024 was a year', 'x\u00a0']) expect(isPlainMarkdown(text)).toBe(true);
  });
});

describe('cutting a draft at blank lines', () => {
  it('gives the same tree as parsing it whole', () => {
    let cut = 0;
    fc.assert(
      fc.property(draft, fc.constantFrom(1, 40, 8192), (text, piece) => {
        const cuts = blankLinePieces(text, piece);
        if (!cuts) return;
        cut++;
        expect(parsePieces(text, cuts, plainOrRemark)).toEqual(whole.parse(text));
      }),
      { numRuns: 8000 },
    );
    expect(cut).toBeGreaterThan(150);
  });

  it('leaves a long draft with code, HTML or definitions whole', () => {
    for (const spanning of ['```\n', '~~~\n', '<!-- a\n', '<pre>\n', '[a]: https://example.org\n']) expect(blankLinePieces(`Plain.\n\n${spanning}\nMore.\n\nEnd.`, 1)).toBeUndefined();
  });

  it('gives a long draft the tree it had before, parsing only the pieces with Markdown in them', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 40, maxLength: 60 }), (drafts) => {
        const text = drafts.join('\n\n').padEnd(20_000, ' filler words').slice(0, 30_000);
        const cuts = [...new Set([...(setextPieces(text) ?? []), ...(delimiterPieces(text) ?? [])])].sort((a, b) => a - b);
        const before = cuts.length ? parsePieces(text, cuts) : whole.parse(text);
        expect(parseMarkdown(text)).toEqual(before);
      }),
      { numRuns: 25 },
    );
    const plain = Array.from({ length: 400 }, (_, i) => `Post ${i} is plain text about screening.`).join('\n\n');
    // The formatted piece is read once: by the scanner, or by remark when it holds what the scanner leaves.
    const { parses, scans } = markdownWork;
    parseMarkdown(`${plain}\n\nOne *formatted* post.\n\n${plain}`);
    expect([markdownWork.parses - parses, markdownWork.scans - scans]).toEqual([0, 1]);
    parseMarkdown(`${plain}\n\nOne *formatted* post \\& an escape.\n\n${plain}`);
    expect([markdownWork.parses - parses, markdownWork.scans - scans]).toEqual([1, 1]);
  });
});

const plainPost = fc.constantFrom('Plain words here.', 'More text, with 2 numbers 3.5', '#hashtag at the start', 'Q & A, snake_case', 'x\u00a0y\nand a second line');

describe('whether a run of whole blank-line stretches is plain', () => {
  it('is what isPlainMarkdown says of the run itself', () => {
    let known = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(draft, noise, plainPost, plainPost), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\n\n\n', '\n \n'), (drafts, blank) => {
        const text = drafts.join(blank);
        const stretches = blankLineStretches(text);
        if (!stretches) return;
        const { starts } = stretches;
        for (let i = 0; i < starts.length; i++) {
          for (let j = i + 1; j < starts.length; j++) {
            if (starts[j] === starts[i]) continue;
            known++;
            expect(knownPlain(stretches, starts[i]!, starts[j]!)).toBe(isPlainMarkdown(text.slice(starts[i], starts[j])));
          }
        }
        // Anywhere else it is not known.
        if (text.length > 1 && !stretches.index.has(1)) expect(knownPlain(stretches, 1, text.length)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
    expect(known).toBeGreaterThan(1500);
  });

  it('spares a long draft a second test of its plain pieces', () => {
    const posts = Array.from({ length: 600 }, (_, i) => (i % 7 === 3 ? `Post ${i} has *emphasis* in it.` : `Post ${i} is plain text about screening.`));
    const text = posts.join('\n\n');
    const before = markdownWork.plainTested;
    parseMarkdown(text);
    // Each stretch is tested once, when the draft is cut; no piece again.
    expect(markdownWork.plainTested - before).toBe(text.length);
  });
});
