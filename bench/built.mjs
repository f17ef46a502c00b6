// The built package for the benchmarks: rebuild when dist/ is missing or older than any source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function ensureBuilt(log = (s) => process.stderr.write(s + '\n')) {
  const outputs = ['dist/index.js', 'dist/node.js', 'dist/cli.js', 'dist/codemirror.js', 'packages/vectors-en/dist/index.js'].map((f) => join(ROOT, f));
  const sources = ['src', 'rules', 'package.json', 'tsup.config.ts', 'packages/vectors-en/src', 'packages/vectors-en/package.json'].map((f) => newest(join(ROOT, f)));
  if (outputs.every(existsSync) && Math.min(...outputs.map(newest)) >= Math.max(...sources)) return;
  log('dist/ is missing or stale: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}
