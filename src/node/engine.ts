import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import type { FileLintOptions, LintedFile } from '../engine/file.js';
import type { FormattedFile } from '../format/types.js';
import { draftLabel } from '../format/campaign.js';
import { linter } from '../index.js';
import { withLanguage } from '../engine/settings.js';
import { isCampaignFile } from '../text/campaign-file.js';
import type { ResolvedConfig } from './config.js';
import type { WordVectors } from '../facts/word-vectors.js';
import { loadWordVectors } from './word-vectors.js';
import { byPost } from '../engine/thread.js';
import { decodeTextFile, type TextEncoding } from './text-file.js';

export interface LintSourceOptions {
  config: ResolvedConfig;
  /** `--channel`: above the config and its overrides, below a file's own front matter. */
  channel?: string;
  /** `--language`: above the config and its overrides, below a file's own `lang:`. */
  language?: LintOptions['language'];
  fix?: boolean;
  reportUnused?: Severity | 'off';
  /** Called when a campaign's key messages are read without @postlint/vectors-en (not installed): by words, stems and synonyms alone. */
  onWordVectorsMissing?: () => void;
}

/** A linted file: what formatters need, plus the fixed text when fixing changed it. */
export interface FileReport extends FormattedFile {
  /** Absolute path, when the text came from a file. */
  filePath?: string;
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

export interface NodeFileOptions extends LintSourceOptions {
  /** Read front matter and campaign plans: by default when `filePath` names a Markdown file. */
  markdown?: boolean;
  /** Channel when neither `channel`, the config and its overrides nor the front matter name one. */
  defaultChannel?: string;
  /** Word vectors for a campaign's key messages (see loadWordVectors). */
  wordVectors?: WordVectors;
}

/**
 * Lints one file's text as the file `filePath` (which may not exist: stdin with a name): the
 * config and overrides for that path, then the engine's `lintFile` (front matter, campaign plans,
 * directives, fixes until stable when asked). Writes nothing.
 */
export async function lintSource(text: string, filePath: string | undefined, display: string, options: LintSourceOptions): Promise<FileReport> {
  // A campaign (in the config, or a campaign plan) reads its key messages by meaning: the vectors load for it, and only then.
  const campaign = options.config.forFile(filePath).options.campaign !== undefined || (isMarkdownPath(filePath) && isCampaignFile(text));
  const wordVectors = campaign ? await loadWordVectors() : undefined;
  if (campaign && wordVectors === undefined) options.onWordVectorsMissing?.();
  return toReport(lintFile(text, filePath, wordVectors ? { ...options, wordVectors } : options), text, filePath, display);
}

function toReport(linted: LintedFile, text: string, filePath: string | undefined, display: string): FileReport {
  const report: FileReport = { file: display, posts: [], source: linted.output ?? text };
  // Each post of a thread document as its own post, labelled "post 1/3".
  if (linted.kind === 'draft') report.posts = linted.posts.map(({ label, result }) => (label === undefined ? { result } : { label, result }));
  else {
    const plan = linted.campaign;
    // The plan's own messages apart, then every draft as a post labelled "1 x: launch day", so each
    // draft's heading comes before its own messages. A draft written as a thread shows each of its
    // posts: "2 x: launch day, post 1/3".
    report.messages = plan.messages;
    report.posts = plan.posts.flatMap((post, index) => {
      if (!post.thread) return [{ label: draftLabel(post, index), result: post.result }];
      const buckets = byPost(post.thread.map((part) => part.start.offset), post.result.messages);
      return post.thread.map((part, i) => ({
        label: `${draftLabel(post, index)}, post ${i + 1}/${post.thread!.length}`,
        result: { ...part.result, messages: buckets[i]! },
      }));
    });
    report.campaign = plan;
  }
  if (filePath !== undefined) report.filePath = filePath;
  if (linted.output !== undefined) Object.assign(report, { output: linted.output, fixed: linted.fixed });
  return report;
}

/**
 * What `lintSource` does, synchronously: the CLI and the language server (on every keystroke)
 * both lint a file through it, so an editor shows exactly what a pre-commit hook reports.
 */
export function lintFile(text: string, filePath: string | undefined, options: NodeFileOptions): LintedFile {
  const settings = options.config.forFile(filePath);
  const configured = withWordVectors(settings.options as LintOptions, options.wordVectors);
  const fileOptions = optionsFor(options.language === undefined ? configured : withLanguage(configured, options.language), {
    markdown: options.markdown ?? isMarkdownPath(filePath),
    channel: options.channel ?? settings.channel ?? options.defaultChannel ?? 'x',
    fix: options.fix === true,
    reportUnusedDisableDirectives: options.reportUnused ?? options.config.reportUnusedDisableDirectives ?? 'off',
  });
  return linter.lintFile(text, fileOptions);
}

type FileSwitches = Required<Pick<FileLintOptions, 'markdown' | 'channel' | 'fix' | 'reportUnusedDisableDirectives'>>;
// One options object per config layer and switches, so the engine validates each set of settings once.
const fileOptionsCache = new WeakMap<LintOptions, Map<string, FileLintOptions>>();

function optionsFor(options: LintOptions, switches: FileSwitches): FileLintOptions {
  let bySwitches = fileOptionsCache.get(options);
  if (!bySwitches) fileOptionsCache.set(options, (bySwitches = new Map()));
  const key = JSON.stringify(switches);
  let found = bySwitches.get(key);
  if (!found) bySwitches.set(key, (found = { ...options, ...switches }));
  return found;
}

// The config shares one options object between files with the same overrides (the core caches its
// settings by it): the options with vectors are shared the same way.
const optionsWithVectors = new WeakMap<LintOptions, LintOptions>();

function withWordVectors(options: LintOptions, wordVectors: WordVectors | undefined): LintOptions {
  if (!wordVectors) return options;
  let found = optionsWithVectors.get(options);
  if (!found) optionsWithVectors.set(options, (found = { ...options, wordVectors }));
  return found;
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
