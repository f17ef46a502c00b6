import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheDirectory, enableCompileCache, type CompileCacheApi } from '../../src/node/compile-cache.js';
import { builtCli, overLongX, ROOT, tempDir } from '../helpers/cli.js';

const host = (env: Record<string, string | undefined>, platform = 'linux') => ({ version: '1.2.3', env, platform });

describe('compileCacheDirectory: the OS cache folder, one per postlint version', () => {
  it('is $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows', () => {
    expect(compileCacheDirectory(host({ HOME: '/home/a' }))).toBe('/home/a/.cache/postlint/1.2.3/compile-cache');
    expect(compileCacheDirectory(host({ HOME: '/home/a', XDG_CACHE_HOME: '/var/cache/a' }))).toBe('/var/cache/a/postlint/1.2.3/compile-cache');
    // The XDG spec: a relative XDG_CACHE_HOME is ignored.
    expect(compileCacheDirectory(host({ HOME: '/home/a', XDG_CACHE_HOME: 'cache' }))).toBe('/home/a/.cache/postlint/1.2.3/compile-cache');
    expect(compileCacheDirectory(host({ HOME: '/Users/a', XDG_CACHE_HOME: '/x' }, 'darwin'))).toBe('/Users/a/Library/Caches/postlint/1.2.3/compile-cache');
    expect(compileCacheDirectory(host({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', HOME: '/x' }, 'win32'))).toBe('C:\\Users\\a\\AppData\\Local\\postlint\\1.2.3\\compile-cache');
  });

  it('is none where the environment names no home or cache folder', () => {
    expect(compileCacheDirectory(host({}))).toBeUndefined();
    expect(compileCacheDirectory(host({ HOME: '/x' }, 'win32'))).toBeUndefined();
  });
});

describe('enableCompileCache', () => {
  const calls: (string | undefined)[] = [];
  // Node's numbers (module.constants.compileCacheStatus) are not written into the code: these differ from them.
  const compileCacheStatus = { FAILED: 10, ENABLED: 11, ALREADY_ENABLED: 12, DISABLED: 13 };
  const api = (status: number): CompileCacheApi => ({
    enableCompileCache: (directory) => {
      calls.push(directory);
      return { status, directory };
    },
    constants: { compileCacheStatus },
  });

  it("turns Node's cache on in the folder, and says so only when Node did", () => {
    calls.length = 0;
    expect(enableCompileCache(api(11), host({ HOME: '/h' }))).toBe('/h/.cache/postlint/1.2.3/compile-cache');
    expect(calls).toEqual(['/h/.cache/postlint/1.2.3/compile-cache']);
    // Already on (NODE_COMPILE_CACHE): Node's folder stays.
    expect(enableCompileCache(api(12), host({ HOME: '/h' }))).toBe('/h/.cache/postlint/1.2.3/compile-cache');
    // Failed (an unwritable folder) or disabled (NODE_DISABLE_COMPILE_CACHE): no cache, no error.
    expect(enableCompileCache(api(10), host({ HOME: '/h' }))).toBeUndefined();
    expect(enableCompileCache(api(13), host({ HOME: '/h' }))).toBeUndefined();
  });

  it('does nothing on a Node without it (20), or with no folder, and never throws', () => {
    calls.length = 0;
    expect(enableCompileCache({}, host({ HOME: '/h' }))).toBeUndefined();
    expect(enableCompileCache(api(11), host({}))).toBeUndefined();
    // A Node with the function but not its statuses is not one this knows how to read.
    expect(enableCompileCache({ enableCompileCache: api(11).enableCompileCache }, host({ HOME: '/h' }))).toBeUndefined();
    expect(calls).toEqual([]);
    const throwing: CompileCacheApi = {
      enableCompileCache: () => {
        throw new Error('EACCES');
      },
      constants: { compileCacheStatus },
    };
    expect(enableCompileCache(throwing, host({ HOME: '/h' }))).toBeUndefined();
  });
});

// The built CLI with its cache folder in a test folder: the lint's output is the same whatever
// becomes of the cache. On Node 20 (no enableCompileCache) the cache is never written.
describe('the built CLI and its compile cache', () => {
  const hasCache = typeof (module as CompileCacheApi).enableCompileCache === 'function';
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const args = ['--no-config', '--text', overLongX];
  const expected = () => {
    const run = builtCli(ROOT, args, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(run.status).toBe(1);
    return run;
  };
  const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

  // On Node 20 the CLI never tries the folder, so this could not fail there: the fake-API cases above cover the logic.
  it.skipIf(!hasCache)('Node >= 22.1: lints the same when the cache folder cannot be made (a file is in its way)', () => {
    // A file where the folder should be fails for every user; a read-only folder would not (root writes anyway).
    const { stdout, status } = expected();
    const dir = tempDir({ 'not-a-folder': 'x' });
    try {
      const blocked = builtCli(ROOT, args, { XDG_CACHE_HOME: path.join(dir, 'not-a-folder') });
      expect([blocked.stdout, blocked.stderr, blocked.status]).toEqual([stdout, '', status]);
      expect(readFileSync(path.join(dir, 'not-a-folder'), 'utf8')).toBe('x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasCache)("Node >= 22.1: writes V8's code to the OS cache folder by version, and a damaged entry is never used", () => {
    const { stdout, status } = expected();
    const dir = tempDir();
    try {
      const first = builtCli(ROOT, args, { XDG_CACHE_HOME: dir });
      expect([first.stdout, first.stderr, first.status]).toEqual([stdout, '', status]);
      const cache = path.join(dir, 'postlint', version, 'compile-cache');
      const entries = filesUnder(cache);
      expect(entries.length).toBeGreaterThan(3);
      const second = builtCli(ROOT, args, { XDG_CACHE_HOME: dir });
      expect([second.stdout, second.stderr, second.status]).toEqual([stdout, '', status]);
      // Every entry overwritten with other bytes: Node's checksum rejects them, and the lint is the same.
      for (const entry of entries) writeFileSync(entry, Buffer.alloc(statSync(entry).size, 7));
      const damaged = builtCli(ROOT, args, { XDG_CACHE_HOME: dir });
      expect([damaged.stdout, damaged.stderr, damaged.status]).toEqual([stdout, '', status]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(hasCache)('Node 20: writes no cache', () => {
    const dir = tempDir();
    try {
      expect(builtCli(ROOT, args, { XDG_CACHE_HOME: dir }).stderr).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
