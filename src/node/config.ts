import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import type { Campaign, Channel, Contacts, Product, RuleSetting, Severity } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import { channels as builtinChannels } from '../channels/builtin.js';
import { defineChannel } from '../channels/define.js';
import { PostlintConfigError } from '../core/errors.js';
import { linter, presets } from '../index.js';
import type { Plugin } from '../engine/settings.js';
import { validateProducts } from '../facts/products.js';
import { validateContacts } from '../facts/own-contacts.js';
import type { Language } from '../facts/language.js';
import { ConfigSchema, describeIssue, type PostlintConfig } from './config-schema.js';

/** A config problem, naming the file it is in as well as the key path and what was expected. */
export class PostlintConfigFileError extends PostlintConfigError {
  constructor(
    readonly file: string,
    key: string,
    problem: string,
  ) {
    super(key, problem);
    this.message = `${file}: ${key}: ${problem}`;
  }
}

export const SEARCH_PLACES = [
  'package.json',
  '.postlintrc',
  '.postlintrc.json',
  '.postlintrc.yaml',
  '.postlintrc.yml',
  'postlint.config.js',
  'postlint.config.mjs',
  'postlint.config.cjs',
  'postlint.config.json',
];

export interface LoadConfigOptions {
  cwd: string;
  /** A config file to use instead of searching; `false` for none (`--no-config`). */
  configFile?: string | false;
  /** Replaces the config's `extends` (the CLI's `--preset`). */
  preset?: string;
  /** Rule settings applied last, above overrides (the CLI's `--rule`). */
  rules?: Record<string, RuleSetting>;
  /** A config object merged on top of the file's, for the Node API. */
  overrideConfig?: PostlintConfig;
  /** Products read from `--products <file>`, above the config's. */
  products?: { file: string; products: unknown };
}

/** Finds, loads and validates the configuration for a run; throws PostlintConfigFileError (exit 2). */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  let found: { filepath: string; config: unknown } | null = null;
  if (options.configFile !== false) {
    const { lilconfig } = commonJs(await import('lilconfig'), 'lilconfig');
    const explorer = lilconfig('postlint', { searchPlaces: SEARCH_PLACES, loaders: loaders(options.cwd), cache: false });
    if (options.configFile) {
      const filepath = path.resolve(options.cwd, options.configFile);
      try {
        found = await explorer.load(filepath);
      } catch (error) {
        throw asFileError(filepath, error);
      }
    } else {
      try {
        found = await explorer.search(options.cwd);
      } catch (error) {
        throw asFileError((error as { filepath?: string }).filepath ?? 'config', error);
      }
    }
  }
  const file = found?.filepath;
  const base = file ? path.dirname(file) : options.cwd;
  const own = found?.config ?? {};
  const label = file ? relativeLabel(options.cwd, file) : '(no config file)';
  let chain = await resolveExtends(own, file ?? path.join(options.cwd, 'postlint.config.json'), label, options.preset, new Set(file ? [file] : []), options.cwd);
  if (options.overrideConfig) {
    const extra = await resolveExtends(options.overrideConfig, path.join(options.cwd, 'overrideConfig'), 'overrideConfig', undefined, new Set(), options.cwd, true);
    chain = mergeLayers(chain, extra);
  }
  if (options.products) {
    chain = mergeLayers(chain, { rules: {}, channels: {}, overrides: [], plugins: {}, products: productsIn(options.products.file, options.products.products) });
  }
  if (options.rules) {
    chain = mergeLayers(chain, { rules: options.rules, channels: {}, overrides: [], plugins: {} });
    validateRules(chain, options.rules, '--rule', '');
  }
  // picomatch is loaded only when there are overrides to match: a hook on one draft starts faster.
  const picomatch = chain.overrides.length ? (await import('picomatch')).default : undefined;
  return new ResolvedConfig(chain, base, file, label, picomatch);
}

/** Everything a config (and what it extends) adds up to, before it is applied to a file. */
interface Layer {
  rules: Record<string, RuleSetting>;
  channels: Record<string, Channel>;
  channel?: string;
  campaign?: Record<string, unknown>;
  products?: Product[];
  contacts?: Contacts;
  longFormChannels?: string[];
  language?: Language | 'auto';
  overrides: { files: string[]; excludedFiles: string[]; channel?: string; language?: Language | 'auto'; rules?: Record<string, RuleSetting>; base: string }[];
  ignorePatterns?: string[];
  reportUnusedDisableDirectives?: Severity | 'off';
  plugins: Record<string, Plugin>;
}

async function resolveExtends(raw: unknown, file: string, label: string, preset: string | undefined, seen: Set<string>, cwd: string, isOverride = false): Promise<Layer> {
  const parsed = v.safeParse(ConfigSchema, raw ?? {});
  if (!parsed.success) {
    const { key, problem } = describeIssue(parsed.issues[0]);
    throw new PostlintConfigFileError(label, key, problem);
  }
  const config = parsed.output as PostlintConfig;
  const dir = path.dirname(file);
  const names = preset !== undefined ? [preset] : config.extends === undefined ? (isOverride ? [] : ['recommended']) : ([] as string[]).concat(config.extends);

  let layer: Layer = { rules: {}, channels: {}, overrides: [], plugins: {} };
  for (const [i, name] of names.entries()) {
    const key = preset !== undefined ? '--preset' : Array.isArray(config.extends) ? `extends[${i}]` : 'extends';
    if (name in presets) {
      layer = mergeLayers(layer, { rules: { ...presets[name] }, channels: {}, overrides: [], plugins: {} });
      continue;
    }
    const shared = locateShareable(name, dir);
    if (!shared) {
      throw new PostlintConfigFileError(label, key, `"${name}" is neither a built-in preset (${Object.keys(presets).join(', ')}) nor an installed package or file of a shareable config`);
    }
    if (seen.has(shared)) throw new PostlintConfigFileError(label, key, `"${name}" extends itself in a cycle`);
    const loaded = await loadShareable(shared, label, key);
    layer = mergeLayers(layer, await resolveExtends(loaded, shared, relativeLabel(cwd, shared), undefined, new Set([...seen, shared]), cwd, true));
  }

  const channels: Record<string, Channel> = {};
  for (const [id, spec] of Object.entries(config.channels ?? {})) {
    try {
      channels[id] = defineChannel({ ...(spec as object), id } as Parameters<typeof defineChannel>[0]);
    } catch (error) {
      if (error instanceof PostlintConfigError) throw new PostlintConfigFileError(label, error.key.replace(/^channel/, `channels.${id}`), error.problem);
      throw error;
    }
  }
  const own: Layer = {
    rules: (config.rules ?? {}) as Record<string, RuleSetting>,
    channels,
    channel: config.channel,
    campaign: config.campaign,
    products: config.products === undefined ? undefined : productsIn(label, config.products),
    contacts: config.contacts === undefined ? undefined : contactsIn(label, config.contacts),
    longFormChannels: config.longFormChannels,
    language: config.language,
    overrides: (config.overrides ?? []).map((o) => ({
      files: ([] as string[]).concat(o.files),
      excludedFiles: o.excludedFiles === undefined ? [] : ([] as string[]).concat(o.excludedFiles),
      channel: o.channel,
      language: o.language,
      rules: o.rules as Record<string, RuleSetting> | undefined,
      base: dir,
    })),
    ignorePatterns: config.ignorePatterns,
    reportUnusedDisableDirectives: unusedSeverity(config.reportUnusedDisableDirectives),
    plugins: config.plugins ?? {},
  };
  const merged = mergeLayers(layer, own);
  // Check what this file wrote, against what it can see: its rules, its overrides' rules and channels.
  validateRules(merged, own.rules, label, '');
  own.overrides.forEach((o, i) => {
    if (o.rules) validateRules(merged, o.rules, label, `overrides[${i}].`);
    if (o.channel !== undefined) validateChannel(merged, o.channel, label, `overrides[${i}].channel`);
  });
  if (own.channel !== undefined) validateChannel(merged, own.channel, label, 'channel');
  if (own.longFormChannels) own.longFormChannels.forEach((c, i) => validateChannel(merged, c, label, `longFormChannels[${i}]`));
  return merged;
}

function contactsIn(label: string, contacts: unknown): Contacts {
  try {
    return validateContacts(contacts);
  } catch (error) {
    if (error instanceof PostlintConfigError) throw new PostlintConfigFileError(label, error.key, error.problem);
    throw error;
  }
}

function productsIn(label: string, products: unknown): Product[] {
  try {
    return validateProducts(products);
  } catch (error) {
    if (error instanceof PostlintConfigError) throw new PostlintConfigFileError(label, error.key, error.problem);
    throw error;
  }
}

function validateRules(layer: Layer, rules: Record<string, RuleSetting>, label: string, prefix: string) {
  try {
    linter.resolveSettings({ preset: 'none', rules, plugins: layer.plugins });
  } catch (error) {
    if (error instanceof PostlintConfigError) throw new PostlintConfigFileError(label, prefix + error.key, error.problem);
    throw error;
  }
}

function validateChannel(layer: Layer, id: string, label: string, key: string) {
  if (id in builtinChannels || id in layer.channels) return;
  const known = [...Object.keys(builtinChannels), ...Object.keys(layer.channels)];
  throw new PostlintConfigFileError(label, key, `unknown channel "${id}"; use one of ${known.join(', ')} or define it under "channels"`);
}

function mergeLayers(base: Layer, top: Layer): Layer {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, setting] of Object.entries(top.rules)) rules[id] = mergeRuleSetting(rules[id], setting);
  return {
    rules,
    channels: { ...base.channels, ...top.channels },
    channel: top.channel ?? base.channel,
    campaign: top.campaign ?? base.campaign,
    products: top.products ?? base.products,
    contacts: top.contacts ?? base.contacts,
    longFormChannels: top.longFormChannels ?? base.longFormChannels,
    language: top.language ?? base.language,
    overrides: [...base.overrides, ...top.overrides],
    ignorePatterns: [...(base.ignorePatterns ?? []), ...(top.ignorePatterns ?? [])],
    reportUnusedDisableDirectives: top.reportUnusedDisableDirectives ?? base.reportUnusedDisableDirectives,
    plugins: { ...base.plugins, ...top.plugins },
  };
}

// As in ESLint: a later severity-only setting keeps the options an earlier one gave.
function mergeRuleSetting(earlier: RuleSetting | undefined, later: RuleSetting): RuleSetting {
  const laterOnlySeverity = !Array.isArray(later) || later.length === 1;
  if (laterOnlySeverity && Array.isArray(earlier) && earlier.length === 2) {
    return [Array.isArray(later) ? later[0] : later, earlier[1]];
  }
  return later;
}

function unusedSeverity(value: PostlintConfig['reportUnusedDisableDirectives']): Severity | 'off' | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'warn') return 'warning';
  if (value === false || value === 'off') return 'off';
  return 'error';
}

function locateShareable(name: string, dir: string): string | undefined {
  if (name.startsWith('.') || path.isAbsolute(name)) return path.resolve(dir, name);
  const require = createRequire(path.join(dir, 'noop.js'));
  const candidates = name.startsWith('@') || name.startsWith('postlint-config') ? [name] : [name, `postlint-config-${name}`];
  for (const candidate of candidates) {
    try {
      return require.resolve(candidate);
    } catch {
      // ESM-only packages expose no "require" condition: find their package.json and its entry.
      const entry = esmEntry(candidate, dir);
      if (entry) return entry;
    }
  }
  return undefined;
}

function esmEntry(name: string, dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    const pkgDir = path.join(at, 'node_modules', name);
    try {
      const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { exports?: unknown; main?: string };
      const exp = pkg.exports as Record<string, unknown> | string | undefined;
      const dot = typeof exp === 'string' ? exp : (exp?.['.'] ?? exp);
      const target = typeof dot === 'string' ? dot : ((dot as Record<string, unknown> | undefined)?.import ?? (dot as Record<string, unknown> | undefined)?.default);
      return path.join(pkgDir, typeof target === 'string' ? target : (pkg.main ?? 'index.js'));
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
  }
}

/**
 * A dynamically imported CommonJS module's exports. Bundled with code splitting (the CLI and the
 * language server share a chunk), esbuild hands such a module over as its `default` only.
 */
/** What ResolvedConfig needs of picomatch, named here so postlint's public types do not name picomatch's (it comes bundled). */
export type GlobMatcher = (patterns: string[], options: { dot: boolean }) => (path: string) => boolean;

export function commonJs<T extends object>(mod: T, name: keyof T): T {
  return name in mod ? mod : ((mod as { default?: T }).default ?? mod);
}

async function loadShareable(file: string, label: string, key: string): Promise<unknown> {
  try {
    if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8'));
    if (/\.ya?ml$/.test(file)) return commonJs(await import('yaml'), 'parse').parse(readFileSync(file, 'utf8'));
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return mod.default ?? mod;
  } catch (error) {
    throw new PostlintConfigFileError(label, key, `cannot load ${file}: ${(error as Error).message}`);
  }
}

const yamlLoader = async (filepath: string, content: string) => {
  const { parse } = commonJs(await import('yaml'), 'parse');
  return parse(content);
};
const jsonLoader = (_: string, content: string) => JSON.parse(content.replace(/^\uFEFF/, ''));
const importLoader = async (filepath: string) => {
  const mod = (await import(pathToFileURL(filepath).href)) as { default?: unknown };
  return mod.default ?? mod;
};
// Each loader names its file when the content cannot be parsed.
function loaders(cwd: string) {
  const named =
    (load: (filepath: string, content: string) => unknown) =>
    async (filepath: string, content: string): Promise<unknown> => {
      try {
        return await load(filepath, content);
      } catch (error) {
        throw new PostlintConfigFileError(relativeLabel(cwd, filepath), '(file)', `cannot parse: ${(error as Error).message.split('\n')[0]}`);
      }
    };
  return {
    '.json': named(jsonLoader),
    '.yaml': named(yamlLoader),
    '.yml': named(yamlLoader),
    // .postlintrc: YAML, which JSON is a subset of.
    noExt: named(yamlLoader),
    '.js': named(importLoader),
    '.mjs': named(importLoader),
    '.cjs': named(importLoader),
  };
}

function relativeLabel(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function asFileError(file: string, error: unknown): Error {
  if (error instanceof PostlintConfigError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new PostlintConfigFileError(file, '(file)', 'no such config file');
  return new PostlintConfigFileError(file, '(file)', `cannot parse: ${(error as Error).message.split('\n')[0]}`);
}

/** Per-file settings of a run: the config's options with the overrides that match the file. */
export interface FileSettings {
  options: LintOptions;
  channel?: string;
}

// As in ESLint: a glob without `/` matches the file name in any folder.
const anywhere = (glob: string) => (glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`);

export class ResolvedConfig {
  readonly #layer: Layer;
  readonly #matchers: { files: (p: string) => boolean; excluded: (p: string) => boolean; base: string }[];
  readonly #cache = new Map<string, FileSettings>();

  constructor(
    layer: Layer,
    /** Folder that override globs and ignore patterns are relative to. */
    readonly base: string,
    /** The config file found, if any. */
    readonly file: string | undefined,
    readonly label: string,
    picomatch?: GlobMatcher,
  ) {
    this.#layer = layer;
    if (layer.overrides.length && !picomatch) throw new Error('ResolvedConfig: overrides need picomatch');
    this.#matchers = layer.overrides.map((o) => ({
      files: picomatch!(o.files.map(anywhere), { dot: true }),
      excluded: o.excludedFiles.length ? picomatch!(o.excludedFiles.map(anywhere), { dot: true }) : () => false,
      base: o.base,
    }));
  }

  get ignorePatterns(): string[] {
    return this.#layer.ignorePatterns ?? [];
  }

  get reportUnusedDisableDirectives(): Severity | 'off' | undefined {
    return this.#layer.reportUnusedDisableDirectives;
  }

  get plugins(): Record<string, Plugin> {
    return this.#layer.plugins;
  }

  /** Built-in and configured channel ids. */
  get channelIds(): string[] {
    return [...new Set([...Object.keys(builtinChannels), ...Object.keys(this.#layer.channels)])];
  }

  /** Lint options and channel for a file (absolute path), or for text with no file. */
  forFile(filePath: string | undefined): FileSettings {
    const matching: number[] = [];
    if (filePath !== undefined) {
      this.#matchers.forEach((m, i) => {
        const relative = path.relative(m.base, filePath).split(path.sep).join('/');
        if (!relative.startsWith('..') && m.files(relative) && !m.excluded(relative)) matching.push(i);
      });
    }
    // Options objects are shared between files with the same overrides, so the core's settings cache hits.
    const key = matching.join(',');
    let settings = this.#cache.get(key);
    if (!settings) {
      const layer = this.#layer;
      const rules: Record<string, RuleSetting> = { ...layer.rules };
      let channel = layer.channel;
      let language = layer.language;
      for (const i of matching) {
        const o = layer.overrides[i]!;
        for (const [id, setting] of Object.entries(o.rules ?? {})) rules[id] = mergeRuleSetting(rules[id], setting);
        channel = o.channel ?? channel;
        language = o.language ?? language;
      }
      const options: FileSettings['options'] = { preset: 'none', rules, channels: layer.channels, plugins: layer.plugins };
      if (layer.longFormChannels) options.longFormChannels = layer.longFormChannels;
      if (language) options.language = language;
      // Validated by lint() (PostlintConfigError naming campaign.<key>), like every other option.
      if (layer.campaign) options.campaign = layer.campaign as unknown as Campaign;
      if (layer.products) options.products = layer.products;
      if (layer.contacts) options.contacts = layer.contacts;
      settings = channel === undefined ? { options } : { options, channel };
      this.#cache.set(key, settings);
    }
    return settings;
  }
}
