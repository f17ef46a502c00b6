import { lintCampaign, type CampaignLintOptions, type CampaignLintResult } from '../run/campaign.js';
import type { Diagnostic, LintOptions } from '../types.js';
import { describeMeasurement } from '../report/summary.js';
import type { Colors, FileResult } from '../report/stylish.js';
import { fixUntilStable } from '../run/fix.js';
import { parseCampaignFile } from '../parse/campaign-file.js';
import { byPost } from '../run/thread.js';

const plain: Colors = { red: String, yellow: String, blue: String, dim: String, underline: String, bold: String };

/** Whether a Markdown file is a campaign plan: its front matter has `keyMessages`. */
export function isCampaignFile(text: string): boolean {
  return /^(?:\uFEFF)?---\r?\n/u.test(text) && /^keyMessages\s*:/mu.test(text) && parseCampaignFile(text).isCampaign;
}

/**
 * Lints a campaign plan for the CLI: every draft for its own channel, as posts labelled
 * "1 x: launch day" whose messages sit at the file's lines; the campaign-level messages lead the
 * first post. With `fix`, fixes (already in file offsets) are applied until stable.
 */
export function lintCampaignFile(
  text: string,
  options: LintOptions,
  channel: string,
  fix: boolean,
  filter: (text: string, messages: Diagnostic[]) => Diagnostic[] = (_, m) => m,
): { posts: FileResult['posts']; campaign: CampaignLintResult; output?: string; fixed?: number } {
  const campaignOptions: CampaignLintOptions = { ...options, channel };
  let output: string | undefined;
  let fixed: number | undefined;
  if (fix) {
    const run = fixUntilStable(text, (current) => campaignDiagnostics(lintCampaign(current, campaignOptions)));
    if (run.applied > 0) {
      output = run.output;
      fixed = run.applied;
    }
  }
  const source = output ?? text;
  const campaign = lintCampaign(source, campaignOptions);
  // A draft written as a thread shows each of its posts: "2 x: launch day, post 1/3".
  const posts = campaign.posts.flatMap((post, index) => {
    const messages = filter(source, index === 0 ? [...campaign.messages, ...post.result.messages] : post.result.messages);
    if (!post.thread) return [{ label: draftName(post, index), result: { ...post.result, messages } }];
    const buckets = byPost(post.thread.map((part) => part.start.offset), messages);
    return post.thread.map((part, i) => ({
      label: `${draftName(post, index)}, post ${i + 1}/${post.thread!.length}`,
      result: { ...part.result, messages: buckets[i]! },
    }));
  });
  const result: ReturnType<typeof lintCampaignFile> = { posts, campaign };
  if (output !== undefined) Object.assign(result, { output, fixed });
  return result;
}

/** After the stylish report: what each draft carries, then the coverage matrix. */
export function formatCampaignSummary(file: string, result: CampaignLintResult, colors: Colors = plain): string {
  if (!result.campaign) return '';
  const out = [colors.underline(file) + ` ${colors.bold('campaign')} ${result.campaign.name}: ${result.campaign.keyMessages.length} key messages, ${result.posts.length} drafts`];
  result.posts.forEach((post, index) => {
    const carried = post.result.keyMessages?.carried ?? [];
    out.push(`  ${draftName(post, index)} ${colors.dim(`(line ${post.start.line})`)} carries: ${carried.length ? carried.join(', ') : colors.yellow('no key message')}`);
  });
  if (result.posts.length) out.push('', ...coverageMatrix(result, colors));
  return out.join('\n') + '\n';
}

/** The problems a campaign file's output shows, for the exit code and the final count. */
export function campaignDiagnostics(result: CampaignLintResult): Diagnostic[] {
  return [...result.messages, ...result.posts.flatMap((p) => p.result.messages)];
}

/** "3 x" or "4 linkedin: launch day": how the matrix and the headings name a draft. */
function draftName(post: CampaignLintResult['posts'][number], index: number): string {
  return `${index + 1} ${post.channel}${post.label ? ': ' + post.label : ''}`;
}

/** Key messages (rows) by drafts (numbered columns): ✓ where the draft carries the message. */
export function coverageMatrix(result: CampaignLintResult, colors: Colors = plain): string[] {
  const ids = result.coverage.map((c) => c.id);
  const idWidth = Math.max('key message'.length, ...ids.map((id) => id.length));
  const columns = result.posts.map((_, i) => String(i + 1));
  const width = Math.max(...columns.map((c) => c.length));
  const lines = [`  ${colors.bold('coverage')} (key messages x drafts)`, `    ${pad('key message', idWidth)}  ${columns.map((c) => pad(c, width)).join(' ')}`];
  for (const reach of result.coverage) {
    const cells = result.posts.map((_, i) => pad(reach.carriedBy.includes(i) ? '✓' : colors.dim('·'), width));
    const count = reach.carriedBy.length;
    let note = count === 0 ? colors.yellow('carried by no draft') : `${count} draft${count === 1 ? '' : 's'}`;
    if (reach.missingOn.length) note += colors.yellow(`, none on ${reach.missingOn.join(', ')}`);
    lines.push(`    ${pad(reach.id, idWidth)}  ${cells.join(' ')}  ${note}`);
  }
  lines.push(`    ${colors.dim(result.posts.map((p, i) => draftName(p, i)).join('  '))}`);
  return lines;
}

// eslint-disable-next-line no-control-regex
const visibleLength = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - visibleLength(s)));
