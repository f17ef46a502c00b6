import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';

const processor = unified().use(remarkParse);

/** The mdast tree of a draft (CommonMark), with UTF-16 offsets in every node's position. */
export function parseMarkdown(text: string): Root {
  const pieces = setextPieces(text);
  return pieces ? parsePieces(text, pieces) : processor.parse(text);
}

// Characters without which CommonMark can produce no emphasis, link, heading, list, code or quote.
// Line-start patterns use [ \t]* rather than \s* so a run of blank lines cannot make the scan quadratic.
const MARKDOWN_HINT = /[*_`[\]<]|^[ \t]*(?:#{1,6}(?:[ \t]|$)|>|[-+][ \t]|\d{1,9}[.)][ \t]|(?:-{3,}|={3,})[ \t]*$)|^(?: {4}|\t)/m;

/** A cheap test that lets the analysis skip the parser for the plain drafts most posts are. */
export function mayContainMarkdown(text: string): boolean {
  return MARKDOWN_HINT.test(text);
}

// What emphasis, strong, links, images, headings (ATX "# ", setext underlines, also inside quotes
// and lists) and code (backticks, ~~~ fences) cannot do without. Lists, quotes and indented lines
// alone do not match, nor does "_" between letters or digits (utm_source=...), which CommonMark
// never reads as emphasis; so most drafts that merely look like Markdown skip the parser.
// Delimited constructs need both ends: emphasis two "*" (or two "_"), code two backticks, a link or
// image "[" before "]", an autolink "<" before ">"; a character reference never stands for one.
// An ATX heading's "#" run has only indentation and quote or list markers before it on its line.
const FORMATTING_ONE = /~~~|^[ \t>*+\-\d.)]*#{1,6}(?:[ \t]|$)|(?:^|[ \t>])(?:=+|-+)[ \t]*$/m;
const FORMATTING_PAIR = /\*[^]*\*|`[^]*`|\[[^]*\]|<[^]*>/;
const FLANKING_UNDERSCORE = /(?<![\p{L}\p{N}_])_|_(?![\p{L}\p{N}_])/u;

/** False when the draft can hold no emphasis, link, image, heading or code, whatever else it has. */
export function mayContainFormatting(text: string): boolean {
  return FORMATTING_ONE.test(text) || FORMATTING_PAIR.test(text) || (text.indexOf('_') !== text.lastIndexOf('_') && FLANKING_UNDERSCORE.test(text));
}

// micromark re-copies the whole event list for every setext heading, so 2,000 "text\n---" pairs take
// seconds. A top-level setext underline ends its block, so when nothing can span lines across it
// (no quote, list, code, HTML or link definition), the draft is parsed in pieces cut after them.
const SETEXT_PIECE = 32;
const UNDERLINE = /^(?:-+|=+)[ \t]*$/;
const SPANNING = /[`~<\t\r]|\]:|^ {0,3}(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))|^ {4}/m;
// A line that is not paragraph text: blank, an ATX heading, a thematic break or a setext underline.
const NOT_PARAGRAPH = /^[ \t]*$|^ {0,3}(?:#|(?:-+|=+)[ \t]*$|(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$)/;

/** Offsets where the draft may be cut into separately parsed pieces, or undefined to parse it whole. */
export function setextPieces(text: string, piece = SETEXT_PIECE): number[] | undefined {
  if (SPANNING.test(text)) return undefined;
  const cuts: number[] = [];
  let underlines = 0;
  let previous = '';
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, newline === -1 ? end : newline);
    if (UNDERLINE.test(line) && !NOT_PARAGRAPH.test(previous) && ++underlines % piece === 0 && end < text.length) {
      cuts.push(end);
    }
    previous = line;
    start = end;
  }
  return cuts.length > 0 ? cuts : undefined;
}

/** Parses each piece and joins the trees, with positions moved to where each piece starts. */
export function parsePieces(text: string, cuts: readonly number[]): Root {
  const children: Root['children'] = [];
  let end: NonNullable<Root['position']>['end'] = { line: 1, column: 1, offset: 0 };
  let from = 0;
  let lines = 0;
  for (const to of [...cuts, text.length]) {
    const piece = text.slice(from, to);
    const tree = processor.parse(piece);
    for (const child of tree.children) children.push(shift(child, lines, from));
    if (tree.position) end = { line: tree.position.end.line + lines, column: tree.position.end.column, offset: (tree.position.end.offset ?? 0) + from };
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
    from = to;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

function shift<T extends Nodes>(node: T, lines: number, offset: number): T {
  if (lines === 0 && offset === 0) return node;
  const { position } = node;
  if (position) {
    position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset };
    position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset);
  return node;
}
