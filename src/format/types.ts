import type { Rule } from '../rule/rule.js';
import type { FileResult } from './stylish.js';

/** A linted file as the formatters see it: its results plus, when known, the text and the fixed text. */
export interface FormattedFile extends FileResult {
  /** The file's text as linted (fingerprints and the fixed-output view use it). */
  source?: string;
  /** The text after fixes, when fixes were applied or dry-run. */
  output?: string;
  /** How many fixes were applied. */
  fixed?: number;
}

export interface FormatContext {
  /** Every rule that may appear in the results (built-ins plus plugins), for SARIF's rule table. */
  rules: Record<string, Rule<any>>;
  version: string;
}

export function allMessages(file: FileResult) {
  return file.posts.flatMap((post) => post.result.messages);
}
