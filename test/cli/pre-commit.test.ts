import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILT_CLI, ROOT, builtCli, overLongX, tempDir } from '../helpers/cli.js';

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('defines hooks with the keys the pre-commit framework requires', () => {
    expect(Array.isArray(hooks)).toBe(true);
    expect(hooks.map((h) => h.id)).toEqual(['postlint', 'postlint-fix']);
    for (const hook of hooks) {
      expect(Object.keys(hook)).toEqual(expect.arrayContaining(['id', 'name', 'entry', 'language']));
      expect(hook.language).toBe('node');
      expect(String(hook.entry).split(' ')[0]).toBe('postlint');
      expect(Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin)).toContain('postlint');
    }
  });

  it('selects drafts by their file names', () => {
    const files = new RegExp(String(hooks[0]!.files));
    expect(['drafts/x/launch.md', 'sms/reminder.txt', 'a.markdown'].every((f) => files.test(f))).toBe(true);
    expect(['package.json', 'notes.mdx', 'md.js'].some((f) => files.test(f))).toBe(false);
  });
});

describe('a git pre-commit hook running the built CLI', () => {
  const git = (cwd: string, ...args: string[]) =>
    spawnSync('git', ['-c', 'user.name=Comms Team', '-c', 'user.email=comms@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

  const hasGit = spawnSync('git', ['--version']).status === 0;
  if (!hasGit) console.warn('git is not installed: skipping the pre-commit integration test');

  it.skipIf(!hasGit)('blocks a commit with an over-long X draft and lets a clean one through', () => {
    builtCli(ROOT, ['--version']); // fails clearly when dist/ is missing
    const repo = tempDir({ '.postlintrc.yaml': 'channel: x\n' });
    expect(git(repo, 'init', '-q').status).toBe(0);
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(
      hook,
      [
        '#!/bin/sh',
        '# Lint the staged drafts; a non-zero exit stops the commit.',
        'files=$(git diff --cached --name-only --diff-filter=ACMR -- "*.md" "*.txt")',
        '[ -z "$files" ] && exit 0',
        `exec "${process.execPath}" "${BUILT_CLI}" --max-warnings 0 $files`,
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);

    writeFileSync(path.join(repo, 'launch.md'), overLongX + '\n');
    git(repo, 'add', '.');
    const blocked = git(repo, 'commit', '-m', 'Launch post');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('1:281  error  Too long for X: 367/280 weighted characters, 87 over: shorten it or split it into a thread  max-length');
    expect(git(repo, 'rev-parse', '--verify', 'HEAD').status).not.toBe(0);

    writeFileSync(path.join(repo, 'launch.md'), 'Screening saves lives. Book yours today: https://example.org/screening\n');
    git(repo, 'add', '.');
    const passed = git(repo, 'commit', '-m', 'Launch post');
    expect(passed.stderr).not.toContain('error');
    expect(passed.status).toBe(0);
    expect(git(repo, 'log', '--format=%s').stdout).toBe('Launch post\n');
  });
});
