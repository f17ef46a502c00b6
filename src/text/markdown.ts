import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
import { scanMarkdown } from './markdown-scan.js';

const processor = unified().use(remarkParse);

/** The mdast tree of a draft (CommonMark), with UTF-16 offsets in every node's position. */
export function parseMarkdown(text: string): Root {
  const cuts = [...(setextPieces(text) ?? []), ...(delimiterPieces(text) ?? [])];
  const stretches = text.length >= LARGE_DRAFT ? blankLineStretches(text) : undefined;
  if (stretches) cuts.push(...(piecesOf(stretches) ?? []));
  cuts.sort((a, b) => a - b);
  if (cuts.length === 0) return scannedOrParsed(text);
  // The stretches were tested once already: a piece made of whole ones is not tested again (a second
  // pass of NOT_PLAIN over a megabyte draft).
  const parser: PieceParser = stretches ? { parse: (piece, from) => (((from !== undefined ? knownPlain(stretches, from, from + piece.length) : undefined) ?? isPlainMarkdown(piece)) ? plainTree(piece) : scannedOrParsed(piece)) } : plainFirst;
  return parsePieces(text, [...new Set(cuts)], parser);
}

/** The scanner's tree of a text (a post's simple Markdown), or remark's when the scanner gives up. */
function scannedOrParsed(text: string): Root {
  const scanned = scanMarkdown(text);
  if (!scanned) return markdownParser.parse(text);
  markdownWork.scans++;
  return scanned;
}

// A long draft (a document pasted whole) is mostly plain paragraphs between blank lines: it is cut
// at blank lines into pieces, and a piece of plain paragraphs gets its tree without micromark,
// whose events for a megabyte take most of the time and memory of a lint.
const LARGE_DRAFT = 20_000;
const BLANK_PIECE = 8192;
// What can span a blank line, or tie one part of a draft to another: fenced code, an HTML block
// (a comment, <pre>, <script>...), a link reference definition.
const SPANS_BLANK_LINES = /```|~~~|\]:|^[ \t>*+\-.)\d]*</m;
const BLANK_LINES = /\n\n+/g;

/**
 * Offsets just after blank lines where a draft may be cut into separately parsed pieces, pieces of
 * at most `piece` characters where it can, or undefined when something could span a cut. The line
 * after the cut starts with a character no block continues or starts with (not white space, not a
 * list, quote, heading, code or HTML marker), so every list, quote and paragraph before it has ended.
 */
export function blankLinePieces(text: string, piece = BLANK_PIECE): number[] | undefined {
  const stretches = blankLineStretches(text);
  return stretches && piecesOf(stretches, piece);
}

/**
 * The stretches between the places a draft may be cut at blank lines (see blankLinePieces), each
 * with whether it is plain (isPlainMarkdown), or undefined when something could span a cut.
 * `nonPlainBefore[i]` counts the stretches before the i-th that are not plain.
 */
export interface BlankLineStretches {
  /** Where each stretch starts, then the text's length. */
  starts: number[];
  plain: boolean[];
  nonPlainBefore: Int32Array;
  /** The index of each start in `starts`. */
  index: Map<number, number>;
}

export function blankLineStretches(text: string): BlankLineStretches | undefined {
  if (SPANS_BLANK_LINES.test(text)) return undefined;
  const starts = [0];
  for (BLANK_LINES.lastIndex = 0; BLANK_LINES.exec(text); ) {
    const at = BLANK_LINES.lastIndex;
    if (at < text.length && PLAIN_START.test(text[at]!)) starts.push(at);
  }
  starts.push(text.length);
  const plain = starts.slice(0, -1).map((start, i) => isPlainMarkdown(text.slice(start, starts[i + 1])));
  const nonPlainBefore = new Int32Array(starts.length);
  for (let i = 0; i < plain.length; i++) nonPlainBefore[i + 1] = nonPlainBefore[i]! + (plain[i] ? 0 : 1);
  const index = new Map<number, number>();
  starts.forEach((start, i) => index.set(start, i));
  return { starts, plain, nonPlainBefore, index };
}

/**
 * Whether text[from, to) is plain, read from the stretches when it is made of whole ones (else
 * undefined). A stretch ends with the line break before a blank line, and nothing NOT_PLAIN or
 * FLANKING_UNDERSCORE matches holds a line break or looks past one, so a run of whole stretches
 * is plain exactly when each of them is.
 */
export function knownPlain(stretches: BlankLineStretches, from: number, to: number): boolean | undefined {
  const first = stretches.index.get(from);
  const end = stretches.index.get(to);
  if (first === undefined || end === undefined || end <= first) return undefined;
  return stretches.nonPlainBefore[end] === stretches.nonPlainBefore[first];
}

function piecesOf({ starts, plain }: BlankLineStretches, piece = BLANK_PIECE): number[] | undefined {
  const cuts: number[] = [];
  let pieceStart = 0;
  for (let i = 1; i < plain.length; i++) {
    if (plain[i] !== plain[i - 1] || (!plain[i] && starts[i]! - pieceStart >= piece)) {
      cuts.push(starts[i]!);
      pieceStart = starts[i]!;
    }
  }
  return cuts.length > 0 ? cuts : undefined;
}

// What makes a text more than paragraphs of text: any inline syntax (emphasis, code, links,
// autolinks, HTML, escapes, character references), tabs and control characters, white space at
// the start or end of a line (indentation, hard breaks), and a line a block could start with.
// "_" between letters or digits (utm_source) is text: such a run can neither open nor close emphasis.
const NOT_PLAIN = /[*`[\]<>\\~\t\r\0-\x08\x0b\x0c\x0e-\x1f]|&[#A-Za-z]| $|^(?:[ =+\-]|#{1,6}(?: |$)|\d{1,9}[.)])/m;

/** Whether CommonMark reads the text as paragraphs of plain text and nothing else. */
export function isPlainMarkdown(text: string): boolean {
  markdownWork.plainTested += text.length;
  return !NOT_PLAIN.test(text) && !(text.includes('_') && FLANKING_UNDERSCORE.test(text));
}

/** The tree remark-parse gives a plain text (see `isPlainMarkdown`): a paragraph with one text node per run of lines. */
export function plainTree(text: string): Root {
  const children: Root['children'] = [];
  let line = 1;
  let lineStart = 0;
  let first: { line: number; offset: number } | undefined;
  let last = { line: 1, column: 1, offset: 0 };
  const close = () => {
    if (!first) return;
    const position = () => ({ start: { line: first!.line, column: 1, offset: first!.offset }, end: { ...last } });
    children.push({ type: 'paragraph', children: [{ type: 'text', value: text.slice(first.offset, last.offset), position: position() }], position: position() });
    first = undefined;
  };
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const end = newline === -1 ? text.length : newline;
    if (end > lineStart) {
      first ??= { line, offset: lineStart };
      last = { line, column: end - lineStart + 1, offset: end };
    } else close();
    if (newline === -1) break;
    lineStart = newline + 1;
    line++;
  }
  close();
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: text.length - lineStart + 1, offset: text.length } } };
}

const plainFirst: PieceParser = { parse: (piece) => (isPlainMarkdown(piece) ? plainTree(piece) : scannedOrParsed(piece)) };

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

/** How to parse a piece: a unified processor with remark-parse, and one that reads no emphasis. */
export interface PieceParser {
  /** `from`: where the piece starts in the text parsePieces cut it from. */
  parse(text: string, from?: number): Root;
}

// micromark resolves emphasis by walking back from every closing run and splicing its event list
// at every match: quadratic in the `*` and `_` runs of one parse (15 s for 200,000 characters of
// "*a* "). No post has hundreds; a draft with more is parsed in pieces of at most this many runs.
const MAX_DELIMITER_RUNS = 256;
const DELIMITER_RUN = /[*_]+/g;
/** The micromark extension that reads `*` and `_` as text. */
export const NO_EMPHASIS = { disable: { null: ['attention'] } };

/**
 * How many times remark has parsed (a draft, a piece of one, or a plan), and how many characters,
 * how many drafts the scanner read without it, and how many characters isPlainMarkdown tested:
 * tests count work with it, never time.
 */
export const markdownWork = { parses: 0, characters: 0, scans: 0, plainTested: 0 };

/** A parser that reads a piece no cut could keep small (a long stretch with no place to cut) without emphasis. */
export function boundedParser(withEmphasis: PieceParser, withoutEmphasis: PieceParser): PieceParser {
  return {
    parse: (text) => {
      markdownWork.parses++;
      markdownWork.characters += text.length;
      return (countDelimiterRuns(text) > 2 * MAX_DELIMITER_RUNS ? withoutEmphasis : withEmphasis).parse(text);
    },
  };
}

const markdownParser = boundedParser(processor, unified().use(remarkParse).data('micromarkExtensions', [NO_EMPHASIS]));

function countDelimiterRuns(text: string): number {
  let runs = 0;
  for (DELIMITER_RUN.lastIndex = 0; DELIMITER_RUN.exec(text); ) runs++;
  return runs;
}

/**
 * Where a text with more than `max` runs of `*` or `_` is cut so that no piece has more: after a
 * space or tab, before a character with which no block (heading, list, quote, code, thematic
 * break, HTML, definition) can start, and not before `from` (a campaign file's front matter).
 * Emphasis, a link or code that spans a cut is not seen; everything else parses as in the whole
 * text. Undefined for every other text.
 */
export function delimiterPieces(text: string, max = MAX_DELIMITER_RUNS, from = 0): number[] | undefined {
  if (countDelimiterRuns(text) <= max) return undefined;
  const cuts: number[] = [];
  let runs = 0;
  DELIMITER_RUN.lastIndex = from;
  for (let match = DELIMITER_RUN.exec(text); match; match = DELIMITER_RUN.exec(text)) {
    if (++runs < max) continue;
    // The piece is full: cut at the first place after this run where a piece may start.
    let at = DELIMITER_RUN.lastIndex;
    while (at < text.length && !mayStartPiece(text, at)) at++;
    if (at >= text.length) break;
    cuts.push(at);
    runs = 0;
    DELIMITER_RUN.lastIndex = at;
  }
  return cuts.length > 0 ? cuts : undefined;
}

const SPACE_BEFORE = /[ \t]/;
// What cannot open a block at the start of a line: not white space, #, >, -, +, =, a digit, `, ~, <, [.
const PLAIN_START = /[^\s#>\-+*_=\d`~<[]/u;
const NOT_A_MARKER = /[^\s*_]/u;

function mayStartPiece(text: string, at: number): boolean {
  if (!SPACE_BEFORE.test(text[at - 1] ?? '')) return false;
  const next = text[at]!;
  // "*a", "**a" or "__a" starts no list item and no thematic break.
  if (next === '*' || next === '_') {
    let after = at + 1;
    while (text[after] === '*' || text[after] === '_') after++;
    return NOT_A_MARKER.test(text[after] ?? ' ');
  }
  return PLAIN_START.test(next);
}

/** Parses each piece and joins the trees, with positions moved to where each piece starts. */
export function parsePieces(text: string, cuts: readonly number[], parser: PieceParser = markdownParser): Root {
  const children: Root['children'] = [];
  let end: NonNullable<Root['position']>['end'] = { line: 1, column: 1, offset: 0 };
  let from = 0;
  let lines = 0;
  // A piece may start inside a line: what it parses on its first line is that much further right.
  let column = 0;
  for (const to of [...cuts, text.length]) {
    const piece = text.slice(from, to);
    const tree = parser.parse(piece, from);
    const at = { lines, column, offset: from };
    for (const child of tree.children) children.push(shift(child, at));
    if (tree.position) end = moved(tree.position.end, at);
    const lastNewline = piece.lastIndexOf('\n');
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
    column = lastNewline === -1 ? column + piece.length : piece.length - lastNewline - 1;
    from = to;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

type Point = NonNullable<Root['position']>['start'];

function moved(point: Point, at: { lines: number; column: number; offset: number }): Point {
  return { line: point.line + at.lines, column: point.column + (point.line === 1 ? at.column : 0), offset: (point.offset ?? 0) + at.offset };
}

function shift<T extends Nodes>(node: T, at: { lines: number; column: number; offset: number }): T {
  if (at.lines === 0 && at.column === 0 && at.offset === 0) return node;
  const { position } = node;
  if (position) {
    position.start = moved(position.start, at);
    position.end = moved(position.end, at);
  }
  if ('children' in node) for (const child of node.children) shift(child, at);
  return node;
}
