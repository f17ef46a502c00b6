import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { lastStartAtOrBefore } from './positions.js';

// The Markdown of a post is almost always a paragraph or two with `*really*`, `**today**`, a
// `[guide](https://...)` or a `` `#tag` ``, an ATX heading or a tight "-" list: micromark spends ~50 us
// setting up for each. This scanner builds the tree remark-parse gives such text, positions included,
// and gives up (undefined, so remark parses) on anything it is not certain of. A property test holds it to remark's answer.

type Point = { line: number; column: number; offset: number };
type Item =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'node'; node: PhrasingContent; start: number; end: number }
  | { kind: 'run'; start: number; end: number; marker: string; open: boolean };

// Escapes, character references, autolinks and HTML, tabs (virtual columns), CR line endings,
// control characters and the BOM, link reference definitions, white space at the end of a line
// (hard breaks, stripped spaces): remark reads these, not this scanner.
const GIVE_UP = /[\\<\t\r\0-\x08\x0b\x0c\x0e-\x1f\ufeff]/;
const REFERENCE = /&(?:#|[A-Za-z0-9]+;)/;
const givesUp = (text: string): boolean =>
  GIVE_UP.test(text) || text.includes(']:') || text.includes(' \n') || text.endsWith(' ') || (text.includes('&') && REFERENCE.test(text));
// A line that could start or end a block other than a paragraph or a plain ATX heading: indentation,
// quotes, lists, thematic breaks, setext underlines, fences, HTML, headings it does not read.
const BLOCK_START = /^(?:[ >+=\-]|#{1,6}(?: |$)|\d{1,9}[.)]|[*_](?: |$)|```|~~~)|^(?:\* *){3,}$|^(?:_ *){3,}$/;
// An item of a "-" list with text after one space.
const LIST_ITEM = /^- (?=[^ ])/;
// An ATX heading with one space after its marks, text not ending in "#" (a closing sequence).
// [^] and not ".", which stops at U+2028 and U+2029: inside a line to micromark.
const HEADING = /^(#{1,6}) (?=[^ ])(?![^]*#$)/;
// An inline link or image with a plain destination and no title: nothing in its text or
// destination that another construct could claim (code, emphasis, brackets, a line ending).
const LINK = /!?\[([^[\]*_`\n]+)\]\(([^\s()<>`]+)\)/y;
const DELIMITERS = /[*_]+/g;
// More runs than this and the draft is cut into pieces (see delimiterPieces) or read without emphasis.
const MAX_RUNS = 256;

/** The tree remark-parse gives `text`, or undefined when the text holds anything this scanner does not read. */
export function scanMarkdown(text: string): Root | undefined {
  if (givesUp(text)) return undefined;
  let runs = 0;
  for (DELIMITERS.lastIndex = 0; DELIMITERS.exec(text); ) if (++runs > MAX_RUNS) return undefined;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const point = (offset: number): Point => {
    const line = lastStartAtOrBefore(lineStarts, offset);
    return { line: line + 1, column: offset - lineStarts[line]! + 1, offset };
  };
  const children: RootContent[] = [];
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const paragraph = (start: number, end: number): Paragraph | undefined => {
    const content = inline(text, start, end, point);
    return content && { type: 'paragraph', children: content, position: { start: point(start), end: point(end) } };
  };
  const closeParagraph = (): boolean => {
    if (paragraphStart === -1) return true;
    const node = paragraph(paragraphStart, paragraphEnd);
    if (!node) return false;
    children.push(node);
    paragraphStart = -1;
    return true;
  };
  // A tight "-" list: each item one paragraph, its first line after "- ", lazy lines after it.
  let items: { start: number; end: number }[] = [];
  let blankAfterList = false;
  const closeList = (): boolean => {
    if (items.length === 0) return true;
    const listItems: ListItem[] = [];
    for (const item of items) {
      const content = paragraph(item.start + 2, item.end);
      if (!content) return false;
      listItems.push({ type: 'listItem', spread: false, checked: null, children: [content], position: { start: point(item.start), end: point(item.end) } });
    }
    children.push({ type: 'list', ordered: false, start: null, spread: false, children: listItems, position: { start: point(items[0]!.start), end: point(items[items.length - 1]!.end) } } satisfies List);
    items = [];
    blankAfterList = false;
    return true;
  };
  for (const start of lineStarts) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end === start) {
      if (!closeParagraph()) return undefined;
      if (items.length > 0) blankAfterList = true;
      continue;
    }
    const line = text.slice(start, end);
    const item = LIST_ITEM.test(line);
    if (items.length > 0) {
      // A blank line between items makes the list loose; one before other text ends it.
      if (blankAfterList) {
        if (item || !closeList()) return undefined;
      } else if (!item) {
        if (HEADING.test(line) || BLOCK_START.test(line)) return undefined;
        items[items.length - 1]!.end = end;
        continue;
      }
    }
    if (item) {
      const content = line.slice(2);
      if (HEADING.test(content) || BLOCK_START.test(content) || !closeParagraph()) return undefined;
      items.push({ start, end });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      if (!closeParagraph()) return undefined;
      const content = inline(text, start + heading[0].length, end, point);
      if (!content) return undefined;
      children.push({ type: 'heading', depth: heading[1]!.length as Heading['depth'], children: content, position: { start: point(start), end: point(end) } } satisfies Heading);
      continue;
    }
    if (BLOCK_START.test(line)) return undefined;
    if (paragraphStart === -1) paragraphStart = start;
    paragraphEnd = end;
  }
  if (!closeParagraph() || !closeList()) return undefined;
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(text.length) } };
}

// micromark's classes of the character beside a `*` or `_` run, one UTF-16 unit at a time as it
// reads them (so an emoji's surrogate halves are neither): 1 white space, 2 punctuation, 0 other.
const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITE_SPACE = /\s/;
function classify(text: string, at: number, from: number, to: number): 0 | 1 | 2 {
  if (at < from || at >= to) return 1;
  const character = text[at]!;
  return WHITE_SPACE.test(character) ? 1 : PUNCTUATION.test(character) ? 2 : 0;
}

/** The phrasing content of text[from, to), or undefined when it holds what the scanner leaves to remark. */
function inline(text: string, from: number, to: number, point: (offset: number) => Point): PhrasingContent[] | undefined {
  const items: Item[] = [];
  const literal = (start: number, end: number) => {
    const last = items[items.length - 1];
    if (last?.kind === 'text' && last.end === start) last.end = end;
    else items.push({ kind: 'text', start, end });
  };
  for (let i = from; i < to; ) {
    const character = text[i]!;
    if (character === '`') {
      let end = i + 1;
      while (end < to && text[end] === '`') end++;
      const close = closingBackticks(text, end, to, end - i);
      if (close === -1) {
        literal(i, end);
        i = end;
        continue;
      }
      let value = text.slice(end, close);
      if (value.includes('\n')) return undefined;
      if (value.length > 2 && value[0] === ' ' && value[value.length - 1] === ' ' && NOT_SPACE.test(value)) value = value.slice(1, -1);
      const stop = close + (end - i);
      items.push({ kind: 'node', node: { type: 'inlineCode', value, position: { start: point(i), end: point(stop) } }, start: i, end: stop });
      i = stop;
    } else if (character === '[' || (character === '!' && text[i + 1] === '[')) {
      LINK.lastIndex = i;
      const link = LINK.exec(text);
      if (!link || LINK.lastIndex > to || (character === '!') !== link[0].startsWith('!')) {
        literal(i, i + 1);
        i++;
        continue;
      }
      const [whole, label, url] = link as unknown as [string, string, string];
      const stop = i + whole.length;
      const position = { start: point(i), end: point(stop) };
      const labelStart = stop - url.length - 3 - label.length;
      const node: PhrasingContent =
        character === '!'
          ? { type: 'image', title: null, url, alt: label, position }
          : { type: 'link', title: null, url, children: [{ type: 'text', value: label, position: { start: point(labelStart), end: point(labelStart + label.length) } }], position };
      items.push({ kind: 'node', node, start: i, end: stop });
      i = stop;
    } else if (character === ']') {
      // A "](" this scanner did not read as a link's middle: some link it cannot pair may hold it.
      if (text[i + 1] === '(') return undefined;
      literal(i, i + 1);
      i++;
    } else if (character === '*' || character === '_') {
      let end = i + 1;
      while (end < to && text[end] === character) end++;
      // A run beside the other marker ("*_a_*", "**a_") nests or mixes runs: left to remark.
      const other = character === '*' ? '_' : '*';
      if (text[i - 1] === other || text[end] === other) return undefined;
      const before = classify(text, i - 1, from, to);
      const after = classify(text, end, from, to);
      const opens = !after || (after === 2 && !!before);
      const closes = !before || (before === 2 && !!after);
      const open = character === '*' ? opens : opens && (!!before || !closes);
      const shut = character === '*' ? closes : closes && (!!after || !opens);
      if (open && shut) return undefined;
      if (open || shut) items.push({ kind: 'run', start: i, end, marker: character, open });
      else literal(i, end);
      i = end;
    } else {
      SPECIAL.lastIndex = i + 1;
      const end = SPECIAL.test(text) ? Math.min(SPECIAL.lastIndex - 1, to) : to;
      literal(i, end);
      i = end;
    }
  }
  return phrasing(text, pairRuns(items), point);
}

const NOT_SPACE = /[^ ]/;
// The characters the scanner reads; every other character is text.
const SPECIAL = /[`[!\]*_]/g;

function closingBackticks(text: string, from: number, to: number, size: number): number {
  for (let i = text.indexOf('`', from); i !== -1 && i < to; i = text.indexOf('`', i)) {
    let end = i + 1;
    while (end < to && text[end] === '`') end++;
    if (end - i === size) return i;
    i = end;
  }
  return -1;
}

type Paired = Item | { kind: 'pair'; type: 'emphasis' | 'strong'; start: number; end: number; children: Item[] };

// Only the certain case: each opener is closed by the next run, of the same marker and size (one
// or two), with no run between. A closer with nothing open, or an opener never closed, is text.
function pairRuns(items: Item[] | undefined): Paired[] | undefined {
  if (!items) return undefined;
  const out: Paired[] = [];
  let open = -1;
  for (const item of items) {
    if (item.kind !== 'run') {
      out.push(item);
      continue;
    }
    const size = item.end - item.start;
    if (item.open) {
      if (open !== -1 || size > 2) return undefined;
      open = out.length;
      out.push(item);
      continue;
    }
    if (open === -1) {
      out.push({ kind: 'text', start: item.start, end: item.end });
      continue;
    }
    const opener = out[open] as Extract<Item, { kind: 'run' }>;
    if (opener.marker !== item.marker || opener.end - opener.start !== size) return undefined;
    const children = out.splice(open) as Item[];
    children.shift();
    out.push({ kind: 'pair', type: size === 1 ? 'emphasis' : 'strong', start: opener.start, end: item.end, children });
    open = -1;
  }
  if (open !== -1) out[open] = { kind: 'text', start: out[open]!.start, end: out[open]!.end };
  return out;
}

function phrasing(text: string, items: Paired[] | undefined, point: (offset: number) => Point): PhrasingContent[] | undefined {
  if (!items) return undefined;
  const out: PhrasingContent[] = [];
  let textStart = -1;
  let textEnd = -1;
  const flush = () => {
    if (textStart === -1) return;
    out.push({ type: 'text', value: text.slice(textStart, textEnd), position: { start: point(textStart), end: point(textEnd) } });
    textStart = -1;
  };
  for (const item of items) {
    if (item.kind === 'text' || item.kind === 'run') {
      if (textStart === -1) textStart = item.start;
      textEnd = item.end;
      continue;
    }
    flush();
    if (item.kind === 'node') out.push(item.node);
    else out.push({ type: item.type, children: phrasing(text, item.children, point)!, position: { start: point(item.start), end: point(item.end) } });
  }
  flush();
  return out;
}
