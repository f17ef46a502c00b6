import type { CampaignLintResult } from '../engine/campaign.js';
import type { Colors } from './stylish.js';

const plain: Colors = { red: String, yellow: String, blue: String, dim: String, underline: String, bold: String };

/** After the stylish report: what each draft carries, then the coverage matrix. */
export function formatCampaignSummary(file: string, result: CampaignLintResult, colors: Colors = plain): string {
  if (!result.campaign) return '';
  const out = [colors.underline(file) + ` ${colors.bold('campaign')} ${result.campaign.name}: ${plural(result.campaign.keyMessages.length, 'key message')}, ${plural(result.posts.length, 'draft')}`];
  result.posts.forEach((post, index) => {
    const carried = post.result.keyMessages?.carried ?? [];
    out.push(`  ${draftLabel(post, index)} ${colors.dim(`(line ${post.start.line})`)} carries: ${carried.length ? carried.join(', ') : colors.yellow('no key message')}`);
  });
  if (result.posts.length) out.push('', ...coverageMatrix(result, colors));
  return out.join('\n') + '\n';
}

/** "3 x" or "4 linkedin: launch day": how the matrix and the headings name a draft. */
export function draftLabel(post: CampaignLintResult['posts'][number], index: number): string {
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
  lines.push(`    ${colors.dim(result.posts.map((p, i) => draftLabel(p, i)).join('  '))}`);
  return lines;
}

// eslint-disable-next-line no-control-regex
const visibleLength = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - visibleLength(s)));

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
