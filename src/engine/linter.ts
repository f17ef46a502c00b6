import type { LintResult, Post } from '../core/types.js';
import type { Rule } from '../rule/rule.js';
import type { RuleSetting } from '../core/types.js';
import { lintCampaignWithRuleSet, type CampaignLintOptions, type CampaignLintResult } from './campaign.js';
import { lintWithRuleSet } from './lint.js';
import { splitCampaign } from './campaign-split.js';
import { lintFile, type FileLintOptions, type LintedFile } from './file.js';
import { lintThreadWithRuleSet, type ThreadLintResult } from './thread.js';
import type { LintOptions } from './options.js';
import { resolveSettings, type ResolvedSettings, type RuleSet } from './settings.js';

/** A linter bound to its rules: the engine knows no rule until one is handed to it here. */
export interface Linter {
  readonly rules: Readonly<Record<string, Rule<any>>>;
  readonly presets: Readonly<Record<string, Record<string, RuleSetting>>>;
  lint(post: Post, options?: LintOptions): LintResult;
  lintCampaign(markdown: string, options?: CampaignLintOptions): CampaignLintResult;
  /** A thread document (posts between lines of "---") post by post; undefined when the text is no thread. */
  lintThread(post: Post, options?: LintOptions): ThreadLintResult | undefined;
  /** A campaign plan with each draft too long for its channel written as a thread (`--split` on a plan). */
  splitCampaign(markdown: string, options?: CampaignLintOptions): string;
  /** A file's text as the CLI and the language server lint it: front matter, campaign plans, directives. */
  lintFile(text: string, options?: FileLintOptions): LintedFile;
  /** The rules a set of options enables, validated (throws PostlintConfigError naming the key). */
  resolveSettings(options: LintOptions): ResolvedSettings;
}

export function createLinter(ruleSet: RuleSet): Linter {
  const bound: RuleSet = { rules: ruleSet.rules, presets: ruleSet.presets };
  return {
    rules: bound.rules,
    presets: bound.presets,
    lint: (post, options = {}) => lintWithRuleSet(bound, post, options),
    lintCampaign: (markdown, options = {}) => lintCampaignWithRuleSet(bound, markdown, options),
    lintThread: (post, options = {}) => lintThreadWithRuleSet(bound, post, options),
    splitCampaign: (markdown, options = {}) => splitCampaign(bound, markdown, options),
    lintFile: (text, options = {}) => lintFile(bound, text, options),
    resolveSettings: (options) => resolveSettings(bound, options),
  };
}
