import type { Diagnostic, LintResult, Position, Post, Severity } from '../core/types.js';
import type { LintOptions } from './options.js';
import { Analysis } from '../facts/analysis.js';
import { resolveChannel } from '../channels/define.js';
import { PostlintConfigError } from '../core/errors.js';
import { measureWithFacts } from '../channels/measure.js';
import { compileProducts } from '../facts/products.js';
import { compileContacts } from '../facts/own-contacts.js';
import { DOCS_BASE, formatMessage, type Report, type RuleContext } from '../rule/rule.js';
import { resolveSettings, type EnabledRule, type RuleSet } from './settings.js';
import { fixUntilStable } from '../text/edits.js';
import { checkedCampaign } from './campaign-schema.js';
import { keyMessageCoverage } from '../facts/key-message-match.js';
import { isWordVectors, type WordVectors } from '../facts/word-vectors.js';
import { applyDirectives, parseDirectives } from '../text/directives.js';
import { defineLazyProperty, defineLazySuggestions } from '../core/lazy.js';
import { mapResultToFile, withoutDirectives } from '../text/draft.js';

/**
 * Lints one draft for its channel: measure it, analyse it once, run every enabled rule on the
 * shared analysis, and return the messages sorted by position. Synchronous and pure.
 * `<!-- postlint-disable ... -->` comments in the draft are honoured here, so the API, the CLI and
 * the language server agree: they are not measured (they are never published) and they drop the
 * messages they disable. With `fix: true` it applies the fixes, re-lints the result until no fix
 * is left (at most MAX_FIX_PASSES passes) and returns the fixed text as `output` with the messages
 * that remain.
 */
export function lintWithRuleSet(ruleSet: RuleSet, post: Post, options: LintOptions = {}): LintResult {
  const fix = options?.fix;
  if (fix !== undefined && typeof fix !== "boolean") throw new PostlintConfigError('fix', `expected true or false, got ${JSON.stringify(fix)}`);
  if (!fix) return lintWithDirectives(ruleSet, post, options);
  let last: LintResult | undefined;
  const { output } = fixUntilStable(post.text, (text) => (last = lintWithDirectives(ruleSet, { ...post, text }, options)).messages);
  return { ...last!, output };
}

function lintWithDirectives(ruleSet: RuleSet, post: Post, options: LintOptions): LintResult {
  const text = typeof post === 'object' && post !== null ? post.text : undefined;
  const directives = typeof text === 'string' && text.includes('<!--') ? parseDirectives(text) : [];
  if (directives.length === 0) return lintDraft(ruleSet, post, options).result;
  const source = withoutDirectives(text!, directives);
  const result = mapResultToFile(source, lintDraft(ruleSet, { ...post, text: source.body }, options).result);
  const settings = resolveSettings(ruleSet, options);
  return { ...result, messages: applyDirectives(text!, result.messages, { reportUnused: settings.reportUnusedDisableDirectives, knownRules: settings.knownRuleIds }) };
}

/** One draft's result and the facts it was computed from, for callers that read them too (campaign plans). */
export interface LintedDraft {
  result: LintResult;
  analysis: Analysis;
}

/**
 * Lints a draft's text as it is: no directives, no fixes; only the enabled rules `select` keeps
 * (lintThread gives some rules the whole thread, the others each post). `eager`: the language and
 * key-message coverage are set as plain values (a campaign plan reads both of every draft), not left
 * to compute on first read.
 */
export function lintDraft(ruleSet: RuleSet, post: Post, options: LintOptions, select: (rule: EnabledRule['rule']) => boolean = () => true, eager = false): LintedDraft {
  if (typeof post !== 'object' || post === null || typeof post.text !== 'string') {
    throw new PostlintConfigError('post.text', 'expected { text: string, channel?: string }');
  }
  if (post.contentWarning !== undefined && typeof post.contentWarning !== 'string') {
    throw new PostlintConfigError('post.contentWarning', `expected a string, got ${typeof post.contentWarning}`);
  }
  const settings = resolveSettings(ruleSet, options);
  const channel = resolveChannel(post.channel, settings.channels);
  const products = compileProducts(options.products);
  const contacts = compileContacts(options.contacts);
  const campaign = options.campaign === undefined ? undefined : checkedCampaign(options.campaign);
  const wordVectors = options.wordVectors === undefined ? undefined : checkedWordVectors(options.wordVectors);
  const text = post.text;
  const analysis = new Analysis(text, settings.language ? { language: settings.language } : {});
  const measurement = measureWithFacts(text, channel, { urls: () => analysis.countedUrls }, post.contentWarning);
  const messages: Diagnostic[] = [];

  for (const { id, rule, severity, options: ruleOptions } of settings.rules) {
    if (!select(rule)) continue;
    const { meta } = rule;
    const url = ruleUrl(id, meta.url);
    const report = (found: Report) => {
      const start = clamp(found.start, text.length);
      const end = clamp(Math.max(found.end, start), text.length);
      messages.push(reportedDiagnostic(found, { ruleId: id, severity, url }, meta.messages, analysis.position(start), analysis.position(end)));
    };
    const context: RuleContext<unknown> = {
      text,
      channel,
      measurement,
      analysis,
      options: ruleOptions,
      longFormChannels: settings.longFormChannels,
      products,
      contacts,
      report,
    };
    if (campaign) context.campaign = campaign;
    if (wordVectors) context.wordVectors = wordVectors;
    try {
      rule.check(context);
    } catch (error) {
      // A rule's bug must not take down an editor or a publish hook: report it where it shows.
      messages.push({
        ruleId: id,
        severity: 'error',
        message: `Rule "${id}" failed on this draft: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
        messageId: 'internal-error',
        start: analysis.position(0),
        end: analysis.position(0),
        url,
      });
    }
  }
  messages.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  // The language and the key-message coverage are computed when read, not for every draft: most
  // callers (an editor on each keystroke, a CI run printing messages) read neither, and a rule that
  // needed them has already computed them on the analysis, which both read from.
  const result = { channel: channel.id, measure: measurement, messages } as LintResult;
  if (eager) {
    // Read at once, the lazy properties cost two property redefinitions each (and a slower object
    // after them): set in the same order, with the same values.
    result.language = campaign ? languageFromWords(analysis) : analysis.languageLater()();
    if (campaign) result.keyMessages = keyMessageCoverage(analysis, campaign, channel, wordVectors);
    return { result, analysis };
  }
  // Without a campaign nothing else holds the analysis: the language is read from the text alone.
  defineLazyProperty(result, 'language', campaign ? () => languageFromWords(analysis) : analysis.languageLater());
  if (campaign) defineLazyProperty(result, 'keyMessages', () => keyMessageCoverage(analysis, campaign, channel, wordVectors));
  return { result, analysis };
}

/**
 * With a campaign, the language is read from the draft's words: a caller reading the language reads
 * the coverage too (JSON, a campaign plan), and the coverage reads the words anyway, so the language
 * is detected in their one pass rather than in a scan of the text first (the same answer).
 */
function languageFromWords(analysis: Analysis): LintResult['language'] {
  void analysis.words;
  return analysis.language;
}

/** Where a message's rule is documented: its own url, the rule reference for a built-in, none for a plugin's rule without one. */
export function ruleUrl(id: string, url: string | undefined): string {
  return url ?? (id.includes('/') ? '' : DOCS_BASE + id);
}

function checkedWordVectors(vectors: unknown): WordVectors {
  if (isWordVectors(vectors)) return vectors;
  throw new PostlintConfigError('wordVectors', "expected the WordVectors of '@postlint/vectors-en' (englishWordVectors()), or leave it out");
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), length) : 0;
}

/** A rule's report as a diagnostic at the given positions: its message filled in, fix, suggestions (lazy or listed) and data. */
export function reportedDiagnostic(found: Report, rule: { ruleId: string; severity: Severity; url: string }, messages: Record<string, string>, start: Position, end: Position): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId: rule.ruleId,
    severity: found.severity ?? rule.severity,
    message: formatMessage(messages[found.messageId] ?? found.messageId, found.data),
    messageId: found.messageId,
    start,
    end,
    url: rule.url,
  };
  if (found.fix) diagnostic.fix = found.fix;
  const { suggestions } = found;
  if (typeof suggestions === 'function') defineLazySuggestions(diagnostic, suggestions);
  else if (suggestions?.length) diagnostic.suggestions = suggestions;
  if (found.details || found.data) diagnostic.data = { ...found.data, ...found.details };
  return diagnostic;
}
