import type { TextEdit } from '../core/types.js';
import { channels as builtin } from '../channels/builtin.js';
import { resolveChannel } from '../channels/define.js';
import { measure } from '../channels/measure.js';
import { displayText, parseCampaignFile, sourceOffset } from '../text/campaign-file.js';
import { threadPartRanges } from '../text/thread-document.js';
import { planThread, threadEdits } from '../split/split.js';
import { applyFix } from '../text/edits.js';
import type { CampaignLintOptions } from './campaign.js';
import { resolveSettings, type RuleSet } from './settings.js';

/**
 * A campaign plan with every draft that does not fit its channel written as a thread for that
 * channel (numbered parts between lines of "---", cut where `planThread` cuts what the channel
 * shows), and everything else — front matter, headings, drafts that fit, drafts already written
 * as threads — as it was. A file that is no campaign plan comes back unchanged.
 */
export function splitCampaign(ruleSet: RuleSet, markdown: string, options: CampaignLintOptions = {}): string {
  const file = parseCampaignFile(markdown);
  if (!file.isCampaign) return markdown;
  const settings = resolveSettings(ruleSet, options);
  const known = { ...builtin, ...settings.channels } as Record<string, unknown>;
  const edits: TextEdit[] = [];
  for (const section of file.sections) {
    if (!Object.hasOwn(known, section.channel)) continue;
    const channel = resolveChannel(section.channel, settings.channels);
    const display = displayText(markdown, section.nodes);
    if (threadPartRanges(display.text).length > 1 || measure(display.text, channel, { channels: settings.channels }).fits) continue;
    const plan = planThread(display.text, channel, { channels: settings.channels });
    if (plan.parts.length < 2) continue;
    for (const edit of threadEdits(display.text, plan)) {
      const [from, to] = edit.range;
      if (edit.text === '') continue;
      // From just after the source of the text before the cut to the source of the text after it.
      const start = from === 0 ? sourceOffset(display, 0) : sourceOffset(display, from, true);
      const end = to >= display.text.length ? start : Math.max(start, sourceOffset(display, to));
      // Only white space between two parts is replaced: Markdown syntax there (a list marker) stays.
      const between = markdown.slice(start, end);
      edits.push({ range: /^\s*$/u.test(between) ? [start, end] : [start, start], text: edit.text });
    }
  }
  return edits.length ? applyFix(markdown, { edits }) ?? markdown : markdown;
}
