import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Nodes, Parents, Root, RootContent } from 'mdast';
import { toPlainText } from './plain-text.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';

export type { FrontMatter };

const processor = unified().use(remarkParse);

/** Text as a channel shows it, and for every UTF-16 offset of it the offset in the Markdown source. */
export interface DisplayText {
  text: string;
  /** `offsets[i]` is the source offset of `text[i]`; one more entry maps the end of the text. */
  offsets: number[];
}

/** One draft of a campaign file: a `## channel` or `## channel: label` heading and what follows it. */
export interface DraftSection {
  /** The heading's words before the colon, lower case: a channel id if the plan is right. */
  channel: string;
  label?: string;
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
  const tree = processor.parse(masked);
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

function draftSection(heading: Heading): DraftSection {
  const title = toPlainText(heading).trim();
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
  return section;
}

/**
 * The text a channel shows for some Markdown nodes, with its offset map. A channel that renders
 * Markdown shows the source as written; any other shows the words, lists with their markers, and a
 * link as "text URL" (or the URL alone when the text is the URL). Blocks are separated by a blank line.
 */
export function displayText(markdown: string, nodes: readonly RootContent[], rendersMarkdown: boolean): DisplayText {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined) return { text: '', offsets: [start ?? 0] };
  if (rendersMarkdown) {
    const text = markdown.slice(start, end);
    return { text, offsets: Array.from({ length: text.length + 1 }, (_, i) => start + i) };
  }
  const out = new DisplayBuilder(markdown);
  renderBlocks(out, nodes, '\n\n');
  return out.finish(end);
}

class DisplayBuilder {
  text = '';
  offsets: number[] = [];
  constructor(readonly source: string) {}

  /** Appends text that stands for the source from `at`: each character maps to its own source character when they line up. */
  aligned(value: string, at: number, limit: number): void {
    let j = at;
    for (const char of value) {
      // Escapes, entities and continuation indents are in the source but not the value: skip to the next match.
      let k = j;
      while (k < limit && this.source.slice(k, k + char.length) !== char) k++;
      const source = k < limit ? k : Math.min(j, Math.max(at, limit - 1));
      for (let u = 0; u < char.length; u++) this.offsets.push(source + u);
      this.text += char;
      if (k < limit) j = k + char.length;
    }
  }

  /** Appends generated text (a separator, a space before a URL): all of it maps to one source offset. */
  generated(value: string, at: number): void {
    for (let u = 0; u < value.length; u++) this.offsets.push(at);
    this.text += value;
  }

  finish(end: number): DisplayText {
    this.offsets.push(end);
    return { text: this.text, offsets: this.offsets };
  }
}

const startOf = (node: Nodes) => node.position?.start.offset ?? 0;
const endOf = (node: Nodes) => node.position?.end.offset ?? startOf(node);

function renderBlocks(out: DisplayBuilder, nodes: readonly Nodes[], separator: string): void {
  let first = true;
  for (const node of nodes) {
    if (node.type === 'thematicBreak' || node.type === 'definition') continue;
    if (!first) out.generated(separator, startOf(node));
    first = false;
    renderBlock(out, node);
  }
}

function renderBlock(out: DisplayBuilder, node: Nodes): void {
  switch (node.type) {
    case 'list':
      renderBlocks(out, node.children, '\n');
      return;
    case 'listItem': {
      // Keep the writer's own marker ("- ", "1. "): it reads fine as plain text.
      const content = node.children[0];
      const from = startOf(node);
      const to = content ? startOf(content) : endOf(node);
      const marker = out.source.slice(from, to).replace(/\s+$/u, '');
      out.aligned(marker + (content ? ' ' : ''), from, to);
      renderBlocks(out, node.children, '\n');
      return;
    }
    case 'blockquote':
      renderBlocks(out, node.children, '\n\n');
      return;
    case 'code':
    case 'html':
      out.aligned(node.value, startOf(node), endOf(node));
      return;
    default:
      renderInline(out, node);
  }
}

function renderInline(out: DisplayBuilder, node: Nodes): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.aligned(node.value, startOf(node), endOf(node));
      return;
    case 'break':
      out.generated('\n', startOf(node));
      return;
    case 'link':
    case 'image': {
      const label = node.type === 'link' ? toPlainText(node) : node.alt ?? '';
      if (node.type === 'link') for (const child of node.children) renderInline(out, child);
      else if (label) out.aligned(label, startOf(node), endOf(node));
      if (label === node.url || 'mailto:' + label === node.url) return;
      // The URL where the source has it, e.g. inside the brackets' "(...)".
      const at = out.source.lastIndexOf(node.url, endOf(node));
      const from = at >= startOf(node) ? at : endOf(node);
      if (label) out.generated(' ', from);
      out.aligned(node.url, from, at >= startOf(node) ? at + node.url.length : endOf(node));
      return;
    }
    default:
      if ('children' in node) for (const child of (node as Parents).children) renderInline(out, child);
      else if ('value' in node) out.aligned(String(node.value), startOf(node), endOf(node));
  }
}

/** The source offset of a display offset; an end offset maps just past the source of the last character before it. */
export function sourceOffset(display: DisplayText, offset: number, isEnd = false): number {
  const { offsets } = display;
  const at = Math.min(Math.max(0, offset), offsets.length - 1);
  if (isEnd && at > 0) return offsets[at - 1]! + 1;
  return offsets[at]!;
}
