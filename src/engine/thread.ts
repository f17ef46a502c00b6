import type { Channel, Diagnostic, Fix, LintResult, Post } from '../core/types.js';
import type { LintOptions } from './options.js';
import { resolveChannel } from '../channels/define.js';
import { PostlintConfigError } from '../core/errors.js';
import { mapSuggestions, withoutSuggestions } from '../core/lazy.js';
import { lastStartAtOrBefore, lineStarts, positionAt } from '../text/positions.js';
import { threadPartRanges } from '../text/thread-document.js';
import { applyDirectives, parseDirectives } from '../text/directives.js';
import { mapResultToFile, toFileOffset, withoutDirectives } from '../text/draft.js';
import { fixUntilStable } from '../text/edits.js';
import type { Report } from '../rule/rule.js';
import { lintDraft, reportedDiagnostic, ruleUrl, type LintedDraft } from './lint.js';
import { resolveSettings, type RuleSet } from './settings.js';

/** One post of a thread document, linted alone; every offset (fixes and suggestions too) is in the document. */
export interface ThreadPostResult {
  /** UTF-16 range of the post's text in the document, separators and surrounding white space left out. */
  start: number;
  end: number;
  result: LintResult;
}

export interface ThreadLintResult {
  posts: ThreadPostResult[];
  /** With `fix: true`: the document after every safe fix (the posts describe this text). */
  output?: string;
}

/**
 * Lints a thread document — posts between lines holding only "---" with a blank line before and
 * after, as `split`, `--split` and the max-length suggestion write them — post by post: each post
 * is measured for the channel and linted alone, rules that judge a thread's posts themselves
 * (`meta.readsThread`) see the whole document, and thread rules (`checkThread`: thread-numbering)
 * see its posts. Directive comments are honoured as `lint` honours them. Undefined when the text
 * is not a thread (fewer than two posts) or the channel has no length limit, where a line of
 * "---" is a page's rule and not a thread's cut.
 */
export function lintThreadWithRuleSet(ruleSet: RuleSet, post: Post, options: LintOptions = {}): ThreadLintResult | undefined {
  if (typeof post !== 'object' || post === null || typeof post.text !== 'string') {
    throw new PostlintConfigError('post.text', 'expected { text: string, channel?: string }');
  }
  if (options.fix !== undefined && typeof options.fix !== 'boolean') throw new PostlintConfigError('fix', `expected true or false, got ${JSON.stringify(options.fix)}`);
  const channel = resolveChannel(post.channel, resolveSettings(ruleSet, options).channels);
  if (!isThreadDocument(post.text.includes('<!--') ? withoutDirectives(post.text).body : post.text, channel)) return undefined;
  if (!options.fix) return { posts: lintPostsWithDirectives(ruleSet, { ...post, channel }, options) };
  let posts: ThreadPostResult[] = [];
  const { output } = fixUntilStable(post.text, (text) => (posts = lintPostsWithDirectives(ruleSet, { ...post, channel, text }, options)).flatMap((p) => p.result.messages));
  return { posts, output };
}

/** Whether a text is a thread document for the channel: two posts or more, for a channel with a length limit. */
export function isThreadDocument(text: string, channel: Channel): boolean {
  return Number.isFinite(channel.limit) && threadPartRanges(text).length >= 2;
}

/** The posts of a document with directive comments: linted without them, mapped back, then the directives applied. */
function lintPostsWithDirectives(ruleSet: RuleSet, post: Post & { channel: Channel }, options: LintOptions): ThreadPostResult[] {
  const { text } = post;
  const directives = text.includes('<!--') ? parseDirectives(text) : [];
  if (directives.length === 0) return lintThreadPosts(ruleSet, post, options).posts;
  const source = withoutDirectives(text, directives);
  const posts = lintThreadPosts(ruleSet, { ...post, text: source.body }, options).posts.map(({ start, end, result }) => ({
    start: toFileOffset(source, start, 'after'),
    end: toFileOffset(source, end, 'before'),
    result: mapResultToFile(source, result),
  }));
  const reportUnused = resolveSettings(ruleSet, options).reportUnusedDisableDirectives;
  const messages = applyDirectives(text, posts.flatMap((p) => p.result.messages), { reportUnused });
  // Each message (a directive's own included) goes with the post it is in.
  const buckets = byPost(posts.map((p) => p.start), messages);
  return posts.map((p, i) => ({ ...p, result: { ...p.result, messages: buckets[i]! } }));
}

/**
 * Every post of the document linted (one post when it is no thread), messages at document
 * offsets, no directives applied; `whole` is the lint of the whole document by the rules that read
 * a thread whole, when any is enabled (a campaign plan reads the draft's facts from it).
 */
export function lintThreadPosts(ruleSet: RuleSet, post: Post, options: LintOptions): { posts: ThreadPostResult[]; whole?: LintedDraft } {
  const { text } = post;
  const settings = resolveSettings(ruleSet, options);
  const found = threadPartRanges(text);
  const parts = found.length > 0 ? found : [{ start: 0, end: text.length }];
  const starts = lineStarts(text);
  const at = (offset: number) => positionAt(starts, offset);
  const moved = (m: Diagnostic, by: number): Diagnostic => {
    // Suggestions stay unread (a thread plan is computed when read) and are shifted when they are.
    const shifted: Diagnostic = { ...withoutSuggestions(m), start: at(m.start.offset + by), end: at(m.end.offset + by) };
    if (m.fix) shifted.fix = shiftFix(m.fix, by);
    mapSuggestions(m, shifted, (suggestions) => suggestions.map((s) => ({ ...s, fix: shiftFix(s.fix, by) })));
    return shifted;
  };
  const posts = parts.map(({ start, end }): ThreadPostResult => {
    const { result } = lintDraft(ruleSet, { ...post, text: text.slice(start, end) }, options, (rule) => rule.meta.readsThread !== true);
    const measure = result.measure.overflowStart === undefined ? result.measure : { ...result.measure, overflowStart: result.measure.overflowStart + start };
    const shifted: LintResult = { ...result, measure, messages: result.messages.map((m) => moved(m, start)) };
    // The phrases that carried key messages, at their place in the whole document like the messages.
    if (result.keyMessages) shifted.keyMessages = { ...result.keyMessages, phrases: result.keyMessages.phrases.map((p) => ({ ...p, start: at(p.start.offset + start), end: at(p.end.offset + start) })) };
    return { start, end, result: shifted };
  });
  const postStarts = posts.map((p) => p.start);
  const postAt = (offset: number) => posts[lastStartAtOrBefore(postStarts, offset)]!;

  // Rules that say which post of a thread holds what judge the whole document.
  let whole: LintedDraft | undefined;
  if (settings.rules.some(({ rule }) => rule.meta.readsThread)) {
    whole = lintDraft(ruleSet, post, options, (rule) => rule.meta.readsThread === true);
    for (const message of whole.result.messages) postAt(message.start.offset).result.messages.push(message);
  }
  const channel = resolveChannel(post.channel, settings.channels);
  const texts = parts.map(({ start, end }) => ({ text: text.slice(start, end), start, end }));
  for (const { id, rule, severity, options: ruleOptions } of settings.rules) {
    if (!rule.checkThread) continue;
    const url = ruleUrl(id, rule.meta.url);
    const report = (found: Report) => {
      const start = Math.min(Math.max(0, Math.trunc(found.start) || 0), text.length);
      const end = Math.min(Math.max(start, Math.trunc(found.end) || 0), text.length);
      postAt(start).result.messages.push(reportedDiagnostic(found, { ruleId: id, severity, url }, rule.meta.messages, at(start), at(end)));
    };
    try {
      rule.checkThread({ parts: texts, channel, options: ruleOptions, report });
    } catch (error) {
      const message = `Rule "${id}" failed on this thread: ${error instanceof Error ? error.message : String(error)}. Please report it.`;
      posts[0]!.result.messages.push({ ruleId: id, severity: 'error', message, messageId: 'internal-error', start: at(0), end: at(0), url });
    }
  }
  for (const { result } of posts) {
    result.messages.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  }
  return whole ? { posts, whole } : { posts };
}

/** Messages in buckets by the post they start in. */
export function byPost<M extends { start: { offset: number } }>(starts: readonly number[], messages: readonly M[]): M[][] {
  const buckets = starts.map((): M[] => []);
  for (const message of messages) buckets[lastStartAtOrBefore(starts, message.start.offset)]?.push(message);
  return buckets;
}

function shiftFix(fix: Fix, by: number): Fix {
  return { edits: fix.edits.map((edit) => ({ ...edit, range: [edit.range[0] + by, edit.range[1] + by] as [number, number] })) };
}
