import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { defineChannel, resolveChannel, type ChannelSpec } from '../channels/define.js';
import { PostlintConfigError } from '../errors.js';
import { resolveSettings as resolveRuleSettings } from '../run/settings.js';
import type { Channel, ChannelId, LintOptions, RuleSetting } from '../types.js';

/**
 * Config files the server reads today. SEAM (issue 5): when the Node config loader lands
 * (src/node/config*.ts: every format, `extends`, `overrides`), `loadConfigFile` and `findConfigFile`
 * below give way to it, and this list becomes the loader's search places, which the server asks
 * the client to watch.
 */
export const CONFIG_FILE_NAMES = ['postlint.config.json', '.postlintrc.json'] as const;

/** Something wrong in a config file or the front matter, at document offsets. */
export interface SettingsProblem {
  message: string;
  start: number;
  end: number;
  /** The document cannot be linted until this is fixed (a broken config file). */
  blocking: boolean;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Offset of the first character after the closing `---` line: where the draft starts. */
  bodyStart: number;
  /** Document offsets of the `channel:` value, to point at a wrong one. */
  channelRange?: [number, number];
}

export interface DocumentSettings {
  /** The same object for every document under one config file, so the core validates it once. */
  options: LintOptions;
  channel: ChannelId;
  configFile: string | undefined;
  frontMatter: FrontMatter | undefined;
  problems: SettingsProblem[];
}

interface LoadedConfig {
  options: LintOptions;
  channel?: string;
  problem?: string;
}

/**
 * Settings of each document: the nearest config file (cached per folder until a watched config file
 * changes, never re-read per keystroke) and the document's own front-matter `channel:`.
 */
export class SettingsResolver {
  readonly #defaults: { options: LintOptions; channel: ChannelId };
  readonly #configFileOfFolder = new Map<string, string | null>();
  readonly #configs = new Map<string, LoadedConfig>();
  readonly #frontMatter = new Map<string, { source: string; parsed: Omit<FrontMatter, 'bodyStart'> | string }>();

  constructor(defaults: { preset?: string; channel: ChannelId }) {
    this.#defaults = { options: defaults.preset ? { preset: defaults.preset } : {}, channel: defaults.channel };
  }

  /** Forgets every config file read, after the client reports a change to one. */
  invalidate(): void {
    this.#configFileOfFolder.clear();
    this.#configs.clear();
  }

  forget(uri: string): void {
    this.#frontMatter.delete(uri);
  }

  resolveSettings(uri: string, text: string): DocumentSettings {
    const problems: SettingsProblem[] = [];
    const file = toPath(uri);
    const configFile = file === undefined ? undefined : this.#findConfigFile(dirname(file));
    let options = this.#defaults.options;
    let channel = this.#defaults.channel;
    if (configFile) {
      const config = this.#load(configFile);
      if (config.problem) problems.push({ message: `${configFile}: ${config.problem}`, start: 0, end: 0, blocking: true });
      else {
        options = config.options;
        channel = config.channel ?? channel;
      }
    }
    const frontMatter = this.#readFrontMatter(uri, text, problems);
    const own = frontMatter?.data.channel;
    if (typeof own === 'string' && own !== '') channel = own;
    else if (own !== undefined && frontMatter) {
      const [start, end] = frontMatter.channelRange ?? [0, 0];
      problems.push({ message: 'front matter channel: expected a channel id such as x, bluesky or sms', start, end, blocking: false });
    }
    // SEAM (issue 5): `overrides: [{ files, channel?, rules? }]` apply here, between the config file and the front matter.
    return { options, channel, configFile, frontMatter, problems };
  }

  #findConfigFile(folder: string): string | undefined {
    const visited: string[] = [];
    let found: string | null | undefined;
    for (let dir = folder; ; dir = dirname(dir)) {
      found = this.#configFileOfFolder.get(dir);
      if (found !== undefined) break;
      visited.push(dir);
      found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find(isFile) ?? null;
      if (found !== null || dirname(dir) === dir) break;
    }
    for (const dir of visited) this.#configFileOfFolder.set(dir, found);
    return found ?? undefined;
  }

  #load(file: string): LoadedConfig {
    let config = this.#configs.get(file);
    if (!config) {
      config = loadConfigFile(file);
      this.#configs.set(file, config);
    }
    return config;
  }

  #readFrontMatter(uri: string, text: string, problems: SettingsProblem[]): FrontMatter | undefined {
    const block = findFrontMatter(text);
    if (!block) return undefined;
    let cached = this.#frontMatter.get(uri);
    // The front matter rarely changes while a draft is typed: parse it again only when it does.
    if (cached?.source !== block.source) {
      cached = { source: block.source, parsed: parseFrontMatter(block.source, block.sourceStart) };
      this.#frontMatter.set(uri, cached);
    }
    if (typeof cached.parsed === 'string') {
      problems.push({ message: cached.parsed, start: 0, end: block.bodyStart, blocking: false });
      return { data: {}, bodyStart: block.bodyStart };
    }
    return { ...cached.parsed, bodyStart: block.bodyStart };
  }
}

/** A `---` fenced YAML block at the very start of the text, as remark-frontmatter reads it. */
export function findFrontMatter(text: string): { source: string; sourceStart: number; bodyStart: number } | undefined {
  const first = text.startsWith('---\n') ? 4 : text.startsWith('---\r\n') ? 5 : -1;
  if (first < 0) return undefined;
  for (let lineStart = first; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/[ \t\r]+$/, '');
    if (line === '---' || line === '...') {
      return { source: text.slice(first, lineStart), sourceStart: first, bodyStart: newline < 0 ? text.length : newline + 1 };
    }
    if (newline < 0) return undefined;
    lineStart = newline + 1;
  }
  return undefined;
}

function parseFrontMatter(source: string, sourceStart: number): Omit<FrontMatter, 'bodyStart'> | string {
  const document = YAML.parseDocument(source);
  if (document.errors.length > 0) return `front matter: ${document.errors[0]!.message.split('\n')[0]}`;
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return 'front matter: expected keys such as "channel: bluesky"';
  const node = document.get('channel', true) as { range?: [number, number, number] } | undefined;
  const range = node?.range;
  return { data: data as Record<string, unknown>, ...(range ? { channelRange: [sourceStart + range[0], sourceStart + range[1]] as [number, number] } : {}) };
}

/**
 * Reads a JSON config file into lint options, validated once here so that a mistake shows as one
 * message naming the file and key, not as a failure on every keystroke.
 */
export function loadConfigFile(file: string): LoadedConfig {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PostlintConfigError('(root)', 'expected an object such as { "channel": "x", "rules": {} }');
    const config = raw as Record<string, unknown>;
    const options: LintOptions = {};
    const extended = Array.isArray(config.extends) && config.extends.length === 1 ? config.extends[0] : config.extends;
    const preset = config.preset ?? extended;
    if (preset !== undefined) {
      if (typeof preset !== 'string') throw new PostlintConfigError(config.preset !== undefined ? 'preset' : 'extends', 'expected a preset name such as "recommended"');
      options.preset = preset;
    }
    if (config.rules !== undefined) {
      if (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules)) throw new PostlintConfigError('rules', 'expected an object of rule settings');
      options.rules = config.rules as Record<string, RuleSetting>;
    }
    if (config.channels !== undefined) options.channels = toChannels(config.channels);
    if (config.longFormChannels !== undefined) options.longFormChannels = config.longFormChannels as ChannelId[];
    resolveRuleSettings(options);
    const channel = config.channel;
    if (channel !== undefined) {
      if (typeof channel !== 'string') throw new PostlintConfigError('channel', 'expected a channel id such as "x"');
      resolveChannel(channel, options.channels);
    }
    return { options, ...(typeof channel === 'string' ? { channel } : {}) };
  } catch (error) {
    if (error instanceof PostlintConfigError || error instanceof SyntaxError) return { options: {}, problem: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    return { options: {}, problem: `cannot read it (${code ?? (error as Error).message})` };
  }
}

function toChannels(specs: unknown): Record<string, Channel> {
  if (typeof specs !== 'object' || specs === null || Array.isArray(specs)) throw new PostlintConfigError('channels', 'expected an object of channel profiles by id');
  const channels: Record<string, Channel> = {};
  for (const [id, spec] of Object.entries(specs)) {
    try {
      channels[id] = defineChannel({ id, ...(spec as Omit<ChannelSpec, 'id'>) });
    } catch (error) {
      if (error instanceof PostlintConfigError) throw new PostlintConfigError(`channels.${id}${error.key.replace(/^channel/, '')}`, error.problem);
      throw error;
    }
  }
  return channels;
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
