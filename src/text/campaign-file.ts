import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toPlainText } from './plain-text.js';
import { boundedParser, delimiterPieces, NO_EMPHASIS, parsePieces } from './markdown.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';

export type { FrontMatter };

const processor = unified().use(remarkParse);
// A plan whose drafts hold hundreds of emphasis runs is parsed in pieces after its front matter (see markdown.ts).
const parser = boundedParser(processor, unified().use(remarkParse).data('micromarkExtensions', [NO_EMPHASIS]));

/** A draft's text, and for every UTF-16 offset of it the offset in the Markdown source. */
export interface DisplayText {
  text: string;
  /** The source offset of `text[0]`. */
  start: number;
  /**
   * `offsets[i]` is the source offset of `text[i]`; one more entry maps the end of the text. Absent
   * when the text is the source from `start` on, character for character (a draft as written): an
   * array of every offset per draft was most of what reading a plan allocated.
   */
  offsets?: number[];
}

/** One draft of a campaign file: a `## channel` or `## channel: label` heading (optionally ending `{lang=de}`) and what follows it. */
export interface DraftSection {
  /** The heading's words before the colon, lower case: a channel id if the plan is right. */
  channel: string;
  label?: string;
  /** The value of a `{lang=de}` at the heading's end, as written: the draft's own language. */
  lang?: string;
  headingStart: number;
  headingEnd: number;
  /** The draft's Markdown blocks, between its heading and the next heading of depth 1 or 2. */
  nodes: DraftBlock[];
}

/**
 * What the campaign reading needs of a top-level Markdown block: where it starts and ends, and an
 * HTML block's source (directive comments are not part of any post). An mdast node is one; the line
 * scanner makes one per stretch of lines between blank lines and HTML comment lines.
 */
export interface DraftBlock {
  type: string;
  value?: string;
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } };
}

export interface CampaignFile {
  frontMatter?: FrontMatter;
  /** Whether the front matter defines a campaign (it has `keyMessages`); else the file is one post. */
  isCampaign: boolean;
  sections: DraftSection[];
  /** The blocks after the front matter: the one post of a file that is not a campaign. */
  body: DraftBlock[];
}

/** Whether a Markdown file is a campaign plan: its front matter has `keyMessages`. */
export function isCampaignFile(markdown: string): boolean {
  if (!/^keyMessages\s*:/mu.test(markdown)) return false;
  const data = readFrontMatter(markdown)?.data;
  return typeof data === 'object' && data !== null && 'keyMessages' in data;
}

/**
 * Parses a Markdown campaign file: YAML front matter with the campaign, then one `##` section per draft.
 * Most plans are read by a line scanner (`scanPlan`); one with a construct where that reading might
 * differ from CommonMark's (code, HTML, definitions, setext headings, indented lines) is parsed by remark.
 */
export function parseCampaignFile(markdown: string): CampaignFile {
  const frontMatter = readFrontMatter(markdown);
  const data = frontMatter?.data;
  const isCampaign = typeof data === 'object' && data !== null && 'keyMessages' in data;
  const file = scanPlan(markdown, frontMatter?.end ?? 0, isCampaign) ?? parsePlan(markdown, frontMatter, isCampaign);
  if (frontMatter) file.frontMatter = frontMatter;
  return file;
}

/** The remark reading of a plan: every construct CommonMark has. */
export function parsePlan(markdown: string, frontMatter: FrontMatter | undefined, isCampaign: boolean): CampaignFile {
  // The front matter's characters become spaces, so Markdown offsets stay those of the file.
  const masked = frontMatter ? markdown.slice(0, frontMatter.end).replace(/[^\r\n]/g, ' ') + markdown.slice(frontMatter.end) : markdown;
  const cuts = delimiterPieces(masked, undefined, frontMatter?.end ?? 0);
  const tree = cuts ? parsePieces(masked, cuts, parser) : parser.parse(masked);
  const body = tree.children;
  const sections: DraftSection[] = [];
  if (isCampaign) {
    let current: DraftSection | undefined;
    for (const node of body) {
      if (node.type === 'heading' && node.depth <= 2) {
        current = node.depth === 2 ? draftSection(toPlainText(node), node.position?.start.offset ?? 0, node.position?.end.offset ?? 0) : undefined;
        if (current) sections.push(current);
      } else current?.nodes.push(node);
    }
  }
  return { isCampaign, sections, body };
}

// Where the line scanner's reading might not be CommonMark's, after the front matter: fenced code
// (also in a list or quote), HTML other than a one-line comment at the start of a line, link
// reference definitions, indented code, lines of only spaces (a list takes them in), headings
// after indentation (maybe in a list item), carriage returns and NUL (which micromark rewrites).
const NOT_SCANNABLE = /```|~~~|\]:|[\r\0]|^(?: {0,3}\t| {4}|[ \t]+$| {1,3}#{1,6}(?:[ \t]|$))/m;
// A line starting with "<", perhaps after quote or list markers; a one-line comment at its start is read.
const HTML_START = /^[ \t>*+\-.)\d]*</gm;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const ATX_HEADING = /^(#{1,6})(?:[ \t]|$)/;
// What a heading's text would need remark for: inline Markdown, references, escapes, a closing "#" run.
const HEADING_MARKUP = /[\\`*_[\]<>&]|#[ \t]*$/;

/**
 * The plan read line by line, exactly as remark reads it (see the property test), or undefined
 * when it has a construct for which that is not certain. A depth 1 or 2 ATX heading at the start
 * of a line ends a draft; every other line belongs to the draft before it. A block starts at the
 * first character that is not a space or tab of its first line and ends at the end of its last.
 */
export function scanPlan(markdown: string, from: number, isCampaign: boolean): CampaignFile | undefined {
  const text = from > 0 ? markdown.slice(from) : markdown;
  if (NOT_SCANNABLE.test(text)) return undefined;
  for (HTML_START.lastIndex = 0; HTML_START.exec(text); ) {
    const at = HTML_START.lastIndex - 1;
    if (!(at === 0 || text[at - 1] === '\n') || !isOneLineComment(text, at)) return undefined;
  }
  const body: DraftBlock[] = [];
  const sections: DraftSection[] = [];
  let current: DraftSection | undefined;
  let run: DraftBlock | undefined;
  let previousBlank = true;
  for (let start = from; start < markdown.length; ) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const first = markdown.charCodeAt(start);
    const blank = end === start;
    if (!blank && (first === 0x2d || first === 0x3d || first === 0x20) && !previousBlank && SETEXT_UNDERLINE.test(markdown.slice(start, end))) return undefined;
    if (blank) run = undefined;
    else {
      const line = markdown.slice(start, end);
      const heading = first === 0x23 ? ATX_HEADING.exec(line) : null;
      if (heading && isCampaign && heading[1]!.length <= 2) {
        const content = line.slice(heading[0].length);
        if (HEADING_MARKUP.test(content)) return undefined;
        current = heading[1]!.length === 2 ? draftSection(content, start, end) : undefined;
        if (current) sections.push(current);
        run = undefined;
      } else if (first === 0x3c) {
        const block: DraftBlock = { type: 'html', value: line, position: { start: { offset: start }, end: { offset: end } } };
        (isCampaign ? current?.nodes : body)?.push(block);
        run = undefined;
      } else if (run) run.position!.end.offset = end;
      else {
        let at = start;
        while (markdown.charCodeAt(at) === 0x20) at++;
        run = { type: 'block', position: { start: { offset: at }, end: { offset: end } } };
        (isCampaign ? current?.nodes : body)?.push(run);
      }
    }
    previousBlank = blank;
    start = end + 1;
  }
  return { isCampaign, sections, body };
}

// A comment that opens and closes on its line: an HTML block of that one line.
function isOneLineComment(text: string, at: number): boolean {
  if (!text.startsWith('<!--', at) || text[at + 4] === '-' || text[at + 4] === '>') return false;
  const newline = text.indexOf('\n', at);
  const close = text.indexOf('-->', at + 4);
  return close !== -1 && (newline === -1 || close < newline);
}

// Pandoc's attribute syntax, which Markdown tools that know attributes read as the heading's language.
const LANG_ATTRIBUTE = /\s*\{\s*lang\s*=\s*"?([^\s"}]*)"?\s*\}\s*$/u;

function draftSection(headingText: string, headingStart: number, headingEnd: number): DraftSection {
  let title = headingText.trim();
  const lang = LANG_ATTRIBUTE.exec(title);
  if (lang) title = title.slice(0, lang.index);
  const colon = title.indexOf(':');
  const channel = (colon === -1 ? title : title.slice(0, colon)).trim().toLowerCase();
  const label = colon === -1 ? undefined : title.slice(colon + 1).trim() || undefined;
  const section: DraftSection = {
    channel,
    headingStart,
    headingEnd,
    nodes: [],
  };
  if (label) section.label = label;
  if (lang) section.lang = lang[1]!;
  return section;
}

/**
 * A draft's text as written, with its offset map. It is what gets published when the draft is
 * copied to its channel, so a channel that does not render Markdown is linted with the asterisks
 * and brackets it would show (no-markdown reports and fixes them), exactly as a single draft is.
 */
export function displayText(markdown: string, nodes: readonly DraftBlock[]): DisplayText {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined) return { text: '', start: start ?? 0 };
  return { text: markdown.slice(start, end), start };
}

/** The source offset of a display offset; an end offset maps just past the source of the last character before it. */
export function sourceOffset(display: DisplayText, offset: number, isEnd = false): number {
  const { offsets } = display;
  // The source itself: the end of the last character before an offset is that offset.
  if (!offsets) return display.start + Math.min(Math.max(0, offset), display.text.length);
  const at = Math.min(Math.max(0, offset), offsets.length - 1);
  if (isEnd && at > 0) return offsets[at - 1]! + 1;
  return offsets[at]!;
}
