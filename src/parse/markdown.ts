import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse);

/** The mdast tree of a draft (CommonMark), with UTF-16 offsets in every node's position. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

// Characters without which CommonMark can produce no emphasis, link, heading, list, code or quote.
// Line-start patterns use [ \t]* rather than \s* so a run of blank lines cannot make the scan quadratic.
const MARKDOWN_HINT = /[*_`[\]<]|^[ \t]*(?:#{1,6}(?:[ \t]|$)|>|[-+][ \t]|\d{1,9}[.)][ \t]|(?:-{3,}|={3,})[ \t]*$)|^(?: {4}|\t)/m;

/** A cheap test that lets the analysis skip the parser for the plain drafts most posts are. */
export function mayContainMarkdown(text: string): boolean {
  return MARKDOWN_HINT.test(text);
}
