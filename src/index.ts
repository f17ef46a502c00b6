/**
 * postlint: lint a drafted social-media post for the channel it is meant for.
 * The pipeline: parse the draft -> measure it for its channel -> analyse the text once -> run the rules -> report.
 * Everything exported here is pure: no fs, network or process, so it runs in Node, browsers and editors.
 */
export { lint } from './run/lint.js';
export { lintCampaign, type CampaignLintOptions, type CampaignLintResult, type CampaignPost, type KeyMessageReach } from './run/campaign.js';
export { lintThread, type ThreadLintResult, type ThreadPostResult } from './run/thread.js';
export { validateCampaign, type CampaignIssue } from './run/campaign-schema.js';
export { measure, type MeasureOptions } from './measure/measure.js';
export { channels } from './channels/builtin.js';
export { defineChannel, counters, type ChannelSpec } from './channels/define.js';
export { rules } from '../rules/index.js';
export { presets } from './run/presets.js';
export { defineRule, formatMessage, type Rule, type RuleMeta, type RuleContext, type RuleExample, type Report, type PlanContext, type PlanDraft, type ThreadContext } from './run/rule.js';
export { Analysis } from './analyse/analysis.js';
export { compileLexicon, type Lexicon, type LexiconEntry, type LexiconHit } from './analyse/lexicon.js';
export { toVFileMessage } from './report/vfile.js';
export { describeMeasurement } from './report/summary.js';
export { formatStylish, type FileResult } from './report/stylish.js';
export { PostlintConfigError } from './errors.js';
export { validateProducts, type Products, type ProductHit, type ProductPlace } from './run/products.js';
export type * from './types.js';
export { applyFixes, applyFix, safeFix, brokenOutsideEdits, MAX_FIX_PASSES, type AppliedFixes } from './run/fix.js';
export { split, planThread, threadEdits, splitThread, threadParts, THREAD_SEPARATOR, type SplitOptions, type ThreadPlan } from './split/index.js';
export { applyDirectives, parseDirectives, UNUSED_DIRECTIVE_RULE, type Directive, type DirectiveKind, type DirectiveOptions } from './report/directives.js';
export { format, FORMATS, formatJson, formatSarif, formatGithub, formatCompact, type FormatName, type FormattedFile, type FormatContext } from './report/formats/index.js';
