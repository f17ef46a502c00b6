/** Public types of postlint. Everything here is plain JSON-serialisable data or a pure function. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = 'off' | 'warn' | 'error' | 'info';

/** What a channel is good for: short channels suit news and campaigns, long-form ones detailed answers. */
export type Purpose =
  | 'news'
  | 'campaigns'
  | 'fundraising'
  | 'events'
  | 'conversation'
  | 'detailed-answers'
  | 'personal-questions'
  | 'articles';

export type CountUnit = 'weighted characters' | 'graphemes' | 'characters' | 'segments';

export type BuiltinChannelId =
  | 'x'
  | 'x-140'
  | 'bluesky'
  | 'mastodon'
  | 'threads'
  | 'linkedin'
  | 'instagram'
  | 'facebook'
  | 'sms'
  | 'email'
  | 'web'
  | 'helpline';
export type ChannelId = BuiltinChannelId | (string & {});

/** How a channel counts. `count` gets the shared entities so no counter re-extracts URLs. */
export interface Counter {
  unit: CountUnit;
  /** Returns the count and the UTF-16 offset of the first character past `limit` (if any). */
  count(text: string, limit: number, facts: CounterFacts): { count: number; overflowStart?: number; sms?: SmsDetails };
}

export interface CounterFacts {
  /** URL entities of the text, as twitter-text finds them (UTF-16 offsets). */
  urls(): readonly Entity[];
}

export interface SmsDetails {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters that fit one part when the message is split into several. */
  charactersPerSegment: number;
  /** Characters (GSM-7 septets or UCS-2 code units) the message uses. */
  characters: number;
  /** Distinct characters that force UCS-2, in order of appearance (empty for GSM-7). */
  nonGsmCharacters: string[];
}

export interface Channel {
  id: ChannelId;
  name: string;
  counter: Counter;
  /** Length limit in the counter's unit; `Infinity` for long-form channels. */
  limit: number;
  /** Where the feed cuts the post with "see more", in characters, if the channel folds. */
  fold?: number;
  /** A second cap in UTF-8 bytes (Bluesky: 3000). */
  maxBytes?: number;
  maxLinks?: number;
  maxHashtags?: number;
  maxMentions?: number;
  rendersMarkdown: boolean;
  purposes: readonly Purpose[];
  /** Characters the platform rejects outright. */
  invalidCharacters?: readonly string[];
  /** Where each number comes from, for the README and the rule messages. */
  source?: string;
}

export interface Measurement {
  channel: ChannelId;
  count: number;
  limit: number;
  unit: CountUnit;
  remaining: number;
  fits: boolean;
  /** UTF-16 offset of the first character past the limit. */
  overflowStart?: number;
  /** SMS only: encoding and characters per segment. */
  sms?: SmsDetails;
  /** Channels with a byte cap (Bluesky): the UTF-8 length and its cap. */
  bytes?: { count: number; limit: number };
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based UTF-16 offset. */
  offset: number;
}

export interface TextEdit {
  /** UTF-16 offsets in the linted text, end exclusive. */
  range: [number, number];
  text: string;
}

export interface Fix {
  edits: TextEdit[];
}

export interface Suggestion {
  title: string;
  fix: Fix;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId?: string;
  start: Position;
  end: Position;
  url: string;
  fix?: Fix;
  suggestions?: Suggestion[];
  data?: Record<string, unknown>;
}

export interface LintResult {
  channel: ChannelId;
  measure: Measurement;
  messages: Diagnostic[];
  /** The draft's language as the judgement rules read it: configured, or detected ('en' when unsure). Detected when first read, unless a rule has already. */
  language: 'en' | 'de' | 'fr';
  /** With `fix: true`: the draft after applying every safe fix (the messages describe this text). */
  output?: string;
  /** Whenever a campaign is given: ids of its key messages this draft carries, and of those it should but does not, in campaign order. Computed when first read (an enumerable property all the same). */
  keyMessages?: KeyMessageCoverage;
}

export interface KeyMessageCoverage {
  carried: string[];
  missing: string[];
  /** For each carried message, in campaign order: the stretch of the draft that carried it. */
  phrases: KeyMessagePhrase[];
}

/** Why a draft counts as carrying a key message: the words that said it. */
export interface KeyMessagePhrase {
  id: string;
  text: string;
  start: Position;
  end: Position;
}

/** One thing every post of a campaign should say, as the comms team writes it. */
export interface KeyMessage {
  id: string;
  /** The message in one sentence; drafts carry it by meaning, not by exact words. */
  text: string;
  /** Other phrasings or keywords that say the same. */
  also?: string[];
  /** Only these channels must carry it; it still counts wherever it appears. */
  channels?: ChannelId[];
  /** Must appear before the channel's "see more" fold (LinkedIn, Instagram, Facebook). */
  beforeFold?: boolean;
}

/** A multi-channel plan: one theme, one set of hashtags and link, one set of key messages. */
export interface Campaign {
  name: string;
  theme?: string;
  /** Written as every draft should write them, e.g. "#WorldCancerDay". */
  hashtags?: string[];
  link?: string;
  keyMessages: KeyMessage[];
}

export type Entity =
  | { type: 'url'; text: string; start: number; end: number }
  | { type: 'hashtag'; text: string; start: number; end: number }
  | { type: 'mention'; text: string; start: number; end: number }
  | { type: 'cashtag'; text: string; start: number; end: number };

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface Post {
  text: string;
  channel?: ChannelId | Channel;
  /** Mastodon's content warning: it counts towards the limit. */
  contentWarning?: string;
}

/**
 * The organisation's own published contacts: `personal-data` does not report them, and a draft that
 * points to them (an email, a handle, a link to one of the domains) signposts rather than answers.
 */
export interface Contacts {
  /** Helpline and office numbers, as published: "0808 800 4040", "+44 20 7946 0958". */
  phones?: string[];
  emails?: string[];
  /** Postal addresses or postcodes: "1 Main Street, London SW1A 2AA". */
  addresses?: string[];
  /** Social media handles: "@OurCharity". */
  handles?: string[];
  /** Web domains; emails and links at these domains (and their subdomains) are the organisation's. */
  domains?: string[];
}

/** A medicine a comms team posts about; the pharma rules read these. */
export interface Product {
  /** Proprietary (brand) name, matched as whole words in text, hashtags, @-tags and links. */
  brand: string;
  /** Established (generic) name, which must accompany the brand. */
  established: string;
  /** Its most serious risks, as phrases the post must carry (a trailing `*` matches any ending). */
  riskInfo: string[];
  /** The page devoted to its fuller risk information. */
  riskUrl: string;
  /** Prescription-only medicine (POM in the UK). */
  prescriptionOnly?: boolean;
  /** Markets it is promoted in, e.g. ["US", "UK"]. */
  markets?: string[];
}
