import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/types.js';
import { applyFixes, fixUntilStable } from '../../src/text/edits.js';
import { writeFileAtomic } from '../../src/node/write.js';
import { lintFiles, lintText, writeFixes } from '../../src/node/api.js';
import { BUILT_CLI, builtCli, cli, tempDir } from '../helpers/cli.js';

const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
const withFix = (ruleId: string, edits: [number, number, string][]): Diagnostic => ({
  ruleId,
  severity: 'warning',
  message: ruleId,
  start: at(edits[0]![0]),
  end: at(edits[0]![1]),
  url: '',
  fix: { edits: edits.map(([s, e, text]) => ({ range: [s, e], text })) },
});

describe('applyFixes', () => {
  it('applies non-overlapping fixes in one pass and leaves overlapping ones', () => {
    const text = 'abcdefghij';
    const result = applyFixes(text, [withFix('b', [[8, 10, 'IJ']]), withFix('a', [[0, 2, 'AB']]), withFix('c', [[1, 3, 'XX']])]);
    expect([result.output, result.applied.map((m) => m.ruleId), result.skipped.map((m) => m.ruleId)]).toEqual(['ABcdefghIJ', ['a', 'b'], ['c']]);
  });

  it('applies a multi-edit fix whole or not at all', () => {
    const text = 'one two three';
    const result = applyFixes(text, [withFix('wrap', [[0, 0, '('], [3, 3, ')']]), withFix('x', [[2, 5, '-']])]);
    expect([result.output, result.applied.map((m) => m.ruleId)]).toEqual(['(one) two three', ['wrap']]);
  });

  it('ignores edits out of range and fixes that change nothing', () => {
    const result = applyFixes('abc', [withFix('bad', [[2, 9, '']]), withFix('same', [[0, 1, 'a']])]);
    expect([result.output, result.fixed, result.skipped.map((m) => m.ruleId)]).toEqual(['abc', false, ['bad']]);
  });

  it('fixUntilStable re-lints until no fix applies, within the pass limit', () => {
    // A "rule" that removes one leading star per pass: each pass's fix overlaps the next one's.
    const lintOnce = (text: string) => (text.startsWith('*') ? [withFix('star', [[0, 1, '']])] : []);
    expect(fixUntilStable('***hi', lintOnce)).toEqual({ output: 'hi', applied: 3, messages: [] });
    expect(fixUntilStable('*'.repeat(15) + 'hi', lintOnce).output).toBe('*****hi');
  });
});

describe('--fix', () => {
  it('fixes drafts in place, keeps their mode, and is idempotent', async () => {
    const dir = tempDir({ 'post.md': '**Book** your *free* screening\n', 'clean.txt': 'Nothing to fix\n' });
    const post = path.join(dir, 'post.md');
    const clean = path.join(dir, 'clean.txt');
    chmodSync(post, 0o640);
    const cleanBefore = statSync(clean);
    const first = await cli(dir, ['.', '--fix', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(readFileSync(post, 'utf8')).toBe('Book your free screening\n');
    expect(statSync(post).mode & 0o777).toBe(0o640);
    expect(JSON.parse(first.stdout).map((f: any) => [f.filePath, f.fixed, f.messages.length])).toEqual([
      ['clean.txt', undefined, 0],
      ['post.md', 2, 0],
    ]);
    // Untouched when unchanged: same inode, same modification time.
    expect(statSync(clean).ino).toBe(cleanBefore.ino);
    expect(statSync(clean).mtimeMs).toBe(cleanBefore.mtimeMs);
    const fixed = statSync(post);
    const second = await cli(dir, ['.', '--fix']);
    expect(second.code).toBe(0);
    expect(readFileSync(post, 'utf8')).toBe('Book your free screening\n');
    expect(statSync(post).ino).toBe(fixed.ino);
    expect(readdirSync(dir).sort()).toEqual(['clean.txt', 'post.md']);
  });

  it('does not apply a fix that a directive disables', async () => {
    const dir = tempDir({ 'post.md': '<!-- postlint-disable-next-line no-markdown -->\n**Keep** this, *fix* this\n' });
    await cli(dir, ['post.md', '--fix']);
    expect(readFileSync(path.join(dir, 'post.md'), 'utf8')).toBe('<!-- postlint-disable-next-line no-markdown -->\n**Keep** this, *fix* this\n');
    writeFileSync(path.join(dir, 'post.md'), '**Fix** this <!-- postlint-disable-line max-length -->\n');
    await cli(dir, ['post.md', '--fix']);
    expect(readFileSync(path.join(dir, 'post.md'), 'utf8')).toBe('Fix this <!-- postlint-disable-line max-length -->\n');
  });

  it('--fix-dry-run prints the fixed text and writes nothing', async () => {
    const dir = tempDir({ 'post.md': '**Book** now\n' });
    const result = await cli(dir, ['post.md', '--fix-dry-run']);
    // The fixed text, and no report: nothing is left to fix.
    expect(result.stdout).toBe('post.md (1 fix would apply):\nBook now\n\n');
    expect(readFileSync(path.join(dir, 'post.md'), 'utf8')).toBe('**Book** now\n');
    const stdin = await cli(dir, ['--stdin', '--fix-dry-run', '--format', 'json'], '**Book** now');
    expect(JSON.parse(stdin.stdout)[0]).toMatchObject({ output: 'Book now', fixed: 1, messages: [] });
  });
});

describe('--fix with unused directives, and the Node API', () => {
  it('removes an unused disable comment with its line when reporting them', async () => {
    const dir = tempDir({ 'post.md': 'Hello\n<!-- postlint-disable max-links -->\nBye\n' });
    const result = await cli(dir, ['post.md', '--fix', '--report-unused-disable-directives']);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'post.md'), 'utf8')).toBe('Hello\nBye\n');
  });

  it('lintFiles computes fixes without writing; writeFixes writes the changed drafts', async () => {
    const dir = tempDir({ 'a.md': '**A**\n', 'b.md': 'B\n' });
    const reports = await lintFiles('.', { cwd: dir, fix: true });
    expect(reports.map((r) => [r.file, r.output])).toEqual([['a.md', 'A\n'], ['b.md', undefined]]);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('**A**\n');
    expect(writeFixes(reports)).toEqual([path.join(dir, 'a.md')]);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('A\n');
    const text = await lintText('**A**', { cwd: dir, filePath: 'new.md' });
    expect(text.posts[0]!.result.messages.map((m) => m.ruleId)).toEqual(['no-markdown']);
  });
});

describe('atomic writes', () => {
  it('writeFileAtomic replaces content, keeps the mode, follows symlinks and reports unchanged content', () => {
    const dir = tempDir({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    chmodSync(file, 0o600);
    expect(writeFileAtomic(file, 'new')).toBe(true);
    expect([readFileSync(file, 'utf8'), statSync(file).mode & 0o777]).toEqual(['new', 0o600]);
    expect(writeFileAtomic(file, 'new')).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.md']);
    symlinkSync('a.md', path.join(dir, 'link.md'));
    expect(writeFileAtomic(path.join(dir, 'link.md'), 'via link')).toBe(true);
    expect([lstatSync(path.join(dir, 'link.md')).isSymbolicLink(), readFileSync(file, 'utf8')]).toEqual([true, 'via link']);
  });

  // The child runs the built CLI with one fs call replaced by a SIGKILL of itself: a crash at
  // exactly that point. Whatever the point, the draft is the old text or the new, never a part.
  const crashAt = (point: 'mid-write' | 'before-rename', cwd: string, argv: string[]) => {
    const script = `
      import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const die = () => process.kill(process.pid, 'SIGKILL');
      if (${JSON.stringify(point)} === 'before-rename') fs.renameSync = die;
      else {
        const write = fs.writeFileSync;
        fs.writeFileSync = (target, data, ...rest) => {
          if (typeof target !== 'number') return write(target, data, ...rest);
          fs.writeSync(target, String(data).slice(0, String(data).length >> 1));
          die();
        };
      }
      syncBuiltinESMExports();
      process.argv = [process.argv[0], 'postlint', ...${JSON.stringify(argv)}];
      await import(${JSON.stringify(BUILT_CLI)});
    `;
    return new Promise<{ signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: 'ignore' });
      child.on('exit', (_code, signal) => resolve({ signal }));
    });
  };

  for (const point of ['mid-write', 'before-rename'] as const) {
    it(`a kill ${point} leaves the draft whole; the next run fixes it`, async () => {
      const original = '**Book** your screening. ' + 'Call us. '.repeat(20).trimEnd() + '\n';
      const dir = tempDir({ 'draft.md': original });
      const { signal } = await crashAt(point, dir, ['draft.md', '--fix']);
      expect(signal).toBe('SIGKILL');
      expect(readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(original);
      const leftovers = readdirSync(dir).filter((f) => f.endsWith('.postlint-tmp'));
      expect(leftovers).toHaveLength(1);
      const leftover = readFileSync(path.join(dir, leftovers[0]!), 'utf8');
      const fixedText = original.replace('**Book**', 'Book');
      if (point === 'before-rename') expect(leftover).toBe(fixedText);
      else expect([fixedText.startsWith(leftover), leftover.length < fixedText.length]).toEqual([true, true]);
      // The leftover is a dot-file with its own suffix: never taken for a draft.
      const rerun = builtCli(dir, ['.', '--fix']);
      expect(rerun.status).toBe(0);
      expect(readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(original.replace('**Book**', 'Book'));
    });
  }

  it('killing a real --fix run part-way through many drafts leaves each one old or new, never truncated', async () => {
    const count = 200;
    const files: Record<string, string> = {};
    const original = (i: number) => `Draft ${i}: **Book** your screening. ${'Our nurses can help. '.repeat(40).trimEnd()}\n`;
    for (let i = 0; i < count; i++) files[`d${String(i).padStart(3, '0')}.md`] = original(i);
    const dir = tempDir(files);
    const child = spawn(process.execPath, [BUILT_CLI, '.', '--fix', '--rule', 'max-length: off'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => {
      const watcher = watch(dir, (_event, name) => {
        if (name && name.endsWith('.md')) {
          child.kill('SIGKILL');
          watcher.close();
          resolve();
        }
      });
      child.on('exit', () => {
        watcher.close();
        resolve();
      });
    });
    await exited;
    let fixed = 0;
    for (let i = 0; i < count; i++) {
      const text = readFileSync(path.join(dir, `d${String(i).padStart(3, '0')}.md`), 'utf8');
      if (text === original(i)) continue;
      expect(text).toBe(original(i).replace('**Book**', 'Book'));
      fixed++;
    }
    expect(fixed).toBeGreaterThan(0);
  });
});
