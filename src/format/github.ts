import type { FormattedFile } from './types.js';
import { allMessages } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`,
 * which show as annotations on the pull request's changed lines.
 */
export function formatGithub(files: FormattedFile[]): string {
  let out = '';
  for (const file of files) {
    for (const m of allMessages(file)) {
      const properties = [
        `file=${escapeProperty(file.file)}`,
        `line=${m.start.line}`,
        `col=${m.start.column}`,
        `endLine=${m.end.line}`,
        `endColumn=${m.end.column}`,
        `title=${escapeProperty(`postlint(${m.ruleId})`)}`,
      ].join(',');
      out += `::${COMMAND[m.severity]} ${properties}::${escapeData(m.message)}\n`;
    }
  }
  return out;
}

// The runner's own escaping (actions/toolkit command.ts): data escapes % CR LF; properties also : and ,.
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
