import { lint } from '../run/lint.js';
import { PostlintConfigError } from '../errors.js';
import type { Diagnostic, Measurement } from '../types.js';
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
 * Lints a document as the drafts it holds. Today every document is one draft: the text after any
 * front matter.
 *
 * SEAM (issue 4): a Markdown file whose front matter defines a campaign (`keyMessages`) holds one
 * draft per `## channel` section. When `lintCampaign(markdown, options)` lands, the branch below
 * becomes:
 *   const campaign = lintCampaign(text, settings.options);
 *   findings = posts.flatMap(p => p.result.messages.map(diagnostic => ({ diagnostic, base: 0 })))
 *              plus campaign.messages (offsets are already source offsets, so base is 0);
 *   measures = posts.map(p => ({ anchor: end of p's heading line, measurement: p.result.measure }));
 * and, where measurable, a per-draft cache keyed by (draft text, channel) so that a keystroke in
 * one draft does not re-lint the other ninety-nine.
 */
export function lintDocument(version: number, text: string, settings: DocumentSettings): LintedDocument {
  const problems = [...settings.problems];
  if (problems.some((p) => p.blocking)) return { version, findings: [], measures: [], problems };
  const base = settings.frontMatter?.bodyStart ?? 0;
  const draft = base === 0 ? text : text.slice(base);
  try {
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
    problems.push({ message: `postlint: ${where}${message}`, start, end, blocking: true });
    return { version, findings: [], measures: [], problems };
  }
}

/** End of the first line with text on it: where a single draft's counter sits. */
function firstLineEnd(text: string): number {
  let start = 0;
  while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
