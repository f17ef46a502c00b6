import { VFileMessage } from 'vfile-message';
import type { Diagnostic } from '../core/types.js';

/** A postlint diagnostic as a vfile message, for unified tooling (vfile-reporter, unified-language-server). */
export function toVFileMessage(diagnostic: Diagnostic, file?: string): VFileMessage {
  const message = new VFileMessage(diagnostic.message, {
    place: {
      start: { line: diagnostic.start.line, column: diagnostic.start.column, offset: diagnostic.start.offset },
      end: { line: diagnostic.end.line, column: diagnostic.end.column, offset: diagnostic.end.offset },
    },
    ruleId: diagnostic.ruleId,
    source: 'postlint',
  });
  message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined;
  message.url = diagnostic.url;
  if (file !== undefined) message.file = file;
  if (diagnostic.suggestions) message.expected = diagnostic.suggestions.map((s) => s.title);
  return message;
}
