/**
 * postlint: lint a drafted social-media post for the channel it is meant for.
 * The pipeline: parse the draft -> measure it for its channel -> analyse the text once -> run the rules -> report.
 * Everything exported here is pure: no fs, network or process, so it runs in Node, browsers and editors.
 */
import { rules } from '../rules/index.js';
import { presets } from '../rules/presets.js';
import { createLinter, type Linter } from './engine/linter.js';
// The engine's functions have names of their own: bundled into one chunk beside these, a clash would
// have the bundler rename one, and `lint.name` would read 'lint2' in a stack trace (test/package checks it).
import { lintWithRuleSet } from './engine/lint.js';
import { lintCampaignWithRuleSet } from './engine/campaign.js';
import { lintThreadWithRuleSet } from './engine/thread.js';

const builtIn = { rules, presets };
/** The built-in linter: every built-in rule and preset, handed to the engine here and nowhere else. */
export const linter = /* @__PURE__ */ createLinter(builtIn);
// lint, lintCampaign and lintThread stand alone rather than as `linter.lint`, so a bundle that imports only
// lint() leaves out the campaign and file code (YAML front matter, campaign plans) it never calls.
/** Lints one draft for its channel (see createLinter). */
export const lint: Linter['lint'] = (post, options = {}) => lintWithRuleSet(builtIn, post, options);
/** Lints a Markdown campaign file draft by draft, then the plan's coverage. */
export const lintCampaign: Linter['lintCampaign'] = (markdown, options = {}) => lintCampaignWithRuleSet(builtIn, markdown, options);
/** Lints a thread document (posts between lines of "---", as `split` writes them) post by post. */
export const lintThread: Linter['lintThread'] = (post, options = {}) => lintThreadWithRuleSet(builtIn, post, options);
export { rules, presets, createLinter };
export type { Linter } from './engine/linter.js';
export type { LintOptions, Plugin } from './engine/options.js';
// The type of `LintOptions.wordVectors`, which @postlint/vectors-en's englishWordVectors() returns.
export type { WordVectors } from './facts/word-vectors.js';
export type { RuleSet } from './engine/settings.js';
export { type CampaignLintOptions, type CampaignLintResult, type CampaignPost, type KeyMessageReach } from './engine/campaign.js';
export type { ThreadLintResult, ThreadPostResult } from './engine/thread.js';
export { validateCampaign, type CampaignIssue } from './engine/campaign-schema.js';
export { measure, type MeasureOptions } from './channels/measure.js';
export { channels } from './channels/builtin.js';
export { defineChannel, counters, type ChannelSpec } from './channels/define.js';
export { defineRule, formatMessage, type Rule, type RuleMeta, type RuleContext, type RuleExample, type Report, type PlanContext, type PlanDraft, type ThreadContext } from './rule/rule.js';
export { Analysis } from './facts/analysis.js';
export { compileLexicon, type Lexicon, type LexiconEntry, type LexiconHit } from './facts/lexicon.js';
export { toVFileMessage } from './format/vfile.js';
export { describeMeasurement, describeCount, countProblems, describeProblems, type ProblemCounts } from './format/summary.js';
export { formatStylish, type FileResult, type StylishOptions } from './format/stylish.js';
export { PostlintConfigError } from './core/errors.js';
export { validateContacts, type OwnContacts } from './facts/own-contacts.js';
export { validateProducts, type Products, type ProductHit, type ProductPlace } from './facts/products.js';
export type * from './core/types.js';
export { applyFixes, applyFix, safeFix, brokenOutsideEdits, MAX_FIX_PASSES, type AppliedFixes } from './text/edits.js';
export { split, planThread, threadEdits, threadParts, threadPartRanges, THREAD_SEPARATOR, type SplitOptions, type ThreadPlan } from './split/index.js';
export { applyDirectives, parseDirectives, UNUSED_DIRECTIVE_RULE, type Directive, type DirectiveKind, type DirectiveOptions } from './text/directives.js';
export { format, FORMATS, formatJson, formatSarif, formatGithub, formatCompact, formatHtml, type FormatName, type FormattedFile, type FormatContext } from './format/index.js';
