import type { WordVectors } from '../facts/word-vectors.js';
import type * as v from 'valibot';
import type { Analysis } from '../facts/analysis.js';
import type { Campaign, Channel, ChannelId, Contacts, Diagnostic, Fix, KeyMessageCoverage, Measurement, Product, Severity, Suggestion } from '../core/types.js';
import type { Products } from '../facts/products.js';
import type { OwnContacts } from '../facts/own-contacts.js';
import type { Language } from '../facts/language.js';

export const DOCS_BASE = 'https://github.com/postlint/postlint/blob/main/docs/rules.md#';

/** An example in a rule's docs; examples run as tests, so the docs cannot drift from behaviour. */
export interface RuleExample {
  text: string;
  channel?: ChannelId;
  options?: Record<string, unknown>;
  /** For incorrect examples: the messages expected, in order. */
  messages?: string[];
  /** For fixable rules: the text after fixing. */
  output?: string;
  /** For rules that read `LintOptions.products` (the pharma rules). */
  products?: Product[];
  /** For incorrect examples: the UTF-16 range [start, end) of each message, in order. */
  ranges?: [number, number][];
  /** For rules with suggestions: every suggestion of every message, in order, with the text after applying it. */
  suggestions?: { title: string; output: string }[];
  /** The organisation's own contacts (`LintOptions.contacts`). */
  contacts?: Contacts;
  /** For campaign rules: the campaign the draft belongs to. */
  campaign?: Campaign;
  /** For plan-level rules: `text` is a whole Markdown campaign file, linted with `lintCampaign`. */
  plan?: boolean;
  /** The draft's language (`LintOptions.language`); detected from the text when absent. */
  language?: Language;
  /** For thread-level rules: `text` is a thread document (posts between lines of "---"), linted with `lintThread`. */
  thread?: boolean;
}

export interface RuleMeta<Options> {
  /** kebab-case, stable: configs and disable comments name it. */
  id: string;
  /** One line, shown in the rule reference and in SARIF. */
  description: string;
  url?: string;
  severity: Severity;
  fixable: boolean;
  hasSuggestions?: boolean;
  /**
   * The rule judges a draft written as a thread as a whole (its key messages, its campaign hashtag)
   * or each of its posts itself (from `analysis.thread`, saying which post holds what): a thread
   * document is given to it whole, not post by post as to the other rules.
   */
  readsThread?: boolean;
  /** Message templates by id; `{name}` is replaced from the report's data. */
  messages: Record<string, string>;
  /** Schema of the options (valibot); defaults are merged in before it validates. */
  schema?: v.GenericSchema<Options>;
  defaults: Options;
  docs: {
    /** Why the rule exists, with its sources. */
    why: string;
    sources?: string[];
    /** The draft languages the rule judges in its own terms (phrase lists, formulas); absent for rules that do not depend on the language. */
    languages?: readonly Language[];
    correct: RuleExample[];
    incorrect: RuleExample[];
  };
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** UTF-16 offsets in the draft, end exclusive. */
  start: number;
  end: number;
  /** Overrides the rule's severity for this report (a rule may grade its findings). */
  severity?: Severity;
  fix?: Fix;
  /**
   * Changes the author may choose. A function is called only when a consumer reads the
   * diagnostic's suggestions (a code action, `--split`, the RuleTester), for suggestions that cost
   * more to compute than the check itself (max-length's thread plan).
   */
  suggestions?: Suggestion[] | (() => Suggestion[] | undefined);
  /** Machine-readable detail for editors and scripts (signals, scores...). */
  details?: Record<string, unknown>;
}

export interface RuleContext<Options> {
  text: string;
  channel: Channel;
  measurement: Measurement;
  analysis: Analysis;
  options: Options;
  /** Channels the organisation uses for long-form answers, for rules that suggest moving content. */
  longFormChannels: readonly ChannelId[];
  /** `LintOptions.products`, validated, with a matcher computed once per draft (empty when none are configured). */
  products: Products;
  /** `LintOptions.contacts`, validated and compiled once (empty when none are configured). */
  contacts: OwnContacts;
  /** The campaign the draft belongs to (`LintOptions.campaign`), validated; campaign rules act only when it is set. */
  campaign?: Campaign;
  /** Word vectors for key messages by meaning (`LintOptions.wordVectors`), when given. */
  wordVectors?: WordVectors;
  report(report: Report): void;
}

/** One draft of a plan, as plan-level rules see it. */
export interface PlanDraft {
  channel: Channel;
  label?: string;
  keyMessages: KeyMessageCoverage;
  /** The draft's hashtags as written, with their offsets in the Markdown source. */
  hashtags: { text: string; start: number; end: number }[];
}

/** What a plan-level rule sees: the whole campaign file. Report offsets are in the Markdown source. */
export interface PlanContext<Options> {
  campaign: Campaign;
  drafts: readonly PlanDraft[];
  /** Source offsets of each key message's entry in the front matter, by id, and of each draft's heading. */
  keyMessageRanges: ReadonlyMap<string, [number, number]>;
  draftRanges: readonly [number, number][];
  options: Options;
  report(report: Report): void;
}

/** What a thread-level rule sees: the posts of a thread document. Report offsets are in the whole document. */
export interface ThreadContext<Options> {
  /** Each post's text and its UTF-16 range in the document, in order. */
  parts: readonly { text: string; start: number; end: number }[];
  channel: Channel;
  options: Options;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
  /** For rules about a whole campaign plan (coverage across drafts): run once per campaign file. */
  checkPlan?(context: PlanContext<Options>): void;
  /** For rules about a thread document as a whole (its numbering): run once per thread. */
  checkThread?(context: ThreadContext<Options>): void;
}

/** Identity, for type inference of a rule's options. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  // What template.replace(/\{(\w+)\}/g, ...) gives, by hand: every report of every keystroke formats
  // its message, and the regex with a callback was a twentieth of an editor's re-lint.
  let open = template.indexOf('{');
  if (open < 0) return template;
  let out = '';
  let from = 0;
  while (open >= 0) {
    let end = open + 1;
    while (end < template.length && isWordUnit(template.charCodeAt(end))) end++;
    if (end > open + 1 && template.charCodeAt(end) === 0x7d) {
      const key = template.slice(open + 1, end);
      out += template.slice(from, open) + (key in data ? String(data[key]) : template.slice(open, end + 1));
      from = end + 1;
      open = template.indexOf('{', from);
    } else open = template.indexOf('{', open + 1);
  }
  return out + template.slice(from);
}

/** A unit of the regex \w: an ASCII letter, digit or underscore. */
function isWordUnit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export type { Diagnostic };
