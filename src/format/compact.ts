import type { FormattedFile } from './types.js';
import { allMessages } from './types.js';
import { countProblems, describeProblems, oneLine } from './summary.js';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** ESLint's compact format: one line per problem, for grep and editors' problem matchers. */
export function formatCompact(files: FormattedFile[]): string {
  const lines: string[] = [];
  const messages = files.flatMap(allMessages);
  for (const file of files) {
    for (const m of allMessages(file)) {
      lines.push(`${file.file}: line ${m.start.line}, col ${m.start.column}, ${LABEL[m.severity]} - ${oneLine(m.message)} (${m.ruleId})`);
    }
  }
  const summary = describeProblems(countProblems(messages));
  if (summary) lines.push('', summary);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
