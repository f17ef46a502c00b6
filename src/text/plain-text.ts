import type { Nodes } from 'mdast';

/**
 * What a channel that does not render Markdown should show for a Markdown node: the words, with a
 * link's URL after its text ("text URL", or the URL alone when the text is the URL).
 */
export function toPlainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ? `${node.alt} ${node.url}` : node.url;
    case 'link': {
      const label = node.children.map(toPlainText).join('');
      return label === '' || label === node.url || 'mailto:' + label === node.url ? node.url : `${label} ${node.url}`;
    }
    default:
      return 'children' in node ? node.children.map(toPlainText).join('') : 'value' in node ? String(node.value) : '';
  }
}
