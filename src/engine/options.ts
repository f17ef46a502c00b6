import type { Campaign, Channel, ChannelId, Product, RuleSetting } from '../core/types.js';
import type { Rule } from '../rule/rule.js';
import type { WordVectors } from '../facts/word-vectors.js';

export interface LintOptions {
  /** `recommended` (default) or `health`; more come with later presets. */
  preset?: string;
  /** Rule settings on top of the preset, as ESLint users expect. */
  rules?: Record<string, RuleSetting>;
  /** Custom or overriding channel profiles, by id. */
  channels?: Record<string, Channel>;
  /** Channels a rule may suggest for content that does not fit a short one. */
  longFormChannels?: ChannelId[];
  /** Extra rules (custom rules) by id. */
  plugins?: Record<string, Rule<any>>;
  /** Medicines the pharma rules check posts for (fair balance, risk link, established name, UK public posts). */
  products?: Product[];
  /** Apply the rules' fixes (never suggestions) and re-lint until stable; `output` holds the fixed text. */
  fix?: boolean;
  /** The campaign the draft belongs to: its key messages, hashtags and link (campaign rules act only when it is given). */
  campaign?: Campaign;
  /**
   * Word vectors for reading key messages by meaning (`import { englishWordVectors } from
   * 'postlint/vectors/en'`; the Node CLI, API and language server load them when a campaign is
   * given). Without them a campaign's key messages are matched by stems, thesaurus and negation only.
   */
  wordVectors?: WordVectors;
}
