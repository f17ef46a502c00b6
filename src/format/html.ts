import type { Diagnostic, Fix, LintResult } from '../core/types.js';
import { channels as builtinChannels } from '../channels/builtin.js';
import { applyFix } from '../text/edits.js';
import { splitDraft } from '../text/draft.js';
import type { CampaignLintResult } from '../engine/campaign.js';
import { allMessages, type FormatContext, type FormattedFile } from './types.js';
import { countProblems, describeCount } from './summary.js';

/**
 * A campaign report people can act on: one self-contained HTML page (inline CSS, no script, opens
 * from disk) with the campaign, a coverage matrix, each draft as it will read with its problems
 * highlighted in place, its length against the limit, and the fix or suggestion for each problem.
 * Pure: it returns the page as a string.
 */
export function formatHtml(files: FormattedFile[], context: FormatContext): string {
  const counts = countProblems(files.flatMap(allMessages));
  const posts = files.flatMap((f) => f.posts);
  const fitting = posts.filter((p) => p.result.measure.fits).length;
  const plans = files.filter((f) => f.campaign?.campaign);
  const missing = plans.flatMap((f) => f.campaign!.coverage.filter((c) => c.carriedBy.length === 0).map((c) => c.id));
  const title = plans.length === 1 ? `${plans[0]!.campaign!.campaign!.name}: postlint report` : 'postlint report';
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(files.map((f) => f.file).join(', '))} · postlint ${esc(context.version)}</p></header>`,
    '<main>',
    '<section aria-labelledby="summary"><h2 id="summary">Summary</h2><dl class="summary">',
    summaryItem('Errors', counts.errors, counts.errors > 0 ? 'error' : 'ok'),
    summaryItem('Warnings', counts.warnings, counts.warnings > 0 ? 'warning' : 'ok'),
    summaryItem('Notes', counts.infos, 'info'),
    summaryItem('Drafts that fit their channel', `${fitting} of ${posts.length}`, fitting === posts.length ? 'ok' : 'error'),
    plans.length ? summaryItem('Key messages no draft carries', missing.length ? missing.join(', ') : 'none', missing.length ? 'warning' : 'ok') : '',
    '</dl></section>',
    ...files.map((file, index) => renderFile(file, index, context)),
    '</main>',
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}

function summaryItem(label: string, value: number | string, tone: string): string {
  return `<div class="${tone}"><dt>${esc(label)}</dt><dd>${esc(String(value))}</dd></div>`;
}

function renderFile(file: FormattedFile, fileIndex: number, context: FormatContext): string {
  const plan = file.campaign;
  const campaign = plan?.campaign;
  const id = `f${fileIndex + 1}`;
  const out = [`<section class="file" aria-labelledby="${id}">`, `<h2 id="${id}">${esc(campaign ? campaign.name : file.file)}</h2>`];
  if (campaign) {
    out.push(`<p class="meta">${esc(file.file)}</p>`);
    if (campaign.theme) out.push(`<p class="theme">${esc(campaign.theme)}</p>`);
    out.push(`<h3>Key messages</h3><dl class="key-messages">`);
    for (const message of campaign.keyMessages) {
      const notes = [message.channels?.length ? `must appear on ${message.channels.map(channelName).join(', ')}` : '', message.beforeFold ? 'before the "see more" fold' : ''].filter(Boolean);
      out.push(`<dt>${esc(message.id)}</dt><dd>${esc(message.text)}${notes.length ? ` <span class="note">(${esc(notes.join('; '))})</span>` : ''}</dd>`);
    }
    out.push('</dl>');
    out.push(coverageTable(plan!, id));
  }
  const own = file.messages ?? [];
  if (own.length) {
    out.push(`<h3>About the ${campaign ? 'plan' : 'file'}</h3>`, problemList(own, `${id}-plan`, file.source ?? '', context));
  }
  const source = file.source ?? '';
  file.posts.forEach((post, index) => {
    if (post.result.messages.length === 0 && !context.verbose && !campaign && file.posts.length > 1) return;
    const where = draftText(file, index, source);
    out.push(renderDraft(post, where, `${id}-d${index + 1}`, context, source));
  });
  out.push('</section>');
  return out.join('\n');
}

/** The draft's text and where it starts in the file: a campaign draft's section, or a file's body after its front matter. */
function draftText(file: FormattedFile, index: number, source: string): { text: string; base: number } {
  const planned = file.campaign?.posts[index];
  if (planned) return { text: source.slice(planned.start.offset, planned.end.offset), base: planned.start.offset };
  const markdown = /\.(?:md|markdown|mdx)$/i.test(file.file);
  const frontMatterEnd = splitDraft(source, { markdown }).frontMatter?.end ?? 0;
  const start = frontMatterEnd === 0 ? 0 : source.indexOf('\n', frontMatterEnd - 1) + 1 || frontMatterEnd;
  return { text: source.slice(start).replace(/\r?\n$/, ''), base: start };
}

function coverageTable(plan: CampaignLintResult, id: string): string {
  const head = plan.posts
    .map((p, i) => `<th scope="col" data-draft="${i + 1}"><a href="#${id}-d${i + 1}">${i + 1}</a> <span class="channel">${esc(channelName(p.channel))}</span>${p.label ? `<span class="label">${esc(p.label)}</span>` : ''}</th>`)
    .join('');
  const rows = plan.coverage.map((reach) => {
    const cells = plan.posts
      .map((_, i) => {
        const carried = reach.carriedBy.includes(i);
        return `<td class="${carried ? 'carried' : 'missing'}" data-draft="${i + 1}" data-carried="${carried ? 'yes' : 'no'}"><span aria-hidden="true">${carried ? '✓' : '–'}</span><span class="cell-text">${carried ? 'carried' : 'missing'}</span></td>`;
      })
      .join('');
    const count = reach.carriedBy.length;
    let note = count === 0 ? 'carried by no draft' : `${count} draft${count === 1 ? '' : 's'}`;
    if (reach.missingOn.length) note += `; none on ${reach.missingOn.map(channelName).join(', ')}`;
    return `<tr data-key-message="${esc(reach.id)}"><th scope="row">${esc(reach.id)}</th>${cells}<td class="${count === 0 || reach.missingOn.length ? 'gap' : ''}">${esc(note)}</td></tr>`;
  });
  return `<h3 id="${id}-coverage">Coverage: key messages × drafts</h3>
<div class="table-wrap"><table class="coverage" aria-labelledby="${id}-coverage">
<thead><tr><th scope="col">Key message</th>${head}<th scope="col">Reach</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>`;
}

function renderDraft(post: FormattedFile['posts'][number], where: { text: string; base: number }, id: string, context: FormatContext, source: string): string {
  const { result } = post;
  const planned = /^(\d+) [^:]+(?:: (.*))?$/.exec(post.label ?? '');
  const heading = planned ? `Draft ${planned[1]}: ${channelName(result.channel)}${planned[2] ? `, ${planned[2]}` : ''}` : `Draft for ${channelName(result.channel)}`;
  return [
    `<article class="draft" id="${id}" aria-labelledby="${id}-h">`,
    `<h3 id="${id}-h">${esc(heading)}</h3>`,
    lengthBar(result),
    `<div class="post" aria-label="The draft as it will read">${highlight(where.text, where.base, result.messages, id)}</div>`,
    result.messages.length ? problemList(result.messages, id, source, context) : '<p class="clean">No problems.</p>',
    '</article>',
  ].join('\n');
}

function lengthBar(result: LintResult): string {
  const m = result.measure;
  const count = `${describeCount(m)} for ${channelName(result.channel)}`;
  if (m.limit === Infinity) return `<p class="length">${esc(count)}</p>`;
  const share = Math.min(100, Math.round((m.count / Math.max(1, m.limit)) * 100));
  const status = m.fits ? `fits, ${m.remaining} left` : `too long, ${m.count - m.limit} over`;
  return `<div class="length ${m.fits ? 'fits' : 'over'}"><p>${esc(count)}: <strong>${esc(status)}</strong></p><div class="bar" aria-hidden="true"><div style="width:${share}%"></div></div></div>`;
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const ICON = { error: '✕', warning: '!', info: 'i' } as const;
const RANK = { error: 3, warning: 2, info: 1 } as const;

/** The draft's text, each problem's range marked (overlaps split into pieces), with its number after it. */
function highlight(text: string, base: number, messages: readonly Diagnostic[], id: string): string {
  const ranges = messages
    .map((m, i) => ({ n: i + 1, m, start: m.start.offset - base, end: m.end.offset - base }))
    .filter((r) => r.end >= 0 && r.start <= text.length)
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(text.length, r.end) }));
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    // Problems without a range (a missing key message, a missing hashtag) are flagged where they point.
    for (const r of ranges.filter((r) => r.start === at && r.end === at)) html += ref(r, id, true);
    const next = cuts[i + 1];
    if (next === undefined) break;
    const piece = esc(text.slice(at, next));
    const covering = ranges.filter((r) => r.start <= at && r.end >= next && r.end > r.start);
    if (covering.length) {
      const worst = covering.reduce((a, b) => (RANK[b.m.severity] > RANK[a.m.severity] ? b : a));
      const rules = [...new Set(covering.map((r) => r.m.ruleId))].join(' ');
      html += `<mark class="${worst.m.severity}" data-rule="${esc(rules)}" data-problems="${covering.map((r) => r.n).join(' ')}">${piece}</mark>`;
    } else html += piece;
    for (const r of ranges.filter((r) => r.end === next && r.end > r.start)) html += ref(r, id, false);
  }
  return html;
}

function ref(r: { n: number; m: Diagnostic }, id: string, point: boolean): string {
  return `<a class="ref ${r.m.severity}${point ? ' point' : ''}" href="#${id}-p${r.n}" aria-label="${SEVERITY[r.m.severity]} ${r.n}">${point ? '▲' : ''}${r.n}</a>`;
}

function problemList(messages: readonly Diagnostic[], id: string, source: string, context: FormatContext): string {
  const items = messages.map((m, i) => {
    const what = [`<span class="badge ${m.severity}"><span aria-hidden="true">${ICON[m.severity]}</span> ${SEVERITY[m.severity]}</span>`, `<span class="message">${esc(m.message)}</span>`];
    const meta = `<span class="where">line ${m.start.line}, column ${m.start.column}</span> · <a href="${esc(m.url)}">${esc(m.ruleId)}</a>`;
    const remedies = [...(m.fix ? [remedy('Fix (postlint --fix applies it)', m.fix, source)] : []), ...(m.suggestions ?? []).map((s) => remedy(`Suggestion: ${s.title}`, s.fix, source))];
    const rule = context.rules[m.ruleId];
    return `<li id="${id}-p${i + 1}" class="${m.severity}"><p>${what.join(' ')}</p><p class="meta">${meta}${rule ? ` · ${esc(rule.meta.description)}` : ''}</p>${remedies.join('')}</li>`;
  });
  return `<ol class="problems">${items.join('\n')}</ol>`;
}

/** A fix or suggestion as the change it makes: "before" → "after" for short edits, the new text for long ones. */
function remedy(title: string, fix: Fix, source: string): string {
  const edits = fix.edits ?? [];
  const short = edits.length <= 3 && edits.every((e) => e.range[1] - e.range[0] <= 80 && e.text.length <= 80);
  if (short) {
    const changes = edits.map((e) => {
      const before = source.slice(e.range[0], e.range[1]);
      if (before === '') return `add <ins>${esc(e.text)}</ins>`;
      if (e.text === '') return `remove <del>${esc(visible(before))}</del>`;
      return `<del>${esc(visible(before))}</del> → <ins>${esc(visible(e.text))}</ins>`;
    });
    return `<p class="remedy"><strong>${esc(title)}:</strong> ${changes.join('; ')}</p>`;
  }
  const first = Math.min(...edits.map((e) => e.range[0]));
  const last = Math.max(...edits.map((e) => e.range[1]));
  const after = applyFix(source, fix);
  const shown = after === undefined ? '' : after.slice(first, after.length - (source.length - last));
  return `<details class="remedy"><summary>${esc(title)}</summary><div class="post">${esc(shown)}</div></details>`;
}

/** Invisible characters in a change, shown by name so the reader sees what goes. */
function visible(text: string): string {
  return text.replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

function channelName(id: string): string {
  return (builtinChannels as Record<string, { name: string } | undefined>)[id]?.name ?? id;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Colours pass WCAG AA on white; every state also has a word or symbol, so colour is never the only signal.
const STYLE = `
:root { color-scheme: light; --error: #b3261e; --warning: #8a5300; --info: #1d4f91; --ok: #1e6b34; --line: #d7d7de; --soft: #f5f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1f; background: #fff; }
header, main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: .5rem 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-top: 1rem; border-top: 2px solid var(--line); }
main > section:first-child h2 { border-top: 0; margin-top: .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta, .note { color: #55555f; font-size: .9rem; margin: .1rem 0; }
.theme { font-style: italic; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
dl.summary div { border: 1px solid var(--line); border-left: 6px solid var(--ok); border-radius: 6px; padding: .5rem .75rem; }
dl.summary div.error { border-left-color: var(--error); } dl.summary div.warning { border-left-color: var(--warning); } dl.summary div.info { border-left-color: var(--info); }
dl.summary dt { font-size: .85rem; color: #55555f; } dl.summary dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
dl.key-messages dt { font-weight: 600; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; }
dl.key-messages dd { margin: 0 0 .5rem 1rem; }
.table-wrap { overflow-x: auto; }
table.coverage { border-collapse: collapse; font-size: .95rem; }
table.coverage th, table.coverage td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: center; vertical-align: top; }
table.coverage th[scope="row"], table.coverage td:last-child { text-align: left; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
table.coverage td:last-child { font-family: inherit; }
table.coverage thead th { background: var(--soft); font-weight: 600; }
table.coverage .channel, table.coverage .label { display: block; font-weight: normal; font-size: .8rem; }
td.carried { background: #e6f4ea; color: var(--ok); font-weight: 600; }
td.missing { color: #6b6b75; }
td.gap { color: var(--warning); font-weight: 600; }
.cell-text { display: block; font-size: .7rem; font-weight: normal; }
article.draft { border: 1px solid var(--line); border-radius: 8px; padding: .25rem 1rem 1rem; margin: 1rem 0; }
.post { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border-radius: 6px; padding: .75rem 1rem; font-size: 1.02rem; }
mark { background: #fff1c2; color: inherit; border-bottom: 2px dotted var(--warning); padding: 0 1px; }
mark.error { background: #fde2e0; border-bottom: 2px solid var(--error); }
mark.info { background: #e3ecfa; border-bottom: 2px dashed var(--info); }
a.ref { font-size: .7rem; vertical-align: super; font-weight: 700; text-decoration: none; margin: 0 1px; }
a.ref.error { color: var(--error); } a.ref.warning { color: var(--warning); } a.ref.info { color: var(--info); }
.length p { margin: .25rem 0; } .length.over strong { color: var(--error); } .length.fits strong { color: var(--ok); }
.bar { height: .5rem; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; margin-bottom: .5rem; overflow: hidden; }
.bar div { height: 100%; background: var(--ok); }
.over .bar div { background: var(--error); }
ol.problems { padding-left: 1.5rem; } ol.problems li { margin: .6rem 0; } ol.problems p { margin: .1rem 0; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border-radius: 4px; padding: 0 .4rem; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.remedy { font-size: .95rem; margin: .25rem 0 0; } .remedy .post { font-size: .9rem; margin-top: .25rem; }
del { background: #fde2e0; text-decoration: line-through; } ins { background: #e6f4ea; text-decoration: none; }
.clean { color: var(--ok); font-weight: 600; }
@media print { h2 { break-before: auto; } article.draft { break-inside: avoid; } }
`;
