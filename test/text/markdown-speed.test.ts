import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import { lint } from '../../src/index.js';
import { forEachCluster } from '../../src/channels/graphemes.js';
import { delimiterPieces, mayContainFormatting, parseMarkdown, parsePieces, setextPieces } from '../../src/text/markdown.js';

// The two shortcuts the benchmark led to must never change a tree or a report: these compare
// them with remark-parse run on the whole draft.
const whole = unified().use(remarkParse);
const LINES = ['Some text', 'a *b* c', '**x', 'y**', '---', '--', '=', '===', '', '   ', '# h', '***', '_ _ _', '  -- ', 'text [link](u) more', '-', '  ===', '#tag', 'line ending -', '\\---', 'snake_case_name', '__init__'];
const draftOfLines = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 16 }).map((lines) => lines.join('\n'));

// What no-markdown flags: indented code is only indentation in a post, fenced code is flagged.
const FLAGGED = new Set(['strong', 'emphasis', 'link', 'image', 'heading', 'inlineCode']);
function flagged(node: Nodes, text: string): boolean {
  if (FLAGGED.has(node.type)) return true;
  if (node.type === 'code' && /^[`~]/.test(text.slice(node.position!.start.offset))) return true;
  return 'children' in node && node.children.some((child) => flagged(child as Nodes, text));
}

describe('parsing a draft in pieces after setext underlines', () => {
  it('gives the same tree, positions included, as parsing it whole', () => {
    fc.assert(
      fc.property(draftOfLines, (text) => {
        const cuts = setextPieces(text, 1);
        if (!cuts) return;
        expect(parsePieces(text, cuts)).toEqual(whole.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts only after the 32nd underline, and never where a quote, list, code or definition could span the cut', () => {
    expect(setextPieces('Some text\n---\n'.repeat(31))).toBeUndefined();
    expect(setextPieces('Some text\n---\n'.repeat(64))).toEqual([32 * 14]);
    for (const spanning of ['> quote\n', '- item\n', '```\n', '[a]: https://example.org\n', '    code\n', '<div>\n']) {
      expect(setextPieces(spanning + 'Some text\n---\n'.repeat(64))).toBeUndefined();
    }
  });

  it('reports every heading of 2,000 "text\\n---" pairs at its own line', () => {
    const text = 'Some text\n---\n'.repeat(2000);
    const headings = lint({ text, channel: 'x' }).messages.filter((m) => m.ruleId === 'no-markdown');
    expect(headings).toHaveLength(2000);
    expect(headings[1999]!.start).toEqual({ line: 3999, column: 1, offset: 1999 * 14 });
    expect(headings[1999]!.end).toEqual({ line: 4000, column: 4, offset: 2000 * 14 - 1 });
    expect((parseMarkdown(text) as Root).position).toEqual(whole.parse(text).position);
  });
});

describe('parsing a draft with hundreds of emphasis runs in pieces', () => {
  // What no-markdown reports: every flagged node, with its position.
  const flaggedNodes = (tree: Nodes, text: string, found: unknown[] = []): unknown[] => {
    if (FLAGGED.has(tree.type) || (tree.type === 'code' && /^[`~]/.test(text.slice(tree.position!.start.offset)))) found.push([tree.type, tree.position]);
    else if ('children' in tree) for (const child of tree.children) flaggedNodes(child as Nodes, text, found);
    return found;
  };
  // Tokens whose syntax closes inside them ("2*3" or a lone "*" could pair with a run far away).
  const TOKENS = ['word', '*a*', '**b**', '_c_', '__d__', '[link](https://example.org)', '`code`', 'x_y', 'é', '👍🏽'];
  const draftOfTokens = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', ' ', '\n', '  ')), { minLength: 1, maxLength: 60 }).map((pairs) => pairs.map(([t, s]) => t + s).join(''));

  it('finds what the whole parse finds when every piece of syntax stays inside a piece', () => {
    fc.assert(
      fc.property(draftOfTokens, (text) => {
        const cuts = delimiterPieces(text, 4);
        if (!cuts) return;
        for (const cut of cuts) expect(text[cut - 1]).toMatch(/[ \t]/);
        expect(flaggedNodes(parsePieces(text, cuts), text)).toEqual(flaggedNodes(whole.parse(text), text));
      }),
      { numRuns: 600 },
    );
  });

  it('cuts only drafts with more than 256 runs, each piece at most 256 of them', () => {
    expect(delimiterPieces('*a* '.repeat(128))).toBeUndefined();
    const text = '*a* '.repeat(1000);
    const cuts = delimiterPieces(text)!;
    expect(cuts.length).toBe(7);
    for (const [from, to] of [0, ...cuts].map((c, i, all) => [c, all[i + 1] ?? text.length])) expect(text.slice(from, to).match(/[*_]+/g)!.length).toBeLessThanOrEqual(256);
    const headings = lint({ text: text + '\n\n# Book today', channel: 'x' }).messages.filter((m) => m.ruleId === 'no-markdown');
    expect(headings).toHaveLength(1001);
    expect(headings[1000]!.start).toEqual({ line: 3, column: 1, offset: 4002 });
    expect(headings[999]!.start).toEqual({ line: 1, column: 3997, offset: 3996 });
  });

  it('reads a long run with no place to cut without emphasis', () => {
    expect(lint({ text: 'a*b*'.repeat(1000), channel: 'x' }).messages.filter((m) => m.ruleId === 'no-markdown')).toEqual([]);
    expect(lint({ text: 'a*b*'.repeat(10), channel: 'x' }).messages.filter((m) => m.ruleId === 'no-markdown')).toHaveLength(10);
  });
});

describe('mayContainFormatting', () => {
  it('is true whenever CommonMark finds emphasis, a link, an image, a heading or code', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '#', '-', '=', '~', '~~~', 'x_y', 'http://a.b', '1.', '1)', '+', '\t', '&#42;', '&ast;', '&#96;', '    ', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((p) => p.join('')), (text) => {
        if (flagged(whole.parse(text), text)) expect(mayContainFormatting(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(draftOfLines, (text) => {
        if (flagged(whole.parse(text), text)) expect(mayContainFormatting(text)).toBe(true);
      }),
    );
  });

  it('is false for plain drafts, lists, quotes and underscores inside words and links', () => {
    expect(mayContainFormatting('Join us on 4 Feb #WorldCancerDay https://example.org/?utm_source=x&utm_campaign=y')).toBe(false);
    expect(mayContainFormatting('- Check yourself\n- See your GP\n> Share this post')).toBe(false);
    expect(mayContainFormatting('Join us **today**')).toBe(true);
    expect(mayContainFormatting('_really_')).toBe(true);
    expect(mayContainFormatting('Update\n---')).toBe(true);
  });

  it('is false when a delimiter has no other end, or "#" is not where a heading starts', () => {
    expect(mayContainFormatting('Save 10% * terms apply')).toBe(false);
    expect(mayContainFormatting('Step 1] then step 2 [see below')).toBe(false);
    expect(mayContainFormatting('Under 5s <3 us')).toBe(false);
    expect(mayContainFormatting("It's `npm i")).toBe(false);
    expect(mayContainFormatting('Call us on # 1 or snake_case')).toBe(false);
    expect(mayContainFormatting('> - # Heading in a quoted list')).toBe(true);
    expect(mayContainFormatting('See [the guide]')).toBe(true);
    expect(mayContainFormatting('<https://example.org>')).toBe(true);
  });
});

describe('forEachCluster', () => {
  it('gives the clusters unicode-segmenter gives, at the same offsets', () => {
    // ASCII, CR LF, combining marks, joiners, emoji, skin tones, flags, a prepend mark, Hangul, lone surrogates.
    const piece = fc.constantFrom('a', ' ', '\r', '\n', '\u0301', '\u200d', '\ufe0f', '👩', '🏽', '🇬', '🇧', '\u0600', '\u1100', '\u1161', '\ud800', '\udc00', 'é', '©', '#', '1', '\u20e3');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const ours: [string, number][] = [];
        forEachCluster(text, (segment, index) => ours.push([segment, index]));
        expect(ours).toEqual([...graphemeSegments(text)].map(({ segment, index }) => [segment, index]));
      }),
      { numRuns: 5000 },
    );
  });
});
