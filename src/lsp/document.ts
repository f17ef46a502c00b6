import { lint } from '../run/lint.js';
import { PostlintConfigError } from '../errors.js';
import type { ChannelId, Diagnostic, LintOptions, LintResult, Measurement, Position } from '../types.js';
import type { DocumentSettings, SettingsProblem } from './settings.js';

/** A message of the core and where its draft starts in the document (draft offset + base = document offset). */
export interface Finding {
  diagnostic: Diagnostic;
  base: number;
}

/** One draft's measurement and where the counter shows: the draft's heading or first line. */
export interface DraftMeasure {
  anchor: number;
  measurement: Measurement;
}

/** The last lint of one document version: everything diagnostics, code actions and hints need. */
export interface LintedDocument {
  version: number;
  findings: Finding[];
  measures: DraftMeasure[];
  problems: SettingsProblem[];
}

/**
 * What the server needs of `lintCampaign(markdown, options)` (issue 4): every draft's result and the
 * campaign-level messages, with every offset (fixes and suggestions too) already in the Markdown
 * source. SEAM: the server passes `lintCampaign` here once it exists (see server.ts).
 */
export type CampaignLinter = (
  markdown: string,
  options: LintOptions & { channel?: ChannelId },
) => { posts: { start: Position; result: LintResult }[]; messages: Diagnostic[] };

/**
 * Lints a document as the drafts it holds: a Markdown file whose front matter defines a campaign
 * (`keyMessages`) through the campaign linter, one draft per `## channel` section with its counter
 * at its heading; any other document as one draft, the text after its front matter.
 *
 * Not done yet (measure first): a per-draft cache keyed by (draft text, channel) so that a keystroke
 * in one draft of a campaign file does not re-lint the other ninety-nine; it needs the campaign
 * linter to take the cache or to expose its split, since today it parses and lints the whole file.
 */
export function lintDocument(version: number, text: string, settings: DocumentSettings, lintCampaign?: CampaignLinter): LintedDocument {
  const problems = [...settings.problems];
  if (problems.some((p) => p.blocking)) return { version, findings: [], measures: [], problems };
  const base = settings.frontMatter?.bodyStart ?? 0;
  try {
    if (lintCampaign && settings.frontMatter && 'keyMessages' in settings.frontMatter.data) {
      const campaign = lintCampaign(text, { ...settings.options, channel: settings.channel });
      return {
        version,
        findings: [...campaign.messages, ...campaign.posts.flatMap((post) => post.result.messages)].map((diagnostic) => ({ diagnostic, base: 0 })),
        measures: campaign.posts.map((post) => ({ anchor: headingEnd(text, post.start.offset), measurement: post.result.measure })),
        problems,
      };
    }
    const draft = base === 0 ? text : text.slice(base);
    const result = lint({ text: draft, channel: settings.channel }, settings.options);
    return {
      version,
      findings: result.messages.map((diagnostic) => ({ diagnostic, base })),
      measures: [{ anchor: base + firstLineEnd(draft), measurement: result.measure }],
      problems,
    };
  } catch (error) {
    // The core throws only for settings; whatever else happens, an editor keeps its server.
    const [start, end] = error instanceof PostlintConfigError && error.key === 'channel' && settings.frontMatter?.channelRange ? settings.frontMatter.channelRange : [0, 0];
    const where = error instanceof PostlintConfigError && error.key !== 'channel' && settings.configFile ? `${settings.configFile}: ` : '';
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ message: `${where}${message}`, start, end, blocking: true });
    return { version, findings: [], measures: [], problems };
  }
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
