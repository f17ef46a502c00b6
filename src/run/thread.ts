import type { Diagnostic, Fix, LintOptions, LintResult, Post } from '../types.js';
import { resolveChannel } from '../channels/define.js';
import { PostlintConfigError } from '../errors.js';
import { lineStarts, positionAt } from '../analyse/positions.js';
import { threadParts } from '../split/split.js';
import { DOCS_BASE, formatMessage, type Report } from './rule.js';
import { fixUntilStable } from './fix.js';
import { lintOnce } from './lint.js';
import { resolveSettings } from './settings.js';

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
 * see its posts. Undefined when the text is not a thread (fewer than two posts) or the channel
 * has no length limit, where a line of "---" is a page's rule and not a thread's cut.
 */
export function lintThread(post: Post, options: LintOptions = {}): ThreadLintResult | undefined {
  if (typeof post !== 'object' || post === null || typeof post.text !== 'string') {
    throw new PostlintConfigError('post.text', 'expected { text: string, channel?: string }');
  }
  if (options.fix !== undefined && typeof options.fix !== 'boolean') throw new PostlintConfigError('fix', `expected true or false, got ${JSON.stringify(options.fix)}`);
  const channel = resolveChannel(post.channel, resolveSettings(options).channels);
  if (!Number.isFinite(channel.limit) || threadParts(post.text).length < 2) return undefined;
  if (!options.fix) return { posts: lintPosts({ ...post, channel }, options) };
  let posts: ThreadPostResult[] = [];
  const { output } = fixUntilStable(post.text, (text) => (posts = lintPosts({ ...post, channel, text }, options)).flatMap((p) => p.result.messages));
  return { posts, output };
}

/** Every post of the document linted (one post when it is no thread), messages at document offsets. */
function lintPosts(post: Post, options: LintOptions): ThreadPostResult[] {
  const { text } = post;
  const settings = resolveSettings(options);
  const found = threadParts(text);
  const parts = found.length > 0 ? found : [{ start: 0, end: text.length }];
  const starts = lineStarts(text);
  const at = (offset: number) => positionAt(starts, offset);
  const moved = (m: Diagnostic, by: number): Diagnostic => {
    const shifted: Diagnostic = { ...m, start: at(m.start.offset + by), end: at(m.end.offset + by) };
    if (m.fix) shifted.fix = shiftFix(m.fix, by);
    if (m.suggestions) shifted.suggestions = m.suggestions.map((s) => ({ ...s, fix: shiftFix(s.fix, by) }));
    return shifted;
  };
  const posts = parts.map(({ start, end }): ThreadPostResult => {
    const result = lintOnce({ ...post, text: text.slice(start, end) }, options, (rule) => rule.meta.readsThread !== true);
    const measure = result.measure.overflowStart === undefined ? result.measure : { ...result.measure, overflowStart: result.measure.overflowStart + start };
    return { start, end, result: { ...result, measure, messages: result.messages.map((m) => moved(m, start)) } };
  });
  const postStarts = posts.map((p) => p.start);
  const postAt = (offset: number) => posts[postIndexAt(postStarts, offset)]!;

  // Rules that say which post of a thread holds what judge the whole document.
  if (settings.rules.some(({ rule }) => rule.meta.readsThread)) {
    for (const message of lintOnce(post, options, (rule) => rule.meta.readsThread === true).messages) postAt(message.start.offset).result.messages.push(message);
  }
  const channel = resolveChannel(post.channel, settings.channels);
  const texts = parts.map(({ start, end }) => ({ text: text.slice(start, end), start, end }));
  for (const { rule, severity, options: ruleOptions } of settings.rules) {
    if (!rule.checkThread) continue;
    const url = rule.meta.url ?? DOCS_BASE + rule.meta.id;
    const report = (found: Report) => {
      const start = Math.min(Math.max(0, Math.trunc(found.start) || 0), text.length);
      const end = Math.min(Math.max(start, Math.trunc(found.end) || 0), text.length);
      const diagnostic: Diagnostic = {
        ruleId: rule.meta.id,
        severity: found.severity ?? severity,
        message: formatMessage(rule.meta.messages[found.messageId] ?? found.messageId, found.data),
        messageId: found.messageId,
        start: at(start),
        end: at(end),
        url,
      };
      if (found.fix) diagnostic.fix = found.fix;
      if (found.suggestions?.length) diagnostic.suggestions = found.suggestions;
      if (found.details || found.data) diagnostic.data = { ...found.data, ...found.details };
      postAt(start).result.messages.push(diagnostic);
    };
    try {
      rule.checkThread({ parts: texts, channel, options: ruleOptions, report });
    } catch (error) {
      const message = `Rule "${rule.meta.id}" failed on this thread: ${error instanceof Error ? error.message : String(error)}. Please report it.`;
      posts[0]!.result.messages.push({ ruleId: rule.meta.id, severity: 'error', message, messageId: 'internal-error', start: at(0), end: at(0), url });
    }
  }
  for (const { result } of posts) {
    result.messages.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  }
  return posts;
}

/** The index of the post an offset is in: the last whose start is at or before it (the first for an offset before them all). */
export function postIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Messages in buckets by the post they start in. */
export function byPost<M extends { start: { offset: number } }>(starts: readonly number[], messages: readonly M[]): M[][] {
  const buckets = starts.map((): M[] => []);
  for (const message of messages) buckets[postIndexAt(starts, message.start.offset)]?.push(message);
  return buckets;
}

function shiftFix(fix: Fix, by: number): Fix {
  return { edits: fix.edits.map((edit) => ({ ...edit, range: [edit.range[0] + by, edit.range[1] + by] as [number, number] })) };
}
