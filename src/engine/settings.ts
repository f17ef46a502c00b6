import * as v from 'valibot';
import type { Channel, ChannelId, RuleSetting, Severity } from '../core/types.js';
import type { LintOptions } from './options.js';
import { PostlintConfigError } from '../core/errors.js';
import { validateChannel } from '../channels/define.js';
import type { Rule } from '../rule/rule.js';
import type { Plugin } from './options.js';
import { LANGUAGES, type Language } from '../facts/language.js';

/** What the `language` option and a `lang:` key accept. */
export const LANGUAGE_SETTINGS: readonly string[] = [...LANGUAGES, 'auto'];
import { FILE_PROBLEMS } from '../core/problems.js';

export type { Plugin };

export interface EnabledRule {
  /** The id messages carry: the rule's own, or `plugin/rule` for a plugin's. */
  id: string;
  rule: Rule<any>;
  severity: Severity;
  options: unknown;
}

export interface ResolvedSettings {
  rules: EnabledRule[];
  channels: Record<string, Channel> | undefined;
  longFormChannels: readonly ChannelId[];
  reportUnusedDisableDirectives: Severity | 'off';
  /** The configured language, or undefined to detect it per draft. */
  language: Language | undefined;
  /** Every id a disable comment may name: the rules (plugins' included) and the file problems. */
  knownRuleIds: ReadonlySet<string>;
}

const DEFAULT_LONG_FORM: ChannelId[] = ['helpline', 'email', 'web'];
const SEVERITIES: Record<string, Severity | 'off'> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', info: 'info' };

/** The rules a linter knows and the presets that name them; `src/index.ts` hands over the built-in ones. */
export interface RuleSet {
  rules: Readonly<Record<string, Rule<any>>>;
  presets: Readonly<Record<string, Record<string, RuleSetting>>>;
}

const cache = new WeakMap<RuleSet, WeakMap<LintOptions, ResolvedSettings>>();
const byContent = new WeakMap<RuleSet, Map<string, ResolvedSettings>>();
// Distinct configurations a process keeps resolved; past it the oldest half is dropped.
const MAX_CONTENTS = 256;

/**
 * Resolves a preset plus rule settings into the rules to run, validating every key once per
 * configuration: options written as plain values (a preset, rule settings, a language...: what
 * `lint(post, { preset: 'recommended' })` builds on each call) are resolved once per content, the
 * rest (custom channels, plugins) once per options object.
 */
export function resolveSettings(ruleSet: RuleSet, options: LintOptions): ResolvedSettings {
  const key = settingsKey(options);
  if (key !== undefined) {
    let resolvedByContent = byContent.get(ruleSet);
    if (!resolvedByContent) byContent.set(ruleSet, (resolvedByContent = new Map()));
    let resolved = resolvedByContent.get(key);
    if (!resolved) {
      // Resolved from a copy made of the key, so nothing the caller later changes reaches the cached settings.
      resolved = resolveUncached(ruleSet, JSON.parse(key) as LintOptions);
      if (resolvedByContent.size >= MAX_CONTENTS) for (const old of [...resolvedByContent.keys()].slice(0, MAX_CONTENTS / 2)) resolvedByContent.delete(old);
      resolvedByContent.set(key, resolved);
    }
    return resolved;
  }
  let byOptions = cache.get(ruleSet);
  if (!byOptions) cache.set(ruleSet, (byOptions = new WeakMap()));
  let resolved = byOptions.get(options);
  if (!resolved) {
    resolved = resolveUncached(ruleSet, options);
    byOptions.set(options, resolved);
  }
  return resolved;
}

/**
 * The settings the options ask for as a string, when they are plain values that JSON gives back
 * unchanged (strings, finite numbers but -0, booleans, null, arrays without holes, objects of
 * Object's prototype without symbol keys); undefined otherwise, and with custom channels or
 * plugins (objects with functions), which are then cached by identity.
 */
export function settingsKey(options: LintOptions): string | undefined {
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  const { preset, rules, language, longFormChannels, reportUnusedDisableDirectives } = options;
  if (options.channels !== undefined || options.plugins !== undefined) return undefined;
  // undefined at the top is as good as absent to resolveUncached (every key is read with ?? or !== undefined).
  const read = { preset, rules, language, longFormChannels, reportUnusedDisableDirectives };
  for (const value of Object.values(read)) if (value !== undefined && !isPlainValue(value, 0)) return undefined;
  return JSON.stringify(read);
}

function isPlainValue(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth > 8) return false;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainValue(value[i], depth + 1)) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const key in value) if (!Object.hasOwn(value, key) || !isPlainValue((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

function resolveUncached({ rules: builtinRules, presets }: RuleSet, options: LintOptions): ResolvedSettings {
  if (typeof options !== 'object' || options === null) {
    throw new PostlintConfigError('options', `expected an object, got ${options === null ? 'null' : typeof options}`);
  }
  for (const key of ['rules', 'channels', 'plugins'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new PostlintConfigError(key, `expected an object keyed by id, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
    }
  }
  for (const [id, channel] of Object.entries(options.channels ?? {})) validateChannel(channel, `channels.${id}`);
  const known: Record<string, Rule<any>> = { ...builtinRules, ...pluginRules(options.plugins) };
  const presetName = options.preset ?? 'recommended';
  const preset = typeof presetName === 'string' && Object.hasOwn(presets, presetName) ? presets[presetName] : undefined;
  if (!preset) {
    throw new PostlintConfigError('preset', `unknown preset "${String(presetName)}"; use one of ${Object.keys(presets).join(', ')}`);
  }
  const settings: Record<string, RuleSetting> = { ...preset, ...options.rules };
  const enabled: EnabledRule[] = [];
  for (const [id, setting] of Object.entries(settings)) {
    const rule = Object.hasOwn(known, id) ? known[id] : undefined;
    if (!rule) {
      throw new PostlintConfigError(`rules.${id}`, `unknown rule; use one of ${Object.keys(known).sort().join(', ')}`);
    }
    const [level, userOptions] = Array.isArray(setting) ? setting : [setting, undefined];
    // Own keys only: "constructor" or "__proto__" must not pass as a severity.
    const severity = typeof level === 'string' && Object.hasOwn(SEVERITIES, level) ? SEVERITIES[level] : undefined;
    if (!severity) {
      throw new PostlintConfigError(`rules.${id}`, `unknown severity ${typeof level === 'string' ? JSON.stringify(level) : `of type ${Array.isArray(level) ? 'array' : typeof level}`}; use 'off', 'warn', 'error' or 'info'`);
    }
    if (severity === 'off') continue;
    enabled.push({ id, rule, severity, options: validateRuleOptions(rule, userOptions, id) });
  }
  const longFormChannels = options.longFormChannels ?? DEFAULT_LONG_FORM;
  if (!Array.isArray(longFormChannels) || longFormChannels.some((c) => typeof c !== 'string')) {
    throw new PostlintConfigError('longFormChannels', 'expected an array of channel ids, e.g. ["helpline", "email", "web"]');
  }
  const reportUnusedDisableDirectives = options.reportUnusedDisableDirectives ?? 'off';
  if (!['off', 'error', 'warning', 'info'].includes(reportUnusedDisableDirectives)) {
    throw new PostlintConfigError('reportUnusedDisableDirectives', `expected 'off', 'error', 'warning' or 'info', got ${JSON.stringify(reportUnusedDisableDirectives)}`);
  }
  const language = options.language ?? 'auto';
  if (language !== 'auto' && !(LANGUAGES as readonly string[]).includes(language)) {
    throw new PostlintConfigError('language', `unknown language ${JSON.stringify(language)}; use 'auto' or one of ${LANGUAGES.map((l) => `'${l}'`).join(', ')}`);
  }
  const knownRuleIds = new Set([...Object.keys(known), ...FILE_PROBLEMS.map((p) => p.id)]);
  return { rules: enabled, channels: options.channels, longFormChannels, reportUnusedDisableDirectives, language: language === 'auto' ? undefined : (language as Language), knownRuleIds };
}

const PLUGIN_NAME = /^[a-z0-9][\w.-]*$/i;

/** Every rule of the plugins, by `plugin/rule` id; checks each plugin's shape, naming the key at fault. */
export function pluginRules(plugins: Record<string, Plugin> | undefined): Record<string, Rule<any>> {
  const rules: Record<string, Rule<any>> = {};
  for (const [name, plugin] of Object.entries(plugins ?? {})) {
    if (!PLUGIN_NAME.test(name)) throw new PostlintConfigError(`plugins.${name}`, 'a plugin name is one word of letters, digits, "-", "_" or ".", e.g. "acme"; its rules are then "acme/rule-id"');
    const own = (plugin as Partial<Plugin> | null)?.rules;
    if (typeof plugin !== 'object' || plugin === null || typeof own !== 'object' || own === null || Array.isArray(own)) {
      throw new PostlintConfigError(`plugins.${name}`, 'expected a plugin { rules: { "rule-id": rule } }, each rule made with defineRule({ meta, check })');
    }
    for (const [id, rule] of Object.entries(own)) {
      if (typeof rule !== 'object' || rule === null || typeof rule.check !== 'function' || typeof rule.meta?.id !== 'string') {
        throw new PostlintConfigError(`plugins.${name}.rules.${id}`, 'expected a rule made with defineRule({ meta, check })');
      }
      rules[`${name}/${id}`] = rule;
    }
  }
  return rules;
}

export function validateRuleOptions(rule: Rule<any>, userOptions: unknown, id = rule.meta.id): unknown {
  if (userOptions !== undefined && (typeof userOptions !== 'object' || userOptions === null || Array.isArray(userOptions))) {
    throw new PostlintConfigError(`rules.${id}[1]`, 'options must be an object, e.g. ["error", { ... }]');
  }
  const merged = { ...rule.meta.defaults, ...(userOptions as object | undefined) };
  const known = Object.keys(rule.meta.defaults ?? {});
  const unknownOption = (key: string) =>
    new PostlintConfigError(`rules.${id}[1].${key}`, known.length ? `unknown option; use one of ${known.join(', ')}` : 'unknown option; this rule takes none');
  if (!rule.meta.schema) {
    // Without a schema the defaults list every option: a typo must not be ignored silently.
    const unknown = Object.keys(userOptions ?? {}).find((key) => !known.includes(key));
    if (unknown !== undefined) throw unknownOption(unknown);
    return merged;
  }
  const result = v.safeParse(rule.meta.schema, merged);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  // valibot's own wording for an unknown key names no option; a rule's custom message is kept.
  if (issue.type === 'strict_object' && issue.message.startsWith('Invalid key') && path && !known.includes(path)) throw unknownOption(path);
  throw new PostlintConfigError(`rules.${id}[1]${path ? '.' + path : ''}`, issue.message);
}

// One options object per language for each caller's object, so settings still resolve once.
const byLanguage = new WeakMap<LintOptions, Map<string, LintOptions>>();

/** The options with a file's or a draft's own language (front matter `lang:`, a plan heading's `{lang=de}`). */
export function withLanguage(options: LintOptions, language: LintOptions['language']): LintOptions {
  if (language === undefined || language === options.language) return options;
  let found = byLanguage.get(options);
  if (!found) byLanguage.set(options, (found = new Map()));
  let result = found.get(language);
  if (!result) found.set(language, (result = { ...options, language }));
  return result;
}
