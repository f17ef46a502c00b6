import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.mjs';
import { Analysis } from '../../src/index.js';
import { scanMarkdown } from '../../src/text/markdown-scan.js';
import { markdownWork, parseMarkdown } from '../../src/text/markdown.js';

// The scanner must give exactly remark-parse's tree (node types, values, urls, titles, children and
// every position) whenever it gives one; anything else it leaves to remark.
const remark = unified().use(remarkParse);
const agrees = (text: string): boolean => {
  const scanned = scanMarkdown(text);
  if (!scanned) return false;
  expect(scanned, JSON.stringify(text)).toEqual(remark.parse(text));
  return true;
};

// Every draft of the test fixtures: the "text" of each JSON line under test/fixtures.
function fixtureDrafts(dir = fileURLToPath(new URL('../fixtures', import.meta.url))): string[] {
  const drafts: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) drafts.push(...fixtureDrafts(path));
    else if (entry.name.endsWith('.jsonl'))
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const value: unknown = JSON.parse(line);
        if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') drafts.push(value.text);
      }
  }
  return drafts;
}

const corpus = generateCorpus(2000);

describe('the Markdown scanner', () => {
  it('gives remark-parse’s tree for every bench-corpus post and fixture draft it reads', () => {
    let scanned = 0;
    const drafts = [...corpus, ...fixtureDrafts()];
    for (const text of drafts) if (agrees(text)) scanned++;
    expect(drafts.length).toBeGreaterThan(2500);
    expect(scanned).toBeGreaterThan(1500);
  });

  it('leaves to remark a heading with a closing sequence after a line or paragraph separator, which are inside a line to micromark', () => {
    for (const text of ['## Update\u2028 #', '# x\u2029 #', '## Update\u2028 ##', '## a\u2028#', 'a\n## b\u2028c #']) {
      if (!agrees(text)) expect(scanMarkdown(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  const PIECES = [
    '*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '!', '\\', '&amp;', '&', '&#35;', '<', '>', '#', '## ', '# ', ' ', ' ', ' ', '\t', '\n', '\n', '\n\n',
    'a', 'b', 'Z', 'word', '12', '1.', '3)', '.', ',', ':', ';', '?', '"', "'", '-', '+', '=', '~', '|', '$', '@', '%', '/', 'é', 'ß', '漢字', 'ü', '😀', '👩🏾‍⚕️', '\u00a0', '\u2028',
    'https://example.org/guide', 'example.org/a_b', 'utm_source=x&utm_campaign=y', '](', '](https://example.org)', '[our guide](https://example.org/guide)', '![alt](x.png)', '*really*', '**today**', '`#Tag`',
  ];
  const adversarial = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));
  const SHAPES = ['Join us **today**', 'This is *really* important.', 'Read [our guide](https://example.org/guide) now', 'Use `#WorldCancerDay`', '## Update', '#Tag first', '', 'plain line', '- item', 'a_b', '_x_', '__y__', 'x*y*z', '**a*', '*a**', '`a``b`', '` a `', '[a] b', '[a][b]', '![i](u)', '- Check yourself', '- See *your* GP', '- ', '-  two', '- # h', '- - x', '- 1. x'];
  const lines = fc.array(fc.constantFrom(...SHAPES), { maxLength: 8 }).map((parts) => parts.join('\n'));
  const mixed = fc.array(fc.oneof(fc.constantFrom(...SHAPES), fc.constantFrom(...PIECES)), { maxLength: 20 }).map((parts) => parts.join(''));

  it('gives remark-parse’s tree, or none, for adversarial strings', () => {
    let scanned = 0;
    for (const [arbitrary, runs] of [[adversarial, 15_000], [lines, 8000], [mixed, 15_000]] as const) {
      fc.assert(
        fc.property(arbitrary, (text) => {
          if (agrees(text)) scanned++;
        }),
        { numRuns: runs },
      );
    }
    // Enough of them must be scanned for the comparison to mean something.
    expect(scanned).toBeGreaterThan(6000);
  });

  it('reads most of the corpus posts with formatting without remark', () => {
    const formatted = corpus.slice(0, 1000).filter((text) => new Analysis(text).mayHaveFormatting);
    const parses = markdownWork.parses;
    const scans = markdownWork.scans;
    for (const text of formatted) parseMarkdown(text);
    expect(formatted.length).toBeGreaterThan(50);
    expect(markdownWork.scans - scans + markdownWork.parses - parses).toBe(formatted.length);
    expect(markdownWork.scans - scans).toBeGreaterThanOrEqual(Math.floor(formatted.length * 0.9));
  });

  it('leaves to remark what it cannot be sure of', () => {
    for (const text of ['a\\*b', '&amp;', '<https://x.org>', 'a\tb', 'a\r\nb', '> q', '1. a', 'a\n---', '***', '[a]: u', '[a](b "t")', '[a *b*](c)', '*a **b***', 'a*b*', 'x  \ny', ' a', '``a\nb``', '[a](<b>)', '- a\n\n- b', '- a\n## h', '- a\n  b', '* a', '+ a'])
      expect(scanMarkdown(text), text).toBeUndefined();
  });
});
