import path from 'node:path';
import type { RuleSetting, Severity } from '../core/types.js';
import type { PostlintConfig } from './config-schema.js';
import { loadConfig, type ResolvedConfig } from './config.js';
import { displayPath, lintPaths, lintSource, type FileReport } from './engine.js';
import { findFiles, ignoreTest, readIgnoreFile } from './files.js';
import { writeFileAtomic } from './write.js';
import { encodeTextFile } from './text-file.js';

export interface NodeLintOptions {
  /** Folder to resolve paths and find the config from (default: process.cwd()). */
  cwd?: string;
  /** A config file to use, or `false` for none; default: search from `cwd` upward. */
  configFile?: string | false;
  /** A config object applied on top of the file's (e.g. from a CMS's settings). */
  overrideConfig?: PostlintConfig;
  /** Base preset replacing the config's `extends`. */
  preset?: string;
  rules?: Record<string, RuleSetting>;
  /** Channel for every draft, above the config, below a draft's own front matter. */
  channel?: string;
  /** Compute fixes: reports carry `output` (nothing is written; see `writeFixes`). */
  fix?: boolean;
  reportUnusedDisableDirectives?: Severity | 'off';
  /** `.postlintignore` by default; `false` to ignore nothing but node_modules. */
  ignorePath?: string | false;
}

async function setup(options: NodeLintOptions): Promise<{ cwd: string; config: ResolvedConfig }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, configFile: options.configFile, overrideConfig: options.overrideConfig, preset: options.preset, rules: options.rules });
  return { cwd, config };
}

/**
 * Lints one draft's text with the configuration that applies to `filePath` (front matter,
 * overrides and directives included), for CMS publish hooks and scripts.
 */
export async function lintText(text: string, options: NodeLintOptions & { filePath?: string } = {}): Promise<FileReport> {
  const { cwd, config } = await setup(options);
  const filePath = options.filePath === undefined ? undefined : path.resolve(cwd, options.filePath);
  return lintSource(text, filePath, filePath ? displayPath(cwd, filePath) : '<text>', {
    config,
    channel: options.channel,
    fix: options.fix,
    reportUnused: options.reportUnusedDisableDirectives,
  });
}

/** Lints files, folders and globs (as the CLI does), ignoring node_modules and `.postlintignore`. */
export async function lintFiles(patterns: string | string[], options: NodeLintOptions = {}): Promise<FileReport[]> {
  const { cwd, config } = await setup(options);
  const ignoreLines = options.ignorePath === false ? [] : readIgnoreFile(path.resolve(cwd, options.ignorePath ?? '.postlintignore'));
  const files = await findFiles(([] as string[]).concat(patterns), { cwd, ignored: await ignoreTest(cwd, ignoreLines, config.base, options.ignorePath === false ? [] : config.ignorePatterns) });
  return lintPaths(files, cwd, { config, channel: options.channel, fix: options.fix, reportUnused: options.reportUnusedDisableDirectives });
}

/**
 * Writes the fixed text of each report atomically, in the encoding the file was read in (BOM
 * included); returns the paths written. Writes nothing when any report is `unreadable`, as `--fix` does.
 */
export function writeFixes(reports: readonly FileReport[]): string[] {
  const written: string[] = [];
  if (reports.some((report) => report.unreadable !== undefined)) return written;
  for (const report of reports) {
    if (!report.filePath || report.output === undefined) continue;
    const content = report.encoding ? encodeTextFile(report.output, report.encoding) : report.output;
    if (writeFileAtomic(report.filePath, content)) written.push(report.filePath);
  }
  return written;
}

export type { FileReport };
