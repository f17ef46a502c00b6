import path from 'node:path';

/** What this reads of node:module: enableCompileCache and its statuses, which Node >= 22.1 has (and 20 does not). */
export interface CompileCacheApi {
  enableCompileCache?: (directory?: string) => { status: number; message?: string; directory?: string };
  constants?: { compileCacheStatus?: { ENABLED: number; ALREADY_ENABLED: number } };
}

/** Where the CLI and the language server run: the environment and platform they read a cache folder from. */
export interface CompileCacheHost {
  version: string;
  env: Record<string, string | undefined>;
  platform: string;
}

/**
 * The folder for V8's compiled code of postlint's files: the OS cache folder ($XDG_CACHE_HOME or
 * ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), one folder per postlint
 * version. Undefined where the environment names no home or cache folder.
 */
export function compileCacheDirectory({ version, env, platform }: CompileCacheHost): string | undefined {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA
      : platform === 'darwin'
        ? env.HOME && paths.join(env.HOME, 'Library', 'Caches')
        : env.XDG_CACHE_HOME && paths.isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : env.HOME && paths.join(env.HOME, '.cache');
  return base ? paths.join(base, 'postlint', version, 'compile-cache') : undefined;
}

/**
 * Turns on Node's module compile cache (Node >= 22.1) before the rest of a tool loads, so that each
 * later start reads V8's code for the ~1 MB of chunks instead of compiling it again. Node keys each
 * entry by the file's content hash and checks it on reading (a changed or damaged entry is compiled
 * afresh, never used), keeps the Node and V8 version in the folder name, and honours
 * NODE_DISABLE_COMPILE_CACHE and NODE_COMPILE_CACHE. A folder it cannot write only means no cache:
 * this never throws. Returns the folder when the cache is on.
 */
export function enableCompileCache(api: object, host: CompileCacheHost): string | undefined {
  // node:module as @types/node 20 types it, without enableCompileCache: read as the API it may have.
  const { enableCompileCache: enable, constants } = api as CompileCacheApi;
  const statuses = constants?.compileCacheStatus;
  if (typeof enable !== 'function' || statuses === undefined) return undefined;
  try {
    const directory = compileCacheDirectory(host);
    if (directory === undefined) return undefined;
    const result = enable.call(api, directory);
    // The others are FAILED (an unwritable folder) and DISABLED (NODE_DISABLE_COMPILE_CACHE).
    return result.status === statuses.ENABLED || result.status === statuses.ALREADY_ENABLED ? result.directory : undefined;
  } catch {
    return undefined;
  }
}
