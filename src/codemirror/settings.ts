import { channels as builtinChannels, presets, type Campaign, type CampaignLintOptions, type Channel, type ChannelId, type Contacts, type LintOptions, type Plugin, type Product, type RuleSetting } from '../index.js';

/** What the editor lints for: every field can be changed at run time with `setPostlintOptions`. */
export interface PostlintSettings {
  /** The channel a single draft is linted for, and a plan's drafts default to (default `x`). */
  channel?: ChannelId | Channel;
  /** `recommended` (default), `health`, `pharma` or `none`. */
  preset?: string;
  /** Rule settings on top of the preset, as in `lint()`. */
  rules?: Record<string, RuleSetting>;
  /** The campaign a single draft belongs to (a plan's front matter brings its own). */
  campaign?: Campaign;
  /** Medicines the pharma rules check for. */
  products?: Product[];
  /**
   * The organisation's own published contacts: the `contacts` setting of `lint()` (`{ phones, emails,
   * addresses, handles, domains }`, read by `personal-data` and `complex-medical-question`), or a
   * list of numbers and emails that `personal-data` never flags (its `allowedContacts`).
   */
  contacts?: Contacts | string[];
  /** Custom channel profiles by id. */
  channels?: Record<string, Channel>;
  /** Third-party rules by plugin name, as in `lint()`: `{ acme: { rules: { 'no-foo': rule } } }`, configured as `acme/no-foo`. */
  plugins?: Record<string, Plugin>;
  /**
   * Lint a Markdown campaign plan (front matter with `keyMessages`, one `## channel` section per
   * draft) draft by draft, each for its own channel, as the CLI does (default true).
   */
  campaignPlans?: boolean;
}

/** Settings turned into the core's options once, so the core's per-options caches hold across keystrokes. */
export interface ResolvedSettings {
  settings: PostlintSettings;
  lintOptions: LintOptions;
  planOptions: CampaignLintOptions;
  channel: ChannelId | Channel;
  /** The channel profile, or undefined when the settings name no known channel. */
  profile?: Channel;
}

export function resolveSettings(settings: PostlintSettings): ResolvedSettings {
  const lintOptions: LintOptions = {};
  if (settings.preset !== undefined) lintOptions.preset = settings.preset;
  if (settings.campaign !== undefined) lintOptions.campaign = settings.campaign;
  if (settings.products !== undefined) lintOptions.products = settings.products;
  if (settings.plugins !== undefined) lintOptions.plugins = settings.plugins;
  if (settings.contacts !== undefined && !Array.isArray(settings.contacts)) lintOptions.contacts = settings.contacts;
  const rules = withContacts(settings);
  if (rules !== undefined) lintOptions.rules = rules;
  const channel = settings.channel ?? 'x';
  let custom = settings.channels;
  // A plan names channels by id: a channel object given here is known to it by its own id.
  if (typeof channel === 'object' && channel !== null) custom = { ...custom, [channel.id]: channel };
  if (custom !== undefined) lintOptions.channels = custom;
  const planOptions: CampaignLintOptions = { ...lintOptions, channel: typeof channel === 'object' && channel !== null ? channel.id : channel };
  const resolved: ResolvedSettings = { settings, lintOptions, planOptions, channel };
  const profile = findChannel(channel, custom);
  if (profile) resolved.profile = profile;
  return resolved;
}

/** `contacts` as a list is `personal-data`'s `allowedContacts`, at the severity the preset or the rules give it. */
function withContacts({ rules, preset, contacts }: PostlintSettings): Record<string, RuleSetting> | undefined {
  if (!Array.isArray(contacts) || contacts.length === 0) return rules;
  const own = rules?.['personal-data'];
  const presetRules = presets[preset ?? 'recommended'];
  const setting = own ?? (presetRules && Object.hasOwn(presetRules, 'personal-data') ? presetRules['personal-data'] : undefined);
  if (setting === undefined) return rules;
  const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
  if (level === 'off') return rules;
  const allowed = Array.isArray(options?.allowedContacts) ? (options.allowedContacts as string[]) : [];
  return { ...rules, 'personal-data': [level, { ...options, allowedContacts: [...allowed, ...contacts] }] };
}

export function findChannel(channel: ChannelId | Channel, custom?: Record<string, Channel>): Channel | undefined {
  if (typeof channel === 'object' && channel !== null) return channel;
  if (custom && Object.hasOwn(custom, channel)) return custom[channel];
  return Object.hasOwn(builtinChannels, channel) ? builtinChannels[channel as keyof typeof builtinChannels] : undefined;
}
