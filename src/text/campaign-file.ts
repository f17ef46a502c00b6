import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Root, RootContent } from 'mdast';
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
  /** `offsets[i]` is the source offset of `text[i]`; one more entry maps the end of the text. */
  offsets: number[];
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
  /** The draft's Markdown nodes, between its heading and the next heading of depth 1 or 2. */
  nodes: RootContent[];
}

export interface CampaignFile {
  tree: Root;
  frontMatter?: FrontMatter;
  /** Whether the front matter defines a campaign (it has `keyMessages`); else the file is one post. */
  isCampaign: boolean;
  sections: DraftSection[];
  /** The nodes after the front matter: the one post of a file that is not a campaign. */
  body: RootContent[];
}

/** Whether a Markdown file is a campaign plan: its front matter has `keyMessages`. */
export function isCampaignFile(markdown: string): boolean {
  if (!/^keyMessages\s*:/mu.test(markdown)) return false;
  const data = readFrontMatter(markdown)?.data;
  return typeof data === 'object' && data !== null && 'keyMessages' in data;
}

/** Parses a Markdown campaign file: YAML front matter with the campaign, then one `##` section per draft. */
export function parseCampaignFile(markdown: string): CampaignFile {
  const frontMatter = readFrontMatter(markdown);
  // The front matter's characters become spaces, so Markdown offsets stay those of the file.
  const masked = frontMatter ? markdown.slice(0, frontMatter.end).replace(/[^\r\n]/g, ' ') + markdown.slice(frontMatter.end) : markdown;
  const cuts = delimiterPieces(masked, undefined, frontMatter?.end ?? 0);
  const tree = cuts ? parsePieces(masked, cuts, parser) : parser.parse(masked);
  const body = tree.children;
  const data = frontMatter?.data;
  const isCampaign = typeof data === 'object' && data !== null && 'keyMessages' in data;
  const sections: DraftSection[] = [];
  if (isCampaign) {
    let current: DraftSection | undefined;
    for (const node of body) {
      if (node.type === 'heading' && node.depth <= 2) {
        current = node.depth === 2 ? draftSection(node) : undefined;
        if (current) sections.push(current);
      } else current?.nodes.push(node);
    }
  }
  const file: CampaignFile = { tree, isCampaign, sections, body };
  if (frontMatter) file.frontMatter = frontMatter;
  return file;
}

// Pandoc's attribute syntax, which Markdown tools that know attributes read as the heading's language.
const LANG_ATTRIBUTE = /\s*\{\s*lang\s*=\s*"?([^\s"}]*)"?\s*\}\s*$/u;

function draftSection(heading: Heading): DraftSection {
  let title = toPlainText(heading).trim();
  const lang = LANG_ATTRIBUTE.exec(title);
  if (lang) title = title.slice(0, lang.index);
  const colon = title.indexOf(':');
  const channel = (colon === -1 ? title : title.slice(0, colon)).trim().toLowerCase();
  const label = colon === -1 ? undefined : title.slice(colon + 1).trim() || undefined;
  const section: DraftSection = {
    channel,
    headingStart: heading.position?.start.offset ?? 0,
    headingEnd: heading.position?.end.offset ?? 0,
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
export function displayText(markdown: string, nodes: readonly RootContent[]): DisplayText {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined) return { text: '', offsets: [start ?? 0] };
  const text = markdown.slice(start, end);
  return { text, offsets: Array.from({ length: text.length + 1 }, (_, i) => start + i) };
}

/** The source offset of a display offset; an end offset maps just past the source of the last character before it. */
export function sourceOffset(display: DisplayText, offset: number, isEnd = false): number {
  const { offsets } = display;
  const at = Math.min(Math.max(0, offset), offsets.length - 1);
  if (isEnd && at > 0) return offsets[at - 1]! + 1;
  return offsets[at]!;
}
