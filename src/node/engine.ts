import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, LintOptions, LintResult, Severity } from '../types.js';
import { lint } from '../run/lint.js';
import { fixUntilStable } from '../run/fix.js';
import { applyDirectives } from '../report/directives.js';
import type { FormattedFile } from '../report/formats/types.js';
import { positionAt, lineStarts } from '../analyse/positions.js';
import { DOCS_BASE } from '../run/rule.js';
import type { ResolvedConfig } from './config.js';
import { mapResultToFile, readFrontMatter, splitDraft, toFileOffset, type DraftSource, type ParseYaml } from './draft.js';
import { byPost, lintThread } from '../run/thread.js';
import type { CampaignLintResult } from '../run/campaign.js';
import { isCampaignFile, lintCampaignFile } from './campaign-output.js';
import { decodeTextFile, type TextEncoding } from './text-file.js';

export interface LintSourceOptions {
  config: ResolvedConfig;
  /** `--channel`: above the config and its overrides, below a file's own front matter. */
  channel?: string;
  fix?: boolean;
  reportUnused?: Severity | 'off';
}

/** A linted file: what formatters need, plus the fixed text when fixing changed it. */
export interface FileReport extends FormattedFile {
  /** Absolute path, when the text came from a file. */
  filePath?: string;
  /** A campaign plan (Markdown with `keyMessages` in its front matter): the whole result, for the coverage matrix. */
  campaign?: CampaignLintResult;
  /** How the file's bytes hold its text (`writeFixes` and `--fix` write `output` back the same way). */
  encoding?: TextEncoding;
  /** Why the file was not linted: it is not UTF-8 or UTF-16 text. Such a report has no posts, and nothing is written to it. */
  unreadable?: string;
}

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;

/** Whether a file is linted as Markdown (front matter read): by its name, as the CLI decides. */
export function isMarkdownPath(filePath: string | undefined): boolean {
  return filePath !== undefined && MARKDOWN.test(filePath);
}

export interface LintFileOptions extends LintSourceOptions {
  /** Needed when the text may have front matter (Markdown starting with `---`); see `ParseYaml`. */
  parseYaml: ParseYaml | undefined;
  /** Read front matter: by default when `filePath` names a Markdown file. */
  markdown?: boolean;
  /** Channel when neither `channel`, the config and its overrides nor the front matter name one. */
  defaultChannel?: string;
}

/** One file's lint: the split of the text as given, and the result (of the fixed text when fixing changed it). */
export interface LintedFile {
  source: DraftSource;
  /** Every message of the file; the measurement of its first post. */
  result: LintResult;
  /** One entry per post: each post of a thread document ("post 1/3", where it starts in the body), else the draft. */
  posts: LintedPost[];
  output?: string;
  fixed?: number;
}

export interface LintedPost {
  label?: string;
  result: LintResult;
  /** Where the post starts in the body (DraftSource.body). */
  bodyStart: number;
}

/**
 * Lints one draft's text as the file `filePath` (which may not exist: stdin with a name):
 * the config and overrides for that path, the front matter's channel, directives, and fixes
 * until stable when asked. Writes nothing.
 */
export async function lintSource(text: string, filePath: string | undefined, display: string, options: LintSourceOptions): Promise<FileReport> {
  // A campaign plan: every draft is linted for the channel its heading names.
  if (isMarkdownPath(filePath) && isCampaignFile(text)) {
    const settings = options.config.forFile(filePath);
    const reportUnused = options.reportUnused ?? options.config.reportUnusedDisableDirectives ?? 'off';
    const channel = options.channel ?? settings.channel ?? 'x';
    const plan = lintCampaignFile(text, settings.options as LintOptions, channel, options.fix === true, (source, messages) => applyDirectives(source, messages, { reportUnused }));
    const report: FileReport = { file: display, posts: plan.posts, source: plan.output ?? text, campaign: plan.campaign };
    if (filePath !== undefined) report.filePath = filePath;
    if (plan.output !== undefined) Object.assign(report, { output: plan.output, fixed: plan.fixed });
    return report;
  }
  // The YAML parser is loaded only for a file that may have front matter: a hook on one draft starts faster.
  const parseYaml = isMarkdownPath(filePath) && /^\uFEFF?---/.test(text) ? (await import('yaml')).parse : undefined;
  const { posts, output, fixed } = lintFile(text, filePath, { ...options, parseYaml });
  const report: FileReport = { file: display, posts: posts.map(({ label, result }) => (label === undefined ? { result } : { label, result })), source: output ?? text };
  if (filePath !== undefined) report.filePath = filePath;
  if (output !== undefined) {
    report.output = output;
    report.fixed = fixed;
  }
  return report;
}

/**
 * What `lintSource` does, synchronously: the CLI and the language server (on every keystroke)
 * both lint a file through it, so an editor shows exactly what a pre-commit hook reports.
 */
export function lintFile(text: string, filePath: string | undefined, options: LintFileOptions): LintedFile {
  const settings = options.config.forFile(filePath);
  const markdown = options.markdown ?? isMarkdownPath(filePath);
  const reportUnused = options.reportUnused ?? options.config.reportUnusedDisableDirectives ?? 'off';

  // The front matter is read once: fixes never touch it, so its channel holds for every pass.
  const first = splitDraft(text, { markdown });
  let channel = options.channel ?? settings.channel ?? options.defaultChannel ?? 'x';
  const problems: Diagnostic[] = [];
  if (first.frontMatter) {
    if (!options.parseYaml) throw new Error('lintFile: a file with front matter needs options.parseYaml');
    const found = readFrontMatter(first.frontMatter.yaml, options.parseYaml);
    if (found.error) problems.push(frontMatterProblem(text, found.error));
    else if (found.channel !== undefined) {
      if (options.config.channelIds.includes(found.channel)) channel = found.channel;
      else problems.push(frontMatterProblem(text, `unknown channel "${found.channel}"; use one of ${options.config.channelIds.join(', ')}`));
    }
  }

  // A thread document (posts between lines of "---", as --split writes them) is linted post by post.
  const lintOnce = (current: string): { result: LintResult; posts: LintedPost[] } => {
    const source = current === text ? first : splitDraft(current, { markdown });
    const post = { text: source.body, channel };
    const thread = lintThread(post, settings.options as LintOptions);
    const linted = thread
      ? thread.posts.map(({ start, result }, i) => ({ label: `post ${i + 1}/${thread.posts.length}`, result: mapResultToFile(source, result), bodyStart: start }))
      : [{ result: mapResultToFile(source, lint(post, settings.options as LintOptions)), bodyStart: 0 }];
    const messages = applyDirectives(current, [...problems, ...linted.flatMap((p) => p.result.messages)], { reportUnused });
    // Each message (a directive's own included) goes with the post it is in.
    const buckets = byPost(linted.map((p) => toFileOffset(source, p.bodyStart, 'after')), messages);
    const posts = linted.map((p, i): LintedPost => ({ ...p, result: { ...p.result, messages: buckets[i]! } }));
    return { result: { ...posts[0]!.result, messages }, posts };
  };

  if (!options.fix) return { source: first, ...lintOnce(text) };
  let last: { result: LintResult; posts: LintedPost[] } | undefined;
  const fixedRun = fixUntilStable(text, (current) => (last = lintOnce(current)).result.messages);
  const linted: LintedFile = { source: first, ...last! };
  if (fixedRun.applied > 0) {
    linted.output = fixedRun.output;
    linted.fixed = fixedRun.applied;
  }
  return linted;
}

function frontMatterProblem(text: string, message: string): Diagnostic {
  const starts = lineStarts(text);
  const end = text.indexOf('\n', 3);
  return {
    ruleId: 'front-matter',
    severity: 'error',
    message,
    messageId: 'frontMatter',
    start: positionAt(starts, 0),
    end: positionAt(starts, end === -1 ? 0 : end),
    url: DOCS_BASE + 'front-matter',
  };
}

/**
 * Reads and lints files (absolute paths); a file that cannot be read is a usage error. A file that
 * is not UTF-8 or UTF-16 text gets a report with `unreadable` and no posts; the others are linted.
 */
export async function lintPaths(files: readonly string[], cwd: string, options: LintSourceOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new ReadError(`cannot read ${path.relative(cwd, file) || file}: ${(error as Error).message}`);
    }
    const display = displayPath(cwd, file);
    const decoded = decodeTextFile(bytes);
    if ('problem' in decoded) {
      reports.push({ file: display, filePath: file, posts: [], unreadable: decoded.problem });
      continue;
    }
    reports.push({ ...(await lintSource(decoded.text, file, display, options)), encoding: decoded.encoding });
  }
  return reports;
}

export class ReadError extends Error {}

/** Paths as shown: relative to the working folder with `/`, absolute when outside it. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
