import type { Campaign, ChannelId, Diagnostic, Fix, LintResult, Position, Severity, Suggestion } from '../core/types.js';
import type { LintOptions } from './options.js';
import { channels as builtin } from '../channels/builtin.js';
import { resolveChannel } from '../channels/define.js';
import { PostlintConfigError } from '../core/errors.js';
import { mapSuggestions } from '../core/lazy.js';
import { lineStarts, positionAt } from '../text/positions.js';
import { displayText, parseCampaignFile, sourceOffset, type DisplayText } from '../text/campaign-file.js';
import { languageKey, rangeOf, yamlProblems } from '../text/front-matter.js';
import { applyDirectives, parseDirectives } from '../text/directives.js';
import { toFileOffset, withoutDirectives } from '../text/draft.js';
import { fixUntilStable } from '../text/edits.js';
import { CAMPAIGN_FILE_RULE, FRONT_MATTER_RULE } from '../core/problems.js';
import { DOCS_BASE, formatMessage, type PlanDraft, type Report } from '../rule/rule.js';
import { validateCampaign } from './campaign-schema.js';
import { lintDraft, ruleUrl } from './lint.js';
import { LANGUAGE_SETTINGS, resolveSettings, withLanguage, type ResolvedSettings, type RuleSet } from './settings.js';
import { isThreadDocument, lintThreadPosts } from './thread.js';
import { Analysis } from '../facts/analysis.js';

export interface CampaignLintOptions extends LintOptions {
  /** Channel of a plain `.md` file that is one post (default `x`). */
  channel?: ChannelId;
}

/** One draft of a campaign file, linted for its own channel; positions are in the Markdown source. */
export interface CampaignPost {
  channel: ChannelId;
  label?: string;
  /** The draft as written, which is what the channel gets when it is copied there. */
  text: string;
  /** Where the draft's text starts and ends in the source file. */
  start: Position;
  end: Position;
  /** Every message of the draft; for a thread, the measurement of its longest post (the first that does not fit). */
  result: LintResult;
  /** A draft written as a thread (posts between lines of "---"): each post, linted alone. */
  thread?: { start: Position; end: Position; result: LintResult }[];
}

/** For each key message, the drafts that carry it (indices into `posts`) and the listed channels none carries it on. */
export interface KeyMessageReach {
  id: string;
  carriedBy: number[];
  missingOn: ChannelId[];
}

export interface CampaignLintResult {
  /** The campaign, from the file's front matter or `options.campaign`; undefined when there is none or it is invalid. */
  campaign?: Campaign;
  posts: CampaignPost[];
  coverage: KeyMessageReach[];
  /** Campaign-level messages: mistakes in the front matter or headings, and plan rules (campaign-coverage). */
  messages: Diagnostic[];
  /** With `fix: true`: the file after applying every safe fix (the result describes this text). */
  output?: string;
  /** With `fix: true`: how many fixes went in. */
  fixed?: number;
}

/**
 * Lints a Markdown campaign file: YAML front matter with the campaign (name, theme, hashtags, link,
 * keyMessages), then one `## channel` or `## channel: label` section per draft. Every draft is
 * linted as written for its channel (Markdown a channel does not render is reported, as in a single
 * draft), with positions in the source; then the plan's coverage. A file without campaign front
 * matter is one post, for `options.channel`. Directive comments anywhere in the file apply to every
 * message at their place, as in `lint`; with `fix: true` fixes are applied to the file until stable.
 * Pure: no fs, runs in a browser.
 */
export function lintCampaignWithRuleSet(ruleSet: RuleSet, markdown: string, options: CampaignLintOptions = {}): CampaignLintResult {
  if (typeof markdown !== 'string') throw new PostlintConfigError('markdown', 'expected the campaign file as a string');
  const fix = options.fix;
  if (fix !== undefined && typeof fix !== 'boolean') throw new PostlintConfigError('fix', `expected true or false, got ${JSON.stringify(fix)}`);
  if (!fix) return lintPlan(ruleSet, markdown, options);
  let last: CampaignLintResult | undefined;
  const run = fixUntilStable(markdown, (text) => campaignMessages((last = lintPlan(ruleSet, text, options))));
  if (run.applied === 0) return last!;
  return { ...last!, output: run.output, fixed: run.applied };
}

/** Every message of a plan's result: the plan's own, then each draft's. */
export function campaignMessages(result: CampaignLintResult): Diagnostic[] {
  return [...result.messages, ...result.posts.flatMap((p) => p.result.messages)];
}

function lintPlan(ruleSet: RuleSet, markdown: string, options: CampaignLintOptions): CampaignLintResult {
  const file = parseCampaignFile(markdown);
  const starts = lineStarts(markdown);
  const position = (offset: number) => positionAt(starts, Math.min(Math.max(0, offset), markdown.length));
  const messages: Diagnostic[] = [];
  const fileMessage = (ruleId: string, messageId: string, message: string, start: number, end: number): void => {
    messages.push({ ruleId, severity: 'error', message, messageId, start: position(start), end: position(end), url: DOCS_BASE + ruleId });
  };
  const settings = resolveSettings(ruleSet, options);

  let campaign: Campaign | undefined;
  const frontMatter = file.frontMatter;
  if (frontMatter && frontMatter.document.errors.length) {
    for (const problem of yamlProblems(frontMatter)) fileMessage(FRONT_MATTER_RULE, 'yaml', problem.message, problem.start, problem.end);
  } else if (file.isCampaign && frontMatter) {
    const checked = validatedFrontMatter(frontMatter.yaml, frontMatter.data);
    for (const issue of checked.issues) {
      const [start, end] = rangeOf(frontMatter, issue.path);
      fileMessage(FRONT_MATTER_RULE, 'campaign', `Campaign ${issue.path.join('.') || 'front matter'}: ${issue.message}`, start, end);
    }
    campaign = checked.campaign;
    campaign?.keyMessages.forEach((message, index) => {
      message.channels?.forEach((channel, k) => {
        if (channel in channelsOf(settings.channels)) return;
        const [start, end] = rangeOf(frontMatter, ['keyMessages', index, 'channels', k]);
        fileMessage(FRONT_MATTER_RULE, 'unknown-channel', `Unknown channel "${channel}" in keyMessages.${index}.channels; use one of ${Object.keys(channelsOf(settings.channels)).join(', ')}`, start, end);
      });
    });
  } else if (options.campaign !== undefined) {
    campaign = options.campaign;
  }
  const postOptions = draftOptions(options, campaign);
  // A plan's `lang:` is every draft's language unless a heading's `{lang=…}` says otherwise.
  let planLanguage: string | undefined;
  if (frontMatter && !frontMatter.document.errors.length && typeof frontMatter.data === 'object' && frontMatter.data !== null) {
    const found = languageKey((frontMatter.data as Record<string, unknown>).lang, LANGUAGE_SETTINGS);
    planLanguage = found.language;
    if (found.problem) fileMessage(FRONT_MATTER_RULE, 'unknown-language', found.problem[0]!.toUpperCase() + found.problem.slice(1), ...rangeOf(frontMatter, ['lang']));
  }

  // The drafts: one per `##` section of a campaign file, or the whole body of a plain file.
  const drafts: { channel: ChannelId; label?: string; language?: string; nodes: typeof file.body; headingStart: number; headingEnd: number }[] = [];
  if (file.isCampaign) {
    const known = channelsOf(settings.channels);
    for (const section of file.sections) {
      if (!(section.channel in known)) {
        fileMessage(
          CAMPAIGN_FILE_RULE,
          'unknown-channel',
          `Unknown channel "${section.channel}" in this heading; start a draft's heading with a channel id (${Object.keys(known).join(', ')}), e.g. "## linkedin: launch day"`,
          section.headingStart,
          section.headingEnd,
        );
        continue;
      }
      const draft: (typeof drafts)[number] = { channel: section.channel, nodes: section.nodes, headingStart: section.headingStart, headingEnd: section.headingEnd };
      if (section.label) draft.label = section.label;
      const language = languageKey(section.lang, LANGUAGE_SETTINGS);
      if (language.problem) fileMessage(CAMPAIGN_FILE_RULE, 'unknown-language', `Unknown language "${section.lang}" in this heading's {lang=…}; use one of ${LANGUAGE_SETTINGS.join(', ')}, e.g. "## x: lancement {lang=fr}"`, section.headingStart, section.headingEnd);
      const own = language.language ?? planLanguage;
      if (own !== undefined) draft.language = own;
      drafts.push(draft);
    }
    if (file.sections.length === 0) fileMessage(CAMPAIGN_FILE_RULE, 'no-drafts', 'This campaign file has no drafts: add a section per draft, e.g. "## x" or "## linkedin: launch day"', frontMatter?.start ?? 0, frontEnd(markdown, frontMatter?.end ?? 0));
  } else {
    const draft: (typeof drafts)[number] = { channel: options.channel ?? 'x', nodes: file.body, headingStart: 0, headingEnd: 0 };
    if (planLanguage !== undefined) draft.language = planLanguage;
    drafts.push(draft);
  }

  const planDrafts: PlanDraft[] = [];
  const posts: CampaignPost[] = drafts.map((draft) => {
    const channel = resolveChannel(draft.channel, settings.channels);
    // Directive comments are never published: the channel gets the draft without them.
    const nodes = draft.nodes.filter((node) => !(node.type === 'html' && isDirectiveBlock(node.value ?? '')));
    const display = withoutComments(displayText(markdown, nodes));
    const draftPostOptions = withLanguage(postOptions, draft.language as LintOptions['language']);
    const inSource = (result: LintResult): LintResult => ({ ...result, messages: result.messages.map((m) => toSource(m, display, markdown, position)) });
    // A draft written as a thread (posts between lines of "---") is linted post by post.
    let parts: CampaignPost['thread'];
    let result: LintResult;
    let analysis: Analysis;
    if (isThreadDocument(display.text, channel)) {
      const thread = lintThreadPosts(ruleSet, { text: display.text, channel }, draftPostOptions);
      parts = thread.posts.map(({ start, end, result: partResult }) => ({ start: position(sourceOffset(display, start)), end: position(sourceOffset(display, end, true)), result: inSource(partResult) }));
      result = threadResult(parts.map((p) => p.result), campaign);
      analysis = thread.whole?.analysis ?? new Analysis(display.text);
    } else {
      const linted = lintDraft(ruleSet, { text: display.text, channel }, draftPostOptions, undefined, true);
      result = inSource(linted.result);
      analysis = linted.analysis;
    }
    const post: CampaignPost = {
      channel: channel.id,
      text: display.text,
      start: position(sourceOffset(display, 0)),
      end: position(sourceOffset(display, display.text.length, true)),
      result,
    };
    if (parts) post.thread = parts;
    if (result.keyMessages) {
      // The carrying phrases point into the Markdown source, like the messages.
      const phrases = result.keyMessages.phrases.map((phrase) => {
        const start = sourceOffset(display, phrase.start.offset);
        const end = Math.max(start, sourceOffset(display, phrase.end.offset, phrase.end.offset > phrase.start.offset));
        return { ...phrase, start: position(start), end: position(end) };
      });
      post.result.keyMessages = { ...result.keyMessages, phrases };
    }
    if (draft.label) post.label = draft.label;
    const hashtags = analysis.hashtags.map((h) => ({ text: display.text.slice(h.start, h.end), start: sourceOffset(display, h.start), end: sourceOffset(display, h.end, true) }));
    const planDraft: PlanDraft = { channel, keyMessages: post.result.keyMessages ?? { carried: [], missing: [], phrases: [] }, hashtags };
    if (draft.label) planDraft.label = draft.label;
    planDrafts.push(planDraft);
    return post;
  });

  const coverage: KeyMessageReach[] = (campaign?.keyMessages ?? []).map((message) => {
    const carriedBy = posts.flatMap((p, i) => (p.result.keyMessages?.carried.includes(message.id) ? [i] : []));
    const missingOn = (message.channels ?? []).filter((c) => !carriedBy.some((i) => posts[i]!.channel === c));
    return { id: message.id, carriedBy, missingOn };
  });

  if (campaign && file.isCampaign) {
    const keyMessageRanges = new Map(campaign.keyMessages.map((m, i) => [m.id, rangeOf(frontMatter!, ['keyMessages', i, 'id'])] as const));
    const draftRanges = drafts.map((d) => [d.headingStart, d.headingEnd] as [number, number]);
    for (const { id, rule, severity, options: ruleOptions } of settings.rules) {
      if (!rule.checkPlan) continue;
      const report = (found: Report) => {
        messages.push({
          ruleId: id,
          severity: found.severity ?? severity,
          message: formatMessage(rule.meta.messages[found.messageId] ?? found.messageId, found.data),
          messageId: found.messageId,
          start: position(found.start),
          end: position(Math.max(found.start, found.end)),
          url: ruleUrl(id, rule.meta.url),
          ...(found.data || found.details ? { data: { ...found.data, ...found.details } } : {}),
        });
      };
      rule.checkPlan({ campaign, drafts: planDrafts, keyMessageRanges, draftRanges, options: ruleOptions, report });
    }
  }
  messages.sort((a, b) => a.start.offset - b.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const result: CampaignLintResult = { posts, coverage, messages };
  if (campaign) result.campaign = campaign;
  return withDirectives(markdown, result, settings);
}

/** The end of the front matter's closing fence, before its line break. */
function frontEnd(markdown: string, end: number): number {
  return end > 0 && markdown[end - 1] === '\n' ? end - (markdown[end - 2] === '\r' ? 2 : 1) : end;
}

/** An HTML block of postlint directive comments only: not part of any post. */
function isDirectiveBlock(html: string): boolean {
  const directives = parseDirectives(html);
  return directives.length > 0 && withoutDirectives(html, directives).body.trim() === '';
}

/** A draft's display text without directive comments, its offsets still pointing into the source. */
function withoutComments(display: DisplayText): DisplayText {
  if (!display.text.includes('<!--')) return display;
  const source = withoutDirectives(display.text);
  if (source.removed.length === 0) return display;
  const offsets: number[] = [];
  for (let i = 0; i <= source.body.length; i++) offsets.push(sourceOffset(display, toFileOffset(source, i, 'after')));
  return { text: source.body, start: offsets[0]!, offsets };
}

/** Drops what the file's directive comments disable, from the plan's messages and every draft's. */
function withDirectives(markdown: string, result: CampaignLintResult, settings: ResolvedSettings): CampaignLintResult {
  if (!markdown.includes('<!--') || parseDirectives(markdown).length === 0) return result;
  const all = campaignMessages(result);
  const kept = applyDirectives(markdown, all, { reportUnused: settings.reportUnusedDisableDirectives, knownRules: settings.knownRuleIds });
  const keptSet = new Set(kept);
  const added = kept.filter((m) => !all.includes(m));
  return {
    ...result,
    messages: [...result.messages.filter((m) => keptSet.has(m)), ...added].sort((a, b) => a.start.offset - b.start.offset),
    posts: result.posts.map((post) => ({ ...post, result: { ...post.result, messages: post.result.messages.filter((m) => keptSet.has(m)) } })),
  };
}

/** A thread draft's result: every post's messages, the measurement of the post furthest over (or nearest) its limit, what any post carries. */
function threadResult(posts: LintResult[], campaign: Campaign | undefined): LintResult {
  const fullest = posts.reduce((a, b) => (b.measure.count - b.measure.limit > a.measure.count - a.measure.limit ? b : a));
  const result: LintResult = { ...fullest, messages: posts.flatMap((p) => p.messages) };
  if (fullest.keyMessages) {
    const carried = new Set(posts.flatMap((p) => p.keyMessages?.carried ?? []));
    const missing = fullest.keyMessages.missing.filter((id) => !carried.has(id) && posts.every((p) => p.keyMessages?.missing.includes(id)));
    // Each post's carrying phrases, already at their place in the whole draft.
    const phrases = posts.flatMap((p) => p.keyMessages?.phrases ?? []);
    result.keyMessages = { carried: (campaign?.keyMessages ?? []).map((m) => m.id).filter((id) => carried.has(id)), missing, phrases };
  }
  return result;
}

// An editor lints the same plan on every keystroke: reuse the validated campaign while its front
// matter is unchanged, and the drafts' options object, so campaign and settings compile once.
let lastFrontMatter: { source: string; checked: ReturnType<typeof validateCampaign> } | undefined;
const draftOptionsCache = new WeakMap<LintOptions, Map<Campaign | undefined, LintOptions>>();

function validatedFrontMatter(source: string, data: unknown): ReturnType<typeof validateCampaign> {
  if (lastFrontMatter?.source !== source) lastFrontMatter = { source, checked: validateCampaign(data) };
  return lastFrontMatter.checked;
}

function draftOptions(options: CampaignLintOptions, campaign: Campaign | undefined): LintOptions {
  let byCampaign = draftOptionsCache.get(options);
  if (!byCampaign) draftOptionsCache.set(options, (byCampaign = new Map()));
  let result = byCampaign.get(campaign);
  if (!result) {
    const { channel: _channel, campaign: _campaign, ...rest } = options;
    result = campaign ? { ...rest, campaign } : rest;
    // One entry per campaign object: a plan edited often must not grow the map.
    if (byCampaign.size > 8) byCampaign.clear();
    byCampaign.set(campaign, result);
  }
  return result;
}

function channelsOf(custom: LintOptions['channels']) {
  return { ...builtinIds, ...custom };
}

const builtinIds: Record<string, unknown> = builtin;

/** A draft's diagnostic with positions in the Markdown source; a fix is kept only where the source reads exactly as the draft. */
export function toSource(diagnostic: Diagnostic, display: DisplayText, markdown: string, position: (offset: number) => Position): Diagnostic {
  const start = sourceOffset(display, diagnostic.start.offset);
  const end = Math.max(start, sourceOffset(display, diagnostic.end.offset, diagnostic.end.offset > diagnostic.start.offset));
  // Copied key by key in the diagnostic's order, leaving out its fix and suggestions (they are
  // mapped below, and go last): a spread followed by deleting the fix left a slow dictionary object.
  const mapped = {} as Record<string, unknown>;
  for (const key of Object.keys(diagnostic) as (keyof Diagnostic)[]) {
    if (key === 'suggestions' || key === 'fix') continue;
    mapped[key] = key === 'start' ? position(start) : key === 'end' ? position(end) : diagnostic[key];
  }
  const fix = diagnostic.fix && mapFix(diagnostic.fix, display, markdown);
  if (fix) mapped.fix = fix;
  mapSuggestions(diagnostic, mapped as unknown as Diagnostic, (suggestions) => {
    const kept: Suggestion[] = [];
    for (const s of suggestions) {
      const mappedFix = mapFix(s.fix, display, markdown);
      if (mappedFix) kept.push({ title: s.title, fix: mappedFix });
    }
    return kept;
  });
  return mapped as unknown as Diagnostic;
}

function mapFix(fix: Fix, display: DisplayText, markdown: string): Fix | undefined {
  const edits = [];
  for (const edit of fix.edits) {
    const [from, to] = edit.range;
    const start = sourceOffset(display, from);
    const end = to > from ? sourceOffset(display, to, true) : start;
    // Only where the source is the display text character for character (no Markdown in between).
    if (markdown.slice(start, end) !== display.text.slice(from, to)) return undefined;
    edits.push({ range: [start, end] as [number, number], text: edit.text });
  }
  return { edits };
}
