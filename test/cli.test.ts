import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built CLI, as a user runs it (npm test builds before it tests).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = (args: string[], input?: string) => {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('postlint CLI', () => {
  it('lints --text and prints stylish output with the measurement; exit 1 on errors', () => {
    const { code, stdout, stderr } = run(['--text', 'Hello **world** ' + 'a'.repeat(270), '--channel', 'x']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        '<text>',
        '  1:7    warning  X does not render Markdown: bold will show as "**world**"  no-markdown',
        '  1:281  error    286/280 weighted characters for X: 6 over                  max-length',
        '  x: 286/280 weighted characters',
        '',
        '2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 on a clean post and still shows the measurement', () => {
    const { code, stdout } = run(['--text', 'Thank you to everyone who ran for us on Sunday!', '--channel', 'bluesky']);
    expect(code).toBe(0);
    expect(stdout).toBe('<text>\n  bluesky: 47/300 graphemes, 47/3000 bytes\n\n');
  });

  it('reads --stdin and prints JSON with --format json', () => {
    const { code, stdout } = run(['--stdin', '--channel', 'sms', '--format', 'json'], 'Book your screening – today');
    expect(code).toBe(0);
    const [file] = JSON.parse(stdout);
    expect(file.file).toBe('<stdin>');
    expect(file.posts[0].measure).toEqual({
      channel: 'sms', count: 1, limit: 1, unit: 'segments', remaining: 0, fits: true,
      sms: { encoding: 'UCS-2', charactersPerSegment: 70, characters: 27, nonGsmCharacters: ['–'] },
    });
    expect(file.posts[0].messages).toEqual([]);
  });

  it('lints files, one post per .txt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postlint-cli-'));
    writeFileSync(join(dir, 'ok.txt'), 'Short and sweet.');
    writeFileSync(join(dir, 'long.txt'), 'b'.repeat(141));
    const { code, stdout } = run([join(dir, 'ok.txt'), join(dir, 'long.txt'), '--channel', 'x-140']);
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'long.txt')}\n  1:141  error  141/140 weighted characters for X (140): 1 over  max-length`);
    expect(stdout).toContain(`${join(dir, 'ok.txt')}\n  x-140: 16/140 weighted characters`);
  });

  it('exits 2 with a clear message and no output on bad usage', () => {
    for (const [args, message] of [
      [['--text', 'hi', '--channel', 'myspace'], 'postlint: unknown channel "myspace"; use one of x, x-140, bluesky'],
      [['missing-file.txt'], 'postlint: no such file: missing-file.txt'],
      [['--text', 'hi', '--format', 'xml'], 'postlint: unknown format "xml"; use stylish or json'],
      [['--text', 'hi', '--bogus'], "postlint: Unknown option '--bogus'"],
      [[], 'postlint: nothing to lint: give files, --text or --stdin'],
    ] as const) {
      const { code, stdout, stderr } = run([...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.startsWith(message), stderr).toBe(true);
    }
  });

  it('prints help and version', () => {
    expect(run(['--help']).stdout).toContain('Usage: postlint [files...] [options]');
    expect(run(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });
});
