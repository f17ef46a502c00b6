import type { Diagnostic, LintOptions, LintResult, Post } from '../types.js';
import { Analysis } from '../analyse/analysis.js';
import { resolveChannel } from '../channels/define.js';
import { PostlintConfigError } from '../errors.js';
import { measureWithFacts } from '../measure/measure.js';
import { compileProducts } from './products.js';
import { DOCS_BASE, formatMessage, type Report, type RuleContext } from './rule.js';
import { resolveSettings, type EnabledRule } from './settings.js';
import { fixUntilStable } from './fix.js';
import { checkedCampaign } from './campaign-schema.js';
import { keyMessageCoverage } from '../../rules/lib/key-message-match.js';

/**
 * Lints one draft for its channel: measure it, analyse it once, run every enabled rule on the
 * shared analysis, and return the messages sorted by position. Synchronous and pure.
 * With `fix: true` it applies the fixes, re-lints the result until no fix is left (at most
 * MAX_FIX_PASSES passes) and returns the fixed text as `output` with the messages that remain.
 */
export function lint(post: Post, options: LintOptions = {}): LintResult {
  const fix = options?.fix;
  if (fix !== undefined && typeof fix !== "boolean") throw new PostlintConfigError('fix', `expected true or false, got ${JSON.stringify(fix)}`);
  if (!fix) return lintOnce(post, options);
  let last: LintResult | undefined;
  const { output } = fixUntilStable(post.text, (text) => (last = lintOnce({ ...post, text }, options)).messages);
  return { ...last!, output };
}

/** One lint pass with only the enabled rules `select` keeps (lintThread gives some rules the whole thread, the others each post). */
export function lintOnce(post: Post, options: LintOptions, select: (rule: EnabledRule['rule']) => boolean = () => true): LintResult {
  if (typeof post !== 'object' || post === null || typeof post.text !== 'string') {
    throw new PostlintConfigError('post.text', 'expected { text: string, channel?: string }');
  }
  if (post.contentWarning !== undefined && typeof post.contentWarning !== 'string') {
    throw new PostlintConfigError('post.contentWarning', `expected a string, got ${typeof post.contentWarning}`);
  }
  const settings = resolveSettings(options);
  const channel = resolveChannel(post.channel, settings.channels);
  const products = compileProducts(options.products);
  const campaign = options.campaign === undefined ? undefined : checkedCampaign(options.campaign);
  const text = post.text;
  const analysis = new Analysis(text);
  const measurement = measureWithFacts(text, channel, { urls: () => analysis.countedUrls }, post.contentWarning);
  const messages: Diagnostic[] = [];

  for (const { rule, severity, options: ruleOptions } of settings.rules) {
    if (!select(rule)) continue;
    const { meta } = rule;
    const report = (found: Report) => {
      const start = clamp(found.start, text.length);
      const end = clamp(Math.max(found.end, start), text.length);
      const diagnostic: Diagnostic = {
        ruleId: meta.id,
        severity: found.severity ?? severity,
        message: formatMessage(meta.messages[found.messageId] ?? found.messageId, found.data),
        messageId: found.messageId,
        start: analysis.position(start),
        end: analysis.position(end),
        url: meta.url ?? DOCS_BASE + meta.id,
      };
      if (found.fix) diagnostic.fix = found.fix;
      if (found.suggestions?.length) diagnostic.suggestions = found.suggestions;
      if (found.details || found.data) diagnostic.data = { ...found.data, ...found.details };
      messages.push(diagnostic);
    };
    const context: RuleContext<unknown> = {
      text,
      channel,
      measurement,
      analysis,
      options: ruleOptions,
      longFormChannels: settings.longFormChannels,
      products,
      report,
    };
    if (campaign) context.campaign = campaign;
    try {
      rule.check(context);
    } catch (error) {
      // A rule's bug must not take down an editor or a publish hook: report it where it shows.
      messages.push({
        ruleId: meta.id,
        severity: 'error',
        message: `Rule "${meta.id}" failed on this draft: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
        messageId: 'internal-error',
        start: analysis.position(0),
        end: analysis.position(0),
        url: meta.url ?? DOCS_BASE + meta.id,
      });
    }
  }
  messages.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const result: LintResult = { channel: channel.id, measure: measurement, messages };
  if (campaign) result.keyMessages = keyMessageCoverage(analysis, campaign, channel);
  return result;
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), length) : 0;
}
