import type { ResolvedConfig } from '../node/config.js';
import { toFileOffset, withoutDirectives } from '../text/draft.js';
import { lintFile } from '../node/engine.js';
import { isCampaignFile } from '../text/campaign-file.js';
import type { WordVectors } from '../facts/word-vectors.js';
import type { Diagnostic, Measurement } from '../core/types.js';

/** One draft's measurement and where the counter shows: the draft's heading or first line. */
export interface DraftMeasure {
  anchor: number;
  measurement: Measurement;
}

/** Something that stops a document being linted (a broken config), at document offsets. */
export interface SettingsProblem {
  message: string;
  start: number;
  end: number;
}

/** The last lint of one document version: everything diagnostics, code actions and hints need. */
export interface LintedDocument {
  version: number;
  /** The rules' messages, every offset (fixes and suggestions too) in the document. */
  messages: Diagnostic[];
  measures: DraftMeasure[];
  problems: SettingsProblem[];
}

/** What a document is linted as: its file (for overrides), whether it is Markdown (front matter), its config. */
export interface DocumentTarget {
  filePath: string | undefined;
  markdown: boolean;
  config: ResolvedConfig;
  /** Channel when neither the config, its overrides nor the front matter name one. */
  defaultChannel: string;
  /** The word vectors, fetched only for a campaign (a plan, or a campaign in the config), as the CLI does. */
  wordVectors?: () => WordVectors | undefined;
}

/**
 * Lints a document as the CLI lints the file, through the same per-file pipeline (`lintFile`: the
 * config's overrides for its path, its front-matter channel, its directives, campaign plans draft
 * by draft, thread documents post by post). A plan's counters sit at each draft's heading (a
 * thread draft's later posts after their first line), a single draft's after its first line, each
 * post of a thread document's after its own first line.
 *
 * Not done yet (measure first): a per-draft cache keyed by (draft text, channel) so that a keystroke
 * in one draft of a campaign file does not re-lint the other ninety-nine; today the campaign
 * linter parses and lints the whole file.
 */
export function lintDocument(version: number, text: string, target: DocumentTarget): LintedDocument {
  try {
    const linted = lintFile(text, target.filePath, fileOptions(target, text));
    if (linted.kind === 'campaign') {
      const plan = linted.campaign;
      return {
        version,
        messages: [...plan.messages, ...plan.posts.flatMap((post) => post.result.messages)],
        // A draft written as a thread shows its first post's count at the heading, each later post's after its first line.
        measures: plan.posts.flatMap((post) =>
          (post.thread ?? [post]).map((part, i) => ({ anchor: i === 0 ? headingEnd(text, post.start.offset) : firstLineEnd(text, part.start.offset), measurement: part.result.measure })),
        ),
        problems: [],
      };
    }
    const { source, result, posts } = linted;
    // The counter goes after the post's first line: directive comments are not part of the post.
    const post = withoutDirectives(source.body);
    const anchor = toFileOffset(source, toFileOffset(post, firstLineEnd(post.body), 'before'), 'before');
    // Each later post of a thread document shows its own count, after its first line.
    const measures = posts.map(({ bodyStart, result: part }, i) => ({
      anchor: i === 0 ? anchor : toFileOffset(source, firstLineEnd(source.body, bodyStart), 'before'),
      measurement: part.measure,
    }));
    return { version, messages: result.messages, measures, problems: [] };
  } catch (error) {
    // The core throws only for settings (the server's default channel, say); an editor keeps its server.
    return { version, messages: [], measures: [], problems: [{ message: error instanceof Error ? error.message : String(error), start: 0, end: 0 }] };
  }
}

/**
 * The document with every fix applied as `--fix` applies them: fixes that overlap wait for the next
 * pass, re-linted until stable. Undefined when nothing changes.
 */
export function fixAll(text: string, target: DocumentTarget): string | undefined {
  const { output } = lintFile(text, target.filePath, { ...fileOptions(target, text), fix: true });
  return output !== undefined && output !== text ? output : undefined;
}

function fileOptions(target: DocumentTarget, text: string) {
  const options = { config: target.config, markdown: target.markdown, defaultChannel: target.defaultChannel };
  const campaign = target.config.forFile(target.filePath).options.campaign !== undefined || (target.markdown && isCampaignFile(text));
  const wordVectors = campaign ? target.wordVectors?.() : undefined;
  return wordVectors ? { ...options, wordVectors } : options;
}

/** End of the `#` heading line above a draft (blank lines between allowed), else of the draft's first line. */
function headingEnd(text: string, draftStart: number): number {
  let lineEnd = text.lastIndexOf('\n', draftStart - 1);
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() === '') {
      lineEnd = lineStart - 1;
      continue;
    }
    if (line.trimStart().startsWith('#')) return lineStart + line.length;
    break;
  }
  return firstLineEnd(text, draftStart);
}

/** End of the first line with text on it from `from`: where a single draft's counter sits. */
function firstLineEnd(text: string, from = 0): number {
  let start = from;
  while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
