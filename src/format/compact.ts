import type { FormattedFile } from './types.js';
import { allMessages } from './types.js';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** ESLint's compact format: one line per problem, for grep and editors' problem matchers. */
export function formatCompact(files: FormattedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const m of allMessages(file)) {
      lines.push(`${file.file}: line ${m.start.line}, col ${m.start.column}, ${LABEL[m.severity]} - ${m.message} (${m.ruleId})`);
    }
  }
  if (lines.length > 0) lines.push('', `${lines.length} problem${lines.length === 1 ? '' : 's'}`);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
