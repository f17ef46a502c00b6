import { parse as parseYaml } from 'yaml';
import { fixUntilStable } from '../text/edits.js';
import type { ResolvedConfig } from '../node/config.js';
import { readFrontMatter, splitDraft, toFileOffset } from '../text/draft.js';
import { lintFile } from '../node/engine.js';
import type { WordVectors } from '../facts/word-vectors.js';
import type { ChannelId, Diagnostic, LintResult, Measurement, Position } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';

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
  wordVectors?: () => WordVectors;
}

/**
 * What the server needs of `lintCampaign(markdown, options)` (issue 4): every draft's result and the
 * campaign-level messages, with every offset (fixes and suggestions too) already in the Markdown
 * source. SEAM: the server passes `lintCampaign` here once it exists (see lsp-cli.ts).
 */
export type CampaignLinter = (
  markdown: string,
  options: LintOptions & { channel?: ChannelId },
) => { posts: { start: Position; result: LintResult }[]; messages: Diagnostic[] };

/**
 * Lints a document as the CLI lints the file: a Markdown file whose front matter defines a
 * campaign (`keyMessages`) through the campaign linter, one draft per `## channel` section with its
 * counter at its heading; any other document through the CLI's per-file pipeline (`lintFile`: the
 * config's overrides for its path, its front-matter channel, its directives), counter after its
 * first line.
 *
 * Not done yet (measure first): a per-draft cache keyed by (draft text, channel) so that a keystroke
 * in one draft of a campaign file does not re-lint the other ninety-nine; it needs the campaign
 * linter to take the cache or to expose its split, since today it parses and lints the whole file.
 */
export function lintDocument(version: number, text: string, target: DocumentTarget, lintCampaign?: CampaignLinter): LintedDocument {
  try {
    const campaign = campaignOf(text, target, lintCampaign);
    if (campaign) {
      const linted = campaign.lint(text);
      return {
        version,
        messages: [...linted.messages, ...linted.posts.flatMap((post) => post.result.messages)],
        measures: linted.posts.map((post) => ({ anchor: headingEnd(text, post.start.offset), measurement: post.result.measure })),
        problems: [],
      };
    }
    const { source, result } = lintFile(text, target.filePath, fileOptions(target));
    return { version, messages: result.messages, measures: [{ anchor: toFileOffset(source, firstLineEnd(source.body), 'before'), measurement: result.measure }], problems: [] };
  } catch (error) {
    // The core throws only for settings (the server's default channel, say); an editor keeps its server.
    return { version, messages: [], measures: [], problems: [{ message: error instanceof Error ? error.message : String(error), start: 0, end: 0 }] };
  }
}

/**
 * The document with every fix applied as `--fix` applies them: fixes that overlap wait for the next
 * pass, re-linted until stable. Undefined when nothing changes.
 */
export function fixAll(text: string, target: DocumentTarget, lintCampaign?: CampaignLinter): string | undefined {
  const campaign = campaignOf(text, target, lintCampaign);
  if (campaign) {
    const fixed = fixUntilStable(text, (current) => {
      const linted = campaign.lint(current);
      return [...linted.messages, ...linted.posts.flatMap((post) => post.result.messages)];
    });
    return fixed.applied > 0 && fixed.output !== text ? fixed.output : undefined;
  }
  const { output } = lintFile(text, target.filePath, { ...fileOptions(target), fix: true });
  return output !== undefined && output !== text ? output : undefined;
}

function fileOptions(target: DocumentTarget) {
  const options = { config: target.config, markdown: target.markdown, defaultChannel: target.defaultChannel, parseYaml };
  return target.wordVectors && target.config.forFile(target.filePath).options.campaign ? { ...options, wordVectors: target.wordVectors() } : options;
}

/** The campaign linter bound to this document's settings, when it is a campaign file and a linter is plugged in. */
function campaignOf(text: string, target: DocumentTarget, lintCampaign: CampaignLinter | undefined) {
  if (!lintCampaign || !target.markdown || !text.startsWith('---')) return undefined;
  const { frontMatter } = splitDraft(text, { markdown: true });
  const data = frontMatter && readFrontMatter(frontMatter.yaml, parseYaml).data;
  if (!data || !('keyMessages' in data)) return undefined;
  const settings = target.config.forFile(target.filePath);
  const options = { ...settings.options, channel: settings.channel ?? target.defaultChannel, ...(target.wordVectors ? { wordVectors: target.wordVectors() } : {}) };
  return { lint: (markdown: string) => lintCampaign(markdown, options) };
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
  return draftStart + firstLineEnd(text.slice(draftStart));
}

/** End of the first line with text on it: where a single draft's counter sits. */
function firstLineEnd(text: string): number {
  let start = 0;
  while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
