import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import type { FileLintOptions, LintedFile } from '../engine/file.js';
import type { FormattedFile } from '../format/types.js';
import { draftLabel } from '../format/campaign.js';
import { linter } from '../index.js';
import { withLanguage } from '../engine/settings.js';
import type { ResolvedConfig } from './config.js';

export interface LintSourceOptions {
  config: ResolvedConfig;
  /** `--channel`: above the config and its overrides, below a file's own front matter. */
  channel?: string;
  /** `--language`: above the config and its overrides, below a file's own `lang:`. */
  language?: LintOptions['language'];
  fix?: boolean;
  reportUnused?: Severity | 'off';
}

/** A linted file: what formatters need, plus the fixed text when fixing changed it. */
export interface FileReport extends FormattedFile {
  /** Absolute path, when the text came from a file. */
  filePath?: string;
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
}

/**
 * Lints one file's text as the file `filePath` (which may not exist: stdin with a name): the
 * config and overrides for that path, then the engine's `lintFile` (front matter, campaign plans,
 * directives, fixes until stable when asked). Writes nothing.
 */
export async function lintSource(text: string, filePath: string | undefined, display: string, options: LintSourceOptions): Promise<FileReport> {
  return toReport(lintFile(text, filePath, options), text, filePath, display);
}

function toReport(linted: LintedFile, text: string, filePath: string | undefined, display: string): FileReport {
  const report: FileReport = { file: display, posts: [], source: linted.output ?? text };
  if (linted.kind === 'draft') report.posts = [{ result: linted.result }];
  else {
    const plan = linted.campaign;
    // The plan's own messages apart, then every draft as a post labelled "1 x: launch day", so each
    // draft's heading comes before its own messages.
    report.messages = plan.messages;
    report.posts = plan.posts.map((post, index) => ({ label: draftLabel(post, index), result: post.result }));
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
  const configured = settings.options as LintOptions;
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

/** Reads and lints files (absolute paths); a file that cannot be read is a usage error. */
export async function lintPaths(files: readonly string[], cwd: string, options: LintSourceOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ReadError(`cannot read ${path.relative(cwd, file) || file}: ${(error as Error).message}`);
    }
    reports.push(await lintSource(text, file, displayPath(cwd, file), options));
  }
  return reports;
}

export class ReadError extends Error {}

/** Paths as shown: relative to the working folder with `/`, absolute when outside it. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
