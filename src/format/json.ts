import type { FormattedFile } from './types.js';
import { allMessages } from './types.js';

/**
 * One object per file, stable for scripts: counts, the channel and measurement, the messages,
 * and `output` when fixes changed the text. Files holding several posts also list `posts`.
 */
export function formatJson(files: FormattedFile[]): string {
  return JSON.stringify(files.map(toJsonFile), null, 2) + '\n';
}

export function toJsonFile(file: FormattedFile) {
  const messages = allMessages(file);
  const first = file.posts[0]?.result;
  const count = (severity: string, fixable = false) => messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    filePath: file.file,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
    channel: first?.channel,
    language: first?.language,
    measure: first?.measure,
    messages,
    ...(file.posts.length > 1 ? { posts: file.posts.map((p) => ({ label: p.label, ...p.result })) } : {}),
    ...(file.output !== undefined ? { output: file.output, fixed: file.fixed ?? 0 } : {}),
  };
}
