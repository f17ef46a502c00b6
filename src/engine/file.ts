import type { Diagnostic, LintResult } from '../core/types.js';
import { FRONT_MATTER_RULE } from '../core/problems.js';
import { PostlintConfigError } from '../core/errors.js';
import { channels as builtin } from '../channels/builtin.js';
import { isCampaignFile } from '../text/campaign-file.js';
import { mapResultToFile, splitDraft, type DraftSource } from '../text/draft.js';
import { draftFrontMatter } from '../text/front-matter.js';
import { LANGUAGE_SETTINGS, withLanguage } from './settings.js';
import { fixUntilStable } from '../text/edits.js';
import { lineStarts, positionAt } from '../text/positions.js';
import { DOCS_BASE } from '../rule/rule.js';
import { lintCampaignWithRuleSet, type CampaignLintResult } from './campaign.js';
import { lintWithRuleSet } from './lint.js';
import { lintThreadWithRuleSet } from './thread.js';
import type { LintOptions } from './options.js';
import type { RuleSet } from './settings.js';

export interface FileLintOptions extends LintOptions {
  /** Read front matter and campaign plans: the file is Markdown. */
  markdown?: boolean;
  /** The channel unless the draft's front matter names another (default `x`). */
  channel?: string;
}

/** One post of a linted draft file: the draft, or each post of a thread document. */
export interface LintedPost {
  /** "post 2/3" for a post of a thread document. */
  label?: string;
  result: LintResult;
  /** Where the post starts in the body (DraftSource.body). */
  bodyStart: number;
}

/** A linted file: one draft (every message in `result`, the measurement of its first post; each post in `posts`), or a campaign plan of several. */
export type LintedFile =
  | { kind: 'draft'; source: DraftSource; result: LintResult; posts: LintedPost[]; output?: string; fixed?: number }
  | { kind: 'campaign'; campaign: CampaignLintResult; output?: string; fixed?: number };

/**
 * Lints a file's text as the CLI and the language server both do: a Markdown campaign plan draft
 * by draft (`lintCampaign`), any other file as one draft without its front matter (whose `channel:`
 * it honours) and final line break, with positions, fixes and the overflow in the file's offsets.
 * A thread document (posts between lines of "---") is linted post by post. Directive comments are
 * applied by `lint`, `lintThread` and `lintCampaign` themselves.
 */
export function lintFile(ruleSet: RuleSet, text: string, options: FileLintOptions = {}): LintedFile {
  const markdown = options.markdown ?? false;
  const channel = options.channel ?? 'x';
  const { plan: planOptions, draft: draftOptions, fix } = derivedOptions(options);
  if (markdown && isCampaignFile(text)) {
    const campaign = lintCampaignWithRuleSet(ruleSet, text, planOptions);
    const linted: LintedFile = { kind: 'campaign', campaign };
    if (campaign.output !== undefined) Object.assign(linted, { output: campaign.output, fixed: campaign.fixed });
    return linted;
  }

  // The front matter is read once: fixes never touch it, so its channel holds for every pass.
  const first = splitDraft(text, { markdown });
  let draftChannelId = channel;
  let perDraft = draftOptions;
  const problems: Diagnostic[] = [];
  if (first.frontMatter) {
    const channels = [...new Set([...Object.keys(builtin), ...Object.keys(options.channels ?? {})])];
    const found = draftFrontMatter(first.frontMatter, { channels, languages: LANGUAGE_SETTINGS });
    if (found.channel !== undefined) draftChannelId = found.channel;
    if (found.language !== undefined) perDraft = withLanguage(draftOptions, found.language as LintOptions['language']);
    const starts = lineStarts(text);
    for (const problem of found.problems) {
      problems.push({ ruleId: FRONT_MATTER_RULE, severity: 'error', message: problem.message, messageId: 'frontMatter', start: positionAt(starts, problem.start), end: positionAt(starts, problem.end), url: DOCS_BASE + FRONT_MATTER_RULE });
    }
  }
  // A thread document (posts between lines of "---", as --split writes them) is linted post by post.
  const lintOnce = (current: string): { result: LintResult; posts: LintedPost[] } => {
    const source = current === text ? first : splitDraft(current, { markdown });
    const post = { text: source.body, channel: draftChannelId };
    const thread = lintThreadWithRuleSet(ruleSet, post, perDraft);
    const posts: LintedPost[] = thread
      ? thread.posts.map(({ start, result }, i) => ({ label: `post ${i + 1}/${thread.posts.length}`, result: mapResultToFile(source, result), bodyStart: start }))
      : [{ result: mapResultToFile(source, lintWithRuleSet(ruleSet, post, perDraft)), bodyStart: 0 }];
    if (problems.length) posts[0]!.result = { ...posts[0]!.result, messages: [...problems, ...posts[0]!.result.messages] };
    const messages = posts.length === 1 ? posts[0]!.result.messages : posts.flatMap((p) => p.result.messages);
    return { result: { ...posts[0]!.result, messages }, posts };
  };
  if (!fix) return { kind: 'draft', source: first, ...lintOnce(text) };
  let last: { result: LintResult; posts: LintedPost[] } | undefined;
  const run = fixUntilStable(text, (current) => (last = lintOnce(current)).result.messages);
  const linted: LintedFile = { kind: 'draft', source: first, ...last! };
  if (run.applied > 0) Object.assign(linted, { output: run.output, fixed: run.applied });
  return linted;
}

// Options objects derived once per caller's object: the settings they resolve to are cached by identity,
// and an editor lints the same file with the same options on every keystroke.
const derived = new WeakMap<FileLintOptions, { plan: LintOptions & { channel: string }; draft: LintOptions; fix: boolean }>();

function derivedOptions(options: FileLintOptions) {
  let found = derived.get(options);
  if (!found) {
    if (options.fix !== undefined && typeof options.fix !== 'boolean') throw new PostlintConfigError('fix', `expected true or false, got ${JSON.stringify(options.fix)}`);
    const { markdown: _markdown, channel = 'x', ...lintOptions } = options;
    found = { plan: { ...lintOptions, channel }, draft: { ...lintOptions, fix: false }, fix: lintOptions.fix === true };
    derived.set(options, found);
  }
  return found;
}
