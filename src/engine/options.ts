import type { Campaign, Channel, ChannelId, Contacts, Product, RuleSetting, Severity } from '../core/types.js';
import type { Rule } from '../rule/rule.js';
import type { WordVectors } from '../facts/word-vectors.js';

/** Third-party rules: a plugin is `{ rules: { id: rule } }`, and its rules are configured as `plugin/id`. */
export interface Plugin {
  rules: Record<string, Rule<any>>;
}

export interface LintOptions {
  /** `recommended` (default) or `health`; more come with later presets. */
  preset?: string;
  /** Rule settings on top of the preset, as ESLint users expect. */
  rules?: Record<string, RuleSetting>;
  /** Custom or overriding channel profiles, by id. */
  channels?: Record<string, Channel>;
  /** Channels a rule may suggest for content that does not fit a short one. */
  longFormChannels?: ChannelId[];
  /** Third-party rules by plugin name: `{ acme: { rules: { 'no-foo': rule } } }`, configured as `rules: { 'acme/no-foo': 'warn' }`. */
  plugins?: Record<string, Plugin>;
  /** Medicines the pharma rules check posts for (fair balance, risk link, established name, UK public posts). */
  products?: Product[];
  /** The organisation's own phone numbers, emails, addresses, handles and domains (never reported as personal data). */
  contacts?: Contacts;
  /** Apply the rules' fixes (never suggestions) and re-lint until stable; `output` holds the fixed text. */
  fix?: boolean;
  /** The draft's language for the judgement rules: 'en', 'de', 'fr', or 'auto' (default: detected per draft, English when unsure). */
  language?: 'en' | 'de' | 'fr' | 'auto';
  /** The campaign the draft belongs to: its key messages, hashtags and link (campaign rules act only when it is given). */
  campaign?: Campaign;
  /**
   * Word vectors for reading key messages by meaning (`import { englishWordVectors } from
   * '@postlint/vectors-en'`, a package of its own; the Node CLI, API and language server load it
   * when a campaign is given and it is installed). Without them a campaign's key messages are matched by stems, thesaurus and negation only.
   */
  wordVectors?: WordVectors;
  /** Report `<!-- postlint-disable -->` comments that suppressed nothing, at this severity (default: off). */
  reportUnusedDisableDirectives?: Severity | 'off';
}
