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
import { lintCampaign, type CampaignLintResult } from './campaign.js';
import { lint } from './lint.js';
import type { LintOptions } from './options.js';
import type { RuleSet } from './settings.js';

export interface FileLintOptions extends LintOptions {
  /** Read front matter and campaign plans: the file is Markdown. */
  markdown?: boolean;
  /** The channel unless the draft's front matter names another (default `x`). */
  channel?: string;
}

/** A linted file: one draft, or a campaign plan of several. */
export type LintedFile =
  | { kind: 'draft'; source: DraftSource; result: LintResult; output?: string; fixed?: number }
  | { kind: 'campaign'; campaign: CampaignLintResult; output?: string; fixed?: number };

/**
 * Lints a file's text as the CLI and the language server both do: a Markdown campaign plan draft
 * by draft (`lintCampaign`), any other file as one draft without its front matter (whose `channel:`
 * it honours) and final line break, with positions, fixes and the overflow in the file's offsets.
 * Directive comments are applied by `lint` and `lintCampaign` themselves.
 */
export function lintFile(ruleSet: RuleSet, text: string, options: FileLintOptions = {}): LintedFile {
  const markdown = options.markdown ?? false;
  const channel = options.channel ?? 'x';
  const { plan: planOptions, draft: draftOptions, fix } = derivedOptions(options);
  if (markdown && isCampaignFile(text)) {
    const campaign = lintCampaign(ruleSet, text, planOptions);
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
  const lintOnce = (current: string): LintResult => {
    const source = current === text ? first : splitDraft(current, { markdown });
    const result = mapResultToFile(source, lint(ruleSet, { text: source.body, channel: draftChannelId }, perDraft));
    return problems.length ? { ...result, messages: [...problems, ...result.messages] } : result;
  };
  if (!fix) return { kind: 'draft', source: first, result: lintOnce(text) };
  let last: LintResult | undefined;
  const run = fixUntilStable(text, (current) => (last = lintOnce(current)).messages);
  const linted: LintedFile = { kind: 'draft', source: first, result: last! };
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
