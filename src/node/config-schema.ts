import * as v from 'valibot';
import type { Channel, Contacts, Product, RuleSetting } from '../core/types.js';
import type { ChannelSpec } from '../channels/define.js';
import type { Plugin } from '../engine/settings.js';
import { LANGUAGES } from '../facts/language.js';

/** A postlint configuration, as written in postlint.config.*, .postlintrc* or package.json "postlint". */
export interface PostlintConfig {
  /** Built-in presets (`recommended`, `health`, `none`...), npm packages or paths of shareable configs. Default: `recommended`. */
  extends?: string | string[];
  /** The channel drafts are written for, unless a file's front matter, `--channel` or an override says otherwise. */
  channel?: string;
  rules?: Record<string, RuleSetting>;
  /** Custom channels or changed built-ins, by id: `{ 'my-instance': { extends: 'mastodon', limit: 1000 } }`. */
  channels?: Record<string, Omit<ChannelSpec, 'id'> | Channel>;
  /** The campaign drafts belong to (key messages, hashtags, link), passed to the rules that use it. */
  campaign?: Record<string, unknown>;
  /** Medicines for the pharma rules (see the pharma preset). */
  products?: Product[];
  /** The organisation's own phone numbers, emails, addresses, handles and domains: not personal data. */
  contacts?: Contacts;
  longFormChannels?: string[];
  /** The drafts' language for the judgement rules: 'en', 'de', 'fr', or 'auto' (default: detected per draft). */
  language?: 'en' | 'de' | 'fr' | 'auto';
  overrides?: ConfigOverride[];
  /** Extra ignore globs, as in .postlintignore. */
  ignorePatterns?: string[];
  /** Report disable comments that suppress nothing: `true` / 'warn' / 'error'. */
  reportUnusedDisableDirectives?: boolean | 'off' | 'warn' | 'error';
  /** Third-party rules by plugin name, `{ acme: { rules: { 'no-foo': rule } } }`, configured as `'acme/no-foo'` (JS configs only). */
  plugins?: Record<string, Plugin>;
}

export interface ConfigOverride {
  /** Globs relative to the config file's folder; a glob without `/` matches the file name anywhere. */
  files: string | string[];
  excludedFiles?: string | string[];
  channel?: string;
  /** The language of the files matched, e.g. `{ files: 'fr/**', language: 'fr' }`. */
  language?: 'en' | 'de' | 'fr' | 'auto';
  rules?: Record<string, RuleSetting>;
}

/** Identity with types, for `postlint.config.mjs`: `export default defineConfig({ ... })`. */
export function defineConfig(config: PostlintConfig): PostlintConfig {
  return config;
}

const globs = v.union([v.pipe(v.string(), v.minLength(1)), v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1))]);
// Rule values are checked against the rule registry and each rule's own schema afterwards,
// which gives better messages (the known rule ids, the rule's expected options) than a union here.
const rules = v.record(v.string(), v.unknown());

const language = v.picklist(['auto', ...LANGUAGES]);

const Override = v.strictObject({
  files: globs,
  excludedFiles: v.optional(globs),
  channel: v.optional(v.pipe(v.string(), v.minLength(1))),
  language: v.optional(language),
  rules: v.optional(rules),
});

export const ConfigSchema = v.strictObject({
  extends: v.optional(v.union([v.string(), v.array(v.string())])),
  channel: v.optional(v.pipe(v.string(), v.minLength(1))),
  rules: v.optional(rules),
  channels: v.optional(v.record(v.string(), v.record(v.string(), v.unknown()))),
  campaign: v.optional(v.record(v.string(), v.unknown())),
  // Checked in full by validateProducts, which names the product and key.
  products: v.optional(v.unknown()),
  // Checked in full by validateContacts, which names the key.
  contacts: v.optional(v.unknown()),
  longFormChannels: v.optional(v.array(v.string())),
  language: v.optional(language),
  overrides: v.optional(v.array(Override)),
  ignorePatterns: v.optional(v.array(v.string())),
  reportUnusedDisableDirectives: v.optional(v.union([v.boolean(), v.picklist(['off', 'warn', 'error'])])),
  // Each plugin is checked in full by the engine (pluginRules), which names the plugin and rule at fault.
  plugins: v.optional(v.record(v.string(), v.custom<Plugin>((p) => typeof p === 'object' && p !== null, 'a plugin { rules: { "rule-id": rule } }'))),
});

export const TOP_LEVEL_KEYS = Object.keys(ConfigSchema.entries);

/** The first schema problem as "key.path" and what was expected. */
export function describeIssue(issue: v.BaseIssue<unknown>): { key: string; problem: string } {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  let key = '';
  for (const part of path) key += typeof part === 'number' ? `[${part}]` : key ? `.${part}` : String(part);
  const received = issue.received;
  if (issue.expected === 'never') {
    const parent = path.length > 1 ? 'this object' : 'a config';
    const allowed = path.length === 1 ? TOP_LEVEL_KEYS : path[0] === 'overrides' ? Object.keys(Override.entries) : [];
    return { key, problem: `unknown key in ${parent}${allowed.length ? `; allowed keys are ${allowed.join(', ')}` : ''}` };
  }
  if (received === 'undefined') return { key, problem: 'missing: this key is required' };
  return { key: key || '(config)', problem: `expected ${describeExpected(issue)}, got ${received}` };
}

function describeExpected(issue: v.BaseIssue<unknown>): string {
  const expected = issue.expected ?? 'a valid value';
  if (issue.type === 'min_length') return `a non-empty ${typeof issue.input === 'string' ? 'string' : 'list'}`;
  return expected.replace(/^Object$/, 'an object').replace(/^Array$/, 'a list').replace(/^string$/, 'a string').replace(/^boolean$/, 'a boolean');
}
