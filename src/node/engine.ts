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
import { frontMatterChannel, mapResultToFile, splitDraft } from './draft.js';
import type { CampaignLintResult } from '../run/campaign.js';
import { isCampaignFile, lintCampaignFile } from './campaign-output.js';

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

/**
 * Lints one draft's text as the file `filePath` (which may not exist: stdin with a name):
 * the config and overrides for that path, the front matter's channel, directives, and fixes
 * until stable when asked. Writes nothing.
 */
export async function lintSource(text: string, filePath: string | undefined, display: string, options: LintSourceOptions): Promise<FileReport> {
  const settings = options.config.forFile(filePath);
  const markdown = filePath !== undefined && MARKDOWN.test(filePath);
  const reportUnused = options.reportUnused ?? options.config.reportUnusedDisableDirectives ?? 'off';

  let channel = options.channel ?? settings.channel ?? 'x';
  // A campaign plan: every draft is linted for the channel its heading names.
  if (markdown && isCampaignFile(text)) {
    const plan = lintCampaignFile(text, settings.options as LintOptions, channel, options.fix === true, (source, messages) => applyDirectives(source, messages, { reportUnused }));
    const report: FileReport = { file: display, posts: plan.posts, source: plan.output ?? text, campaign: plan.campaign };
    if (filePath !== undefined) report.filePath = filePath;
    if (plan.output !== undefined) Object.assign(report, { output: plan.output, fixed: plan.fixed });
    return report;
  }

  // The front matter is read once: fixes never touch it, so its channel holds for every pass.
  const first = splitDraft(text, { markdown });
  const problems: Diagnostic[] = [];
  if (first.frontMatter) {
    const found = await frontMatterChannel(first.frontMatter.yaml);
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

  let result: LintResult;
  let output: string | undefined;
  let fixed = 0;
  if (options.fix) {
    let last: LintResult | undefined;
    const fixedRun = fixUntilStable(text, (current) => (last = lintOnce(current)).messages);
    result = last!;
    if (fixedRun.applied > 0) {
      output = fixedRun.output;
      fixed = fixedRun.applied;
    }
  } else {
    result = lintOnce(text);
  }
  const report: FileReport = { file: display, posts: [{ result }], source: output ?? text };
  if (filePath !== undefined) report.filePath = filePath;
  if (output !== undefined) {
    report.output = output;
    report.fixed = fixed;
  }
  return report;
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
