import type { Rule } from '../rule/rule.js';
import type { FileResult } from './stylish.js';
import type { CampaignLintResult } from '../engine/campaign.js';

/** A linted file as the formatters see it: its results plus, when known, the text and the fixed text. */
export interface FormattedFile extends FileResult {
  /** The file's text as linted (fingerprints and the fixed-output view use it). */
  source?: string;
  /** The text after fixes, when fixes were applied or dry-run. */
  output?: string;
  /** How many fixes were applied. */
  fixed?: number;
  /** A campaign plan's whole result: the campaign, each draft's place in the file, the coverage. */
  campaign?: CampaignLintResult;
}

export interface FormatContext {
  /** Every rule that may appear in the results (built-ins plus plugins), for SARIF's rule table. */
  rules: Record<string, Rule<any>>;
  version: string;
  /** Also list clean files and drafts (stylish, html). */
  verbose?: boolean;
}

/** A custom formatter (`--format ./my-formatter.js`): its default export. */
export type Formatter = (files: FormattedFile[], context: FormatContext) => string | Promise<string>;

/** The file's own messages, then each post's, in order. */
export function allMessages(file: FileResult) {
  return [...(file.messages ?? []), ...file.posts.flatMap((post) => post.result.messages)];
}
