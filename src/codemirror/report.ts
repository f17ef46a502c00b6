import { lint, lintCampaign, measure, type Diagnostic, type KeyMessageCoverage, type Measurement } from '../index.js';
import { findChannel, type ResolvedSettings } from './settings.js';

/** One draft's length: where it sits in the document, its channel and its count. */
export interface DraftCount {
  /** The draft's first and last character in the document (the whole document for a single draft). */
  from: number;
  to: number;
  /** The channel's id and display name ("x", "X"). */
  channel: string;
  channelName: string;
  /** A plan's heading label, "launch day" in `## x: launch day`. */
  label?: string;
  measurement: Measurement;
  /** The characters past the channel's limit, in document offsets. */
  overflow?: { from: number; to: number };
}

/** What one lint of the document found. Offsets are UTF-16 code units in the text that was linted. */
export interface PostlintReport {
  /** The text the report describes. */
  text: string;
  /** `plan` when the document is a campaign plan linted draft by draft. */
  mode: 'draft' | 'plan';
  /** Every problem (a plan's own messages first), fixes and suggestions in document offsets. */
  messages: Diagnostic[];
  drafts: DraftCount[];
  /** With a campaign, the key messages a single draft carries and misses (a plan's drafts: see `lintCampaign`). */
  keyMessages?: KeyMessageCoverage;
  /** Why nothing could be linted: a settings mistake, naming the key and the fix. */
  error?: string;
  /** How long the core took, in milliseconds, and when it started (`performance.now()`), for timing a page. */
  lintMs: number;
  startedAt?: number;
}

// The CLI's test for a campaign plan: front matter that has a `keyMessages` key.
const PLAN = /^\uFEFF?---\r?\n/u;
const KEY_MESSAGES = /^keyMessages\s*:/mu;

export function isPlan(text: string, resolved: ResolvedSettings): boolean {
  return resolved.settings.campaignPlans !== false && PLAN.test(text) && KEY_MESSAGES.test(text);
}

/** Lints a document: a plan draft by draft, anything else as one draft for the settings' channel. Never throws. */
export function lintText(text: string, resolved: ResolvedSettings): PostlintReport {
  const started = now();
  const plan = isPlan(text, resolved);
  try {
    if (plan) {
      const result = lintCampaign(text, resolved.planOptions);
      const messages = [...result.messages, ...result.posts.flatMap((post) => post.result.messages)];
      const drafts = result.posts.map((post): DraftCount => {
        const from = post.start.offset;
        const to = post.end.offset;
        const draft: DraftCount = { from, to, channel: post.channel, channelName: channelName(post.channel, resolved), measurement: post.result.measure };
        if (post.label) draft.label = post.label;
        const overflow = planOverflow(text, post.text, from, to, post.result.measure, post.result.messages);
        if (overflow) draft.overflow = overflow;
        return draft;
      });
      return { text, mode: 'plan', messages, drafts, lintMs: now() - started, startedAt: started };
    }
    const result = lint({ text, channel: resolved.channel }, resolved.lintOptions);
    const report: PostlintReport = { text, mode: 'draft', messages: result.messages, drafts: [draftCount(text, resolved, result.measure)], lintMs: 0, startedAt: started };
    if (result.keyMessages) report.keyMessages = result.keyMessages;
    report.lintMs = now() - started;
    return report;
  } catch (error) {
    return { text, mode: plan ? 'plan' : 'draft', messages: [], drafts: [], error: error instanceof Error ? error.message : String(error), lintMs: now() - started, startedAt: started };
  }
}

/** A single draft's count without linting it: cheap enough for every keystroke. Undefined for bad settings. */
export function countDraft(text: string, resolved: ResolvedSettings): DraftCount | undefined {
  if (!resolved.profile) return undefined;
  try {
    return draftCount(text, resolved, measure(text, resolved.profile, resolved.lintOptions.channels ? { channels: resolved.lintOptions.channels } : {}));
  } catch {
    return undefined;
  }
}

function draftCount(text: string, resolved: ResolvedSettings, measurement: Measurement): DraftCount {
  const channel = measurement.channel;
  const draft: DraftCount = { from: 0, to: text.length, channel, channelName: resolved.profile?.name ?? channel, measurement };
  if (measurement.overflowStart !== undefined && measurement.overflowStart < text.length) draft.overflow = { from: measurement.overflowStart, to: text.length };
  return draft;
}

/**
 * A plan's counts are of the text the channel shows (Markdown rendered for channels that do not
 * render it), so the overflow maps back to the source directly only where the two are the same;
 * elsewhere `max-length`'s own range (already in source offsets) marks it.
 */
function planOverflow(source: string, shown: string, from: number, to: number, measurement: Measurement, messages: Diagnostic[]): DraftCount['overflow'] {
  if (measurement.overflowStart === undefined) return undefined;
  if (source.slice(from, to) === shown) return measurement.overflowStart < shown.length ? { from: from + measurement.overflowStart, to } : undefined;
  const tooLong = messages.find((m) => m.ruleId === 'max-length');
  return tooLong && tooLong.end.offset > tooLong.start.offset ? { from: tooLong.start.offset, to: tooLong.end.offset } : undefined;
}

function channelName(id: string, resolved: ResolvedSettings): string {
  return findChannel(id, resolved.lintOptions.channels)?.name ?? id;
}

/** "262/280 weighted characters for X", with the SMS encoding or the byte cap where the channel has one. */
export function formatCount(draft: Pick<DraftCount, 'channelName' | 'measurement'>): string {
  const m = draft.measurement;
  if (m.limit === Infinity) return `${m.count} ${m.unit} for ${draft.channelName} (no limit)`;
  let line = `${m.count}/${m.limit} ${m.unit} for ${draft.channelName}`;
  if (m.sms) line += ` (${m.sms.encoding}, ${m.sms.characters} characters)`;
  if (m.bytes) line += `, ${m.bytes.count}/${m.bytes.limit} UTF-8 bytes`;
  if (m.count > m.limit) line += `: ${m.count - m.limit} over`;
  else if (m.bytes && m.bytes.count > m.bytes.limit) line += `: ${m.bytes.count - m.bytes.limit} bytes over`;
  return line;
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}
