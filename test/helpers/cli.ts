import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/node/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILT_CLI = path.join(ROOT, 'dist', 'cli.js');

/** A fresh folder holding `files` (paths with `/`), for one test. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'postlint-test-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Runs the CLI in process, in `cwd`, capturing its output and exit code. */
export async function cli(cwd: string, argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => stdin,
    color: false,
    version: '0.0.0-test',
    cwd,
  });
  return { code, stdout, stderr };
}

/** Runs the built CLI (dist/cli.js) as a child process, as a git hook or CI job would. */
export function builtCli(cwd: string, argv: string[], env: Record<string, string> = {}, input?: string): SpawnSyncReturns<string> {
  if (!existsSync(BUILT_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const clean = { ...process.env };
  delete clean.NO_COLOR;
  delete clean.FORCE_COLOR;
  return spawnSync(process.execPath, [BUILT_CLI, ...argv], { cwd, encoding: 'utf8', env: { ...clean, ...env }, input });
}

export const overLongX = 'Our helpline nurses answer questions about screening, symptoms and treatment every weekday. '.repeat(4).trim();
