import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GlobMatcher } from './config.js';

export const DEFAULT_EXTENSIONS = ['md', 'txt'];

/** A "no file matched" problem: exit 2, like ESLint's "No files matching the pattern". */
export class NoFilesError extends Error {
  override readonly name = 'NoFilesError';
}

// picomatch (58 KB) and tinyglobby (28 KB) are loaded only when there is a pattern to match or a
// folder or glob to walk: a hook or an editor naming one draft starts without them.
async function loadPicomatch(): Promise<GlobMatcher & { isMatch(path: string, pattern: string): boolean }> {
  return (await import('picomatch')).default;
}

/**
 * A .gitignore-like matcher: `#` comments, `!` negation, a trailing `/` for folders, a pattern
 * without `/` matches at any depth, one with `/` is anchored to the ignore file's folder.
 * node_modules is always ignored.
 */
export async function compileIgnore(patterns: readonly string[]): Promise<(relativePath: string) => boolean> {
  const lines = patterns.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  const picomatch = lines.length ? await loadPicomatch() : undefined;
  const rules = lines
    .map((line) => {
      const negated = line.startsWith('!');
      let pattern = negated ? line.slice(1) : line;
      pattern = pattern.replace(/\/+$/, '');
      const anchored = pattern.includes('/');
      pattern = pattern.replace(/^\/+/, '');
      const glob = anchored ? pattern : `**/${pattern}`;
      return { negated, match: picomatch!([glob, `${glob}/**`], { dot: true }) };
    });
  return (relativePath) => {
    const posix = relativePath.split(path.sep).join('/');
    if (/(?:^|\/)node_modules(?:\/|$)/.test(posix)) return true;
    let ignored = false;
    for (const rule of rules) if (rule.match(posix)) ignored = !rule.negated;
    return ignored;
  };
}

/**
 * The ignore test of a run: `.postlintignore` lines relative to the working folder, the config's
 * `ignorePatterns` relative to the config file's folder, and node_modules everywhere.
 */
export async function ignoreTest(cwd: string, ignoreFileLines: readonly string[], configBase: string, configPatterns: readonly string[]): Promise<(absolute: string) => boolean> {
  const fromFile = await compileIgnore(ignoreFileLines);
  const fromConfig = await compileIgnore(configPatterns);
  return (absolute: string) => fromFile(path.relative(cwd, absolute)) || (configPatterns.length > 0 && fromConfig(path.relative(configBase, absolute)));
}

/** The lines of `.postlintignore` (or `--ignore-path`), or none when it does not exist. */
export function readIgnoreFile(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split(/\r?\n/);
}

export interface FindFilesOptions {
  cwd: string;
  /** Whether an absolute path is ignored. */
  ignored: (absolutePath: string) => boolean;
  extensions?: readonly string[];
  errorOnUnmatchedPattern?: boolean;
  /** Called for a file named on the command line that is ignored (ESLint warns about those). */
  onIgnored?: (absolutePath: string) => void;
}

/**
 * Files named, folders (their .md and .txt files, recursively) and globs, as sorted absolute
 * paths without duplicates. Ignored files are dropped, even when named.
 */
export async function findFiles(patterns: readonly string[], options: FindFilesOptions): Promise<string[]> {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const found = new Set<string>();
  const keep = (absolute: string) => !options.ignored(absolute);
  for (const pattern of patterns) {
    const absolute = path.resolve(options.cwd, pattern);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    let matches: string[];
    if (stat?.isFile()) {
      matches = [absolute];
    } else {
      const { glob, escapePath } = await import('tinyglobby');
      const base = stat?.isDirectory() ? `${escapePath(path.relative(options.cwd, absolute).split(path.sep).join('/') || '.')}/**/*.{${extensions.join(',')}}` : pattern;
      const ext = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`;
      const globbed = await glob(base, { cwd: options.cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false });
      // A bare glob like `drafts/*` keeps only draft extensions; a glob naming an extension keeps what it names.
      const picomatch = stat?.isDirectory() || /\.[\w{},]+$/.test(pattern) ? undefined : await loadPicomatch();
      matches = !picomatch ? globbed : globbed.filter((f) => picomatch.isMatch(path.basename(f), `*.${ext}`));
    }
    const kept = matches.map(path.normalize).filter(keep);
    if (stat?.isFile() && kept.length === 0) options.onIgnored?.(path.normalize(absolute));
    if (kept.length === 0 && options.errorOnUnmatchedPattern !== false && !(stat?.isFile() && matches.length > 0)) {
      throw new NoFilesError(stat ? `no files to lint in "${pattern}" (all ignored or no .${extensions.join('/.')} files)` : `no files matching "${pattern}"`);
    }
    for (const file of kept) found.add(file);
  }
  return [...found].sort();
}
