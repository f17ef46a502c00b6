import type { Nodes, Parents } from 'mdast';
import { defineRule, toPlainText, safeFix } from '../src/rule/index.js';

// Syntax a channel without Markdown shows literally. Lists stay: "- " and "1. " read fine as plain text.
const FLAGGED: Record<string, string> = {
  strong: 'bold',
  emphasis: 'italics',
  link: 'a Markdown link',
  image: 'a Markdown image',
  heading: 'a Markdown heading',
  inlineCode: 'inline code',
  code: 'a code block',
};

export default defineRule({
  meta: {
    id: 'no-markdown',
    description: 'No Markdown syntax in a draft for a channel that shows it literally.',
    severity: 'warning',
    fixable: true,
    messages: { markdown: '{channel} does not show {kind}: readers will see "{source}" as typed; write "{plain}"' },
    defaults: {},
    docs: {
      why: 'Drafts written in a CMS or a notes app keep their Markdown; X, Bluesky, Mastodon, Threads, SMS and the Meta apps show the asterisks and brackets as typed. The fix replaces the syntax with what the reader should see.',
      correct: [{ text: 'Join us on 4 February #WorldCancerDay https://example.org', channel: 'x' }, { text: '**Join us**', channel: 'email' }],
      incorrect: [
        { text: 'Join us **today**', channel: 'x', messages: ['X does not show bold: readers will see "**today**" as typed; write "today"'], ranges: [[8, 17]], output: 'Join us today' },
        { text: 'Read [our guide](https://example.org/guide)', channel: 'bluesky', messages: ['Bluesky does not show a Markdown link: readers will see "[our guide](https://example.org/guide)" as typed; write "our guide https://example.org/guide"'], ranges: [[5, 43]], output: 'Read our guide https://example.org/guide' },
      ],
    },
  },
  check({ text, channel, analysis, report }) {
    // Lists and quotes alone need no parse: they are not flagged, and the parse is most of lint's cost.
    if (channel.rendersMarkdown || !analysis.mayHaveFormatting) return;
    const tree = analysis.markdown;
    if (!tree) return;
    const visit = (node: Nodes) => {
      const kind = FLAGGED[node.type];
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      // Indented code is only indentation in a post; fenced code and real syntax are flagged.
      const indentedCode = node.type === 'code' && start !== undefined && !/^[`~]/.test(text.slice(start, start + 1));
      const autolink = node.type === 'link' && start !== undefined && text[start] === '<';
      if (kind && start !== undefined && end !== undefined && !indentedCode) {
        const source = text.slice(start, end);
        const plain = autolink ? (node as { url: string }).url : toPlainText(node);
        // "$ABC**bold**" would become "$ABCbold", another cashtag: such a fix is not certainly right, so none is offered.
        const fix = safeFix(text, [{ range: [start, end], text: plain }], analysis.entities);
        report({
          messageId: 'markdown',
          data: { channel: channel.name, kind, source: shorten(source), plain: shorten(plain) },
          start,
          end,
          ...(fix ? { fix } : {}),
        });
        return;
      }
      if ('children' in node) for (const child of (node as Parents).children) visit(child);
    };
    visit(tree);
  },
});

const shorten = (s: string) => (s.length > 60 ? s.slice(0, 57) + '...' : s);
