import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostlintConfigError } from '../core/errors.js';
import { loadConfig, PostlintConfigFileError, SEARCH_PLACES, type ResolvedConfig } from '../node/config.js';

/** Every file the config loader looks for: the server asks the client to watch them all. */
export const CONFIG_FILE_NAMES: readonly string[] = SEARCH_PLACES;

/** The config a document is linted with, or what is wrong with it (naming the file and the key). */
export type LoadedConfig = { config: ResolvedConfig; problem?: undefined } | { config?: undefined; problem: string };

/**
 * The CLI's config loader, once per folder and then cached until a watched config file changes:
 * nothing is read from disk per keystroke. Folders under one config file share one ResolvedConfig,
 * so its per-file options objects are shared too and the core validates them once.
 */
export class ConfigCache {
  readonly #preset: string | undefined;
  readonly #byFolder = new Map<string, LoadedConfig | Promise<LoadedConfig>>();
  readonly #byFile = new Map<string, LoadedConfig>();
  #generation = 0;

  /** `preset`: the server's preset when no config file is found. */
  constructor({ preset }: { preset?: string | undefined } = {}) {
    this.#preset = preset;
  }

  /** Forgets every config read, after the client reports a change to a config file. */
  invalidate(): void {
    this.#generation++;
    this.#byFolder.clear();
    this.#byFile.clear();
  }

  /** The config for a file (`undefined`: an untitled document, no folder to search): synchronous once loaded. */
  get(filePath: string | undefined): LoadedConfig | Promise<LoadedConfig> {
    const folder = filePath === undefined ? undefined : path.dirname(filePath);
    const key = folder ?? '';
    const cached = this.#byFolder.get(key);
    if (cached) return cached;
    const generation = this.#generation;
    const loading = this.#load(folder).then((loaded) => {
      // Read before the last invalidate(): used once by whoever waited, never cached.
      if (generation !== this.#generation) return loaded;
      let shared = loaded;
      if (loaded.config) {
        const file = loaded.config.file ?? '';
        shared = this.#byFile.get(file) ?? loaded;
        this.#byFile.set(file, shared);
      }
      this.#byFolder.set(key, shared);
      return shared;
    });
    this.#byFolder.set(key, loading);
    return loading;
  }

  async #load(folder: string | undefined): Promise<LoadedConfig> {
    try {
      if (folder !== undefined) {
        const config = await loadConfig({ cwd: folder });
        if (config.file !== undefined || this.#preset === undefined) return { config };
      }
      return { config: await loadConfig({ cwd: folder ?? process.cwd(), configFile: false, ...(this.#preset !== undefined ? { preset: this.#preset } : {}) }) };
    } catch (error) {
      return { problem: describeConfigError(error, folder) };
    }
  }
}

/** The loader's message with the file as an absolute path: the loader names it relative to the folder searched. */
function describeConfigError(error: unknown, folder: string | undefined): string {
  if (error instanceof PostlintConfigFileError) {
    if (error.key === '--preset') return `initializationOptions.preset: ${error.problem}`;
    const absolute = folder !== undefined && !path.isAbsolute(error.file) ? path.resolve(folder, error.file) : error.file;
    return `${existsSync(absolute) ? absolute : error.file}: ${error.key}: ${error.problem}`;
  }
  if (error instanceof PostlintConfigError) return error.message;
  return `cannot load the postlint config: ${error instanceof Error ? error.message : String(error)}`;
}

/** The file a document URI names, or undefined for an untitled or remote document. */
export function toFilePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
