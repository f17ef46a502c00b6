import { formatStylish, type Colors } from './stylish.js';
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatHtml } from './html.js';
import type { FormatContext, FormattedFile, Formatter } from './types.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Renders results in one of the named formats. Pure: the CLI decides where the string goes. */
export function format(name: FormatName, files: FormattedFile[], context: FormatContext, colors?: Colors): string {
  switch (name) {
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, context);
    case 'github':
      return formatGithub(files);
    case 'compact':
      return formatCompact(files);
    case 'html':
      return formatHtml(files, context);
    default:
      return formatStylish(files, colors, { verbose: context.verbose === true });
  }
}

export { formatCompact, formatGithub, formatHtml, formatJson, formatSarif };
export type { FormatContext, FormattedFile, Formatter };
