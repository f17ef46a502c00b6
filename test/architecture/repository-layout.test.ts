import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A newcomer finds code, data and tools in these folders; anything else at the top is configuration.
const FOLDERS = ['src', 'rules', 'packages', 'test', 'docs', 'bench', 'examples', 'playground', '.ci'];
const CONFIG_FILE = /^(?:README\.md|LICENSE|package(?:-lock)?\.json|tsconfig(?:\.\w+)?\.json|\w+\.config\.ts|\.[\w.-]+)$/;

/** Where a top-level entry is allowed: a listed folder, or a configuration file. */
function misplaced(paths: readonly string[]): string[] {
  const top = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/') + 1) : p)));
  return [...top].filter((entry) => (entry.endsWith('/') ? !FOLDERS.includes(entry.slice(0, -1)) : !CONFIG_FILE.test(entry))).sort();
}

it('keeps the top level to src, rules, packages, test, docs, bench, examples, playground, .ci and config files', () => {
  // The files git tracks (or is about to): not the scratch folders other tests make and remove.
  const listed = spawnSync('git', ['ls-files', '--cached'], { cwd: root, encoding: 'utf8' });
  expect(listed.status, listed.stderr).toBe(0);
  const paths = listed.stdout.split('\n').filter(Boolean);
  expect(paths.length).toBeGreaterThan(100);
  expect(misplaced(paths)).toEqual([]);
});

it('names what does not belong', () => {
  expect(misplaced(['scripts/build-vectors.mjs', 'src/index.ts', 'notes.txt', 'tsup.config.ts', '.gitignore', 'README.md'])).toEqual(['notes.txt', 'scripts/']);
});
