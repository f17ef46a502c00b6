import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, LintResult, Severity } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import { lint } from '../index.js';
import { fixUntilStable } from '../text/edits.js';
import { applyDirectives } from '../text/directives.js';
import type { FormattedFile } from '../format/types.js';
import { positionAt, lineStarts } from '../text/positions.js';
import { DOCS_BASE } from '../rule/rule.js';
import type { ResolvedConfig } from './config.js';
import { mapResultToFile, readFrontMatter, splitDraft, type DraftSource, type ParseYaml } from '../text/draft.js';
import type { CampaignLintResult } from '../engine/campaign.js';
import { isCampaignFile, lintCampaignFile } from './campaign-output.js';
import type { FileSettings } from './config.js';
import type { WordVectors } from '../facts/word-vectors.js';
import { loadWordVectors } from './word-vectors.js';

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
  /** Word vectors for a campaign's key messages (see loadWordVectors). */
  wordVectors?: WordVectors;
}

/** One file's lint: the split of the text as given, and the result (of the fixed text when fixing changed it). */
export interface LintedFile {
  source: DraftSource;
  result: LintResult;
  output?: string;
  fixed?: number;
}

/**
 * Lints one draft's text as the file `filePath` (which may not exist: stdin with a name):
 * the config and overrides for that path, the front matter's channel, directives, and fixes
 * until stable when asked. Writes nothing.
 */
export async function lintSource(text: string, filePath: string | undefined, display: string, options: LintSourceOptions): Promise<FileReport> {
  // A campaign plan: every draft is linted for the channel its heading names.
  if (isMarkdownPath(filePath) && isCampaignFile(text)) {
    const settings = withWordVectors(options.config.forFile(filePath), await loadWordVectors());
    const reportUnused = options.reportUnused ?? options.config.reportUnusedDisableDirectives ?? 'off';
    const channel = options.channel ?? settings.channel ?? 'x';
    const plan = lintCampaignFile(text, settings.options as LintOptions, channel, options.fix === true, (source, messages) => applyDirectives(source, messages, { reportUnused }));
    const report: FileReport = { file: display, posts: plan.posts, source: plan.output ?? text, campaign: plan.campaign };
    if (filePath !== undefined) report.filePath = filePath;
    if (plan.output !== undefined) Object.assign(report, { output: plan.output, fixed: plan.fixed });
    return report;
  }
  // The YAML parser is loaded only for a file that may have front matter: a hook on one draft starts faster.
  const parseYaml = isMarkdownPath(filePath) && text.startsWith('---') ? (await import('yaml')).parse : undefined;
  // A campaign in the config reads its key messages by meaning: load the vectors for it, and only then.
  const wordVectors = options.config.forFile(filePath).options.campaign ? await loadWordVectors() : undefined;
  const { result, output, fixed } = lintFile(text, filePath, { ...options, parseYaml, ...(wordVectors ? { wordVectors } : {}) });
  const report: FileReport = { file: display, posts: [{ result }], source: output ?? text };
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
  const settings = withWordVectors(options.config.forFile(filePath), options.wordVectors);
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

  const lintOnce = (current: string): LintResult => {
    const source = current === text ? first : splitDraft(current, { markdown });
    const result = mapResultToFile(source, lint({ text: source.body, channel }, settings.options as LintOptions));
    return { ...result, messages: applyDirectives(current, [...problems, ...result.messages], { reportUnused }) };
  };

  if (!options.fix) return { source: first, result: lintOnce(text) };
  let last: LintResult | undefined;
  const fixedRun = fixUntilStable(text, (current) => (last = lintOnce(current)).messages);
  const linted: LintedFile = { source: first, result: last! };
  if (fixedRun.applied > 0) {
    linted.output = fixedRun.output;
    linted.fixed = fixedRun.applied;
  }
  return linted;
}

// The config shares one options object between files with the same overrides (the core caches its
// settings by it): the options with vectors are shared the same way.
const optionsWithVectors = new WeakMap<LintOptions, LintOptions>();

function withWordVectors(settings: FileSettings, wordVectors: WordVectors | undefined): FileSettings {
  if (!wordVectors) return settings;
  let options = optionsWithVectors.get(settings.options);
  if (!options) optionsWithVectors.set(settings.options, (options = { ...settings.options, wordVectors }));
  return { ...settings, options };
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
