import { existsSync, readFileSync } from 'node:fs';
import { presets } from '../../rules/presets.js';
import { rules } from '../../rules/index.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shouldColor } from '../../src/node/color.js';
import { builtCli, cli, overLongX, tempDir } from '../helpers/cli.js';

const WARN_ONLY = '**Bold** news'; // one no-markdown warning on X
const rows = (stdout: string) => JSON.parse(stdout).map((f: any) => [f.filePath, ...f.messages.map((m: any) => `${m.ruleId}:${m.severity}`)]);

describe('exit codes', () => {
  it('0 when clean, 1 on errors, 2 on bad usage', async () => {
    const dir = tempDir({ 'ok.txt': 'Hello', 'long.txt': overLongX });
    expect((await cli(dir, ['ok.txt'])).code).toBe(0);
    expect((await cli(dir, ['long.txt'])).code).toBe(1);
    const usage = [
      [['--format', 'xml', 'ok.txt'], 'unknown format "xml"; use one of stylish, json, sarif, github, compact, html, or the path of a formatter module such as ./my-formatter.js'],
      [['--max-warnings=-1', 'ok.txt'], '--max-warnings expects a whole number of 0 or more, got "-1"'],
      [['--max-warnings', 'many', 'ok.txt'], '--max-warnings expects a whole number of 0 or more, got "many"'],
      [['--frobnicate', 'ok.txt'], 'unknown option "--frobnicate". Run "postlint --help" for the options.'],
      [['--channel', 'myspace', 'ok.txt'], 'unknown channel "myspace"; use one of x, x-140, bluesky, mastodon, threads, linkedin, instagram, facebook, sms, email, web, helpline'],
      [['--language', 'es', 'ok.txt'], 'unknown language "es"; use one of en, de, fr, auto'],
      [['--preset', 'strict', 'ok.txt'], `unknown preset "strict"; use one of ${Object.keys(presets).join(', ')}`],
      [['missing.txt'], 'no files matching "missing.txt"'],
      [['--rule', 'max-length', 'ok.txt'], `--rule "max-length": write it as 'rule-id: error' or 'rule-id: [warn, {max: 2}]'`],
      [['--rule', 'max-lenth: off', 'ok.txt'], `--rule: rules.max-lenth: unknown rule; use one of ${Object.keys(rules).sort().join(', ')}`],
    ] as const;
    for (const [argv, message] of usage) {
      const result = await cli(dir, [...argv]);
      expect([result.code, result.stderr, result.stdout]).toEqual([2, `postlint: ${message}\n`, '']);
    }
    // --fix on --text or --stdin is a filter: the fixed text on stdout.
    expect(await cli(dir, ['--fix', '--text', 'hi'])).toEqual({ code: 0, stdout: 'hi', stderr: '' });
  });

  it('--max-warnings: 1 only when warnings exceed it', async () => {
    const dir = tempDir({ 'a.md': WARN_ONLY, 'b.md': WARN_ONLY });
    expect((await cli(dir, ['.'])).code).toBe(0);
    expect((await cli(dir, ['.', '--max-warnings', '2'])).code).toBe(0);
    const over = await cli(dir, ['.', '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stdout.endsWith('postlint found too many warnings (maximum: 1).\n')).toBe(true);
  });

  it('--quiet reports errors only, and its warnings no longer count', async () => {
    const dir = tempDir({ 'a.md': WARN_ONLY, 'long.txt': overLongX });
    expect(rows((await cli(dir, ['.', '--quiet', '--format', 'json'])).stdout)).toEqual([['a.md'], ['long.txt', 'max-length:error']]);
    expect((await cli(dir, ['a.md', '--quiet', '--max-warnings', '0'])).code).toBe(0);
  });
});

describe('inputs', () => {
  it('lints folders recursively (.md and .txt), globs, and skips node_modules and .postlintignore', async () => {
    const dir = tempDir({
      'drafts/a.md': 'A',
      'drafts/deep/b.txt': 'B',
      'drafts/notes.json': '{}',
      'drafts/old/c.md': 'C',
      'drafts/keep.md': 'K',
      'node_modules/pkg/readme.md': 'N',
      'drafts/node_modules/x.md': 'N',
      '.postlintignore': '# archived drafts\nold/\n*.txt\n!keep-me.txt\n',
      'drafts/keep-me.txt': 'K2',
    });
    expect(rows((await cli(dir, ['drafts', '--format', 'json'])).stdout).map((r: string[]) => r[0])).toEqual(['drafts/a.md', 'drafts/keep-me.txt', 'drafts/keep.md']);
    expect(rows((await cli(dir, ['drafts/**/*.md', '--format', 'json'])).stdout).map((r: string[]) => r[0])).toEqual(['drafts/a.md', 'drafts/keep.md']);
    expect(rows((await cli(dir, ['.', '--no-ignore', '--format', 'json'])).stdout).map((r: string[]) => r[0])).toEqual([
      'drafts/a.md',
      'drafts/deep/b.txt',
      'drafts/keep-me.txt',
      'drafts/keep.md',
      'drafts/old/c.md',
    ]);
    // A file named explicitly but ignored is skipped, as a pre-commit hook passing every staged file needs.
    const ignored = await cli(dir, ['drafts/old/c.md', 'drafts/a.md', '--format', 'json']);
    expect(rows(ignored.stdout).map((r: string[]) => r[0])).toEqual(['drafts/a.md']);
    const allIgnored = await cli(dir, ['drafts/old', '--no-error-on-unmatched-pattern']);
    expect([allIgnored.code, allIgnored.stdout]).toEqual([0, '']);
  });

  it('applies the config\'s ignorePatterns relative to the config file\'s folder', async () => {
    const dir = tempDir({ '.postlintrc.yaml': 'ignorePatterns: ["/archive/"]\n', 'archive/a.md': 'A', 'drafts/archive/b.md': 'B', 'drafts/c.md': 'C' });
    const files = async (cwd: string) => rows((await cli(cwd, ['.', '--format', 'json'])).stdout).map((r: string[]) => r[0]);
    expect(await files(dir)).toEqual(['drafts/archive/b.md', 'drafts/c.md']);
    expect(await files(path.join(dir, 'drafts'))).toEqual(['archive/b.md', 'c.md']);
  });

  it('reads --stdin, and --stdin-filename applies overrides and front matter for that path', async () => {
    const dir = tempDir({ '.postlintrc.yaml': 'overrides:\n  - files: "sms/**"\n    channel: sms\n' });
    const plain = await cli(dir, ['--stdin', '--format', 'json'], 'Hello');
    expect(JSON.parse(plain.stdout)[0]).toMatchObject({ filePath: '<stdin>', channel: 'x' });
    const named = await cli(dir, ['--stdin', '--stdin-filename', 'sms/reminder.txt', '--format', 'json'], 'Hello');
    expect(JSON.parse(named.stdout)[0]).toMatchObject({ filePath: 'sms/reminder.txt', channel: 'sms' });
    const front = await cli(dir, ['--stdin', '--stdin-filename', 'post.md', '--format', 'json'], '---\nchannel: bluesky\n---\nHello\n');
    expect(JSON.parse(front.stdout)[0]).toMatchObject({ channel: 'bluesky', measure: { count: 5 } });
  });

  it('channel precedence: front matter, then --channel, then overrides, then the config', async () => {
    const dir = tempDir({
      '.postlintrc.yaml': 'channel: bluesky\noverrides:\n  - files: "sms/**"\n    channel: sms\n',
      'sms/a.txt': 'A',
      'sms/b.md': '---\nchannel: threads\n---\nB',
      'c.txt': 'C',
    });
    const channelsOf = async (argv: string[]) => JSON.parse((await cli(dir, [...argv, '--format', 'json'])).stdout).map((f: any) => `${f.filePath}=${f.channel}`);
    expect(await channelsOf(['.'])).toEqual(['c.txt=bluesky', 'sms/a.txt=sms', 'sms/b.md=threads']);
    expect(await channelsOf(['.', '--channel', 'mastodon'])).toEqual(['c.txt=mastodon', 'sms/a.txt=mastodon', 'sms/b.md=threads']);
  });
});

describe('rules and presets from the command line', () => {
  it('--rule sets severities and options above the config; --preset replaces extends', async () => {
    const dir = tempDir({ '.postlintrc.json': '{ "rules": { "no-markdown": "error" } }', 'a.md': '**Bold** #one #two' });
    expect(rows((await cli(dir, ['a.md', '--format', 'json'])).stdout)).toEqual([['a.md', 'no-markdown:error']]);
    expect(rows((await cli(dir, ['a.md', '--format', 'json', '--rule', 'no-markdown: off', '--rule', 'max-hashtags: [warn, {max: 1}]'])).stdout)).toEqual([['a.md', 'max-hashtags:warning']]);
    expect(rows((await cli(dir, ['a.md', '--format', 'json', '--preset', 'none'])).stdout)).toEqual([['a.md', 'no-markdown:error']]);
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders) and nothing to stdout', async () => {
    const dir = tempDir({ 'long.txt': overLongX });
    const result = await cli(dir, ['long.txt', '--format', 'json', '--output-file', 'reports/postlint.json']);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/postlint.json'), 'utf8'))[0].errorCount).toBe(1);
  });
});

describe('colour', () => {
  it('only on a terminal, never with NO_COLOR, forced by FORCE_COLOR or --color', () => {
    expect(shouldColor({ isTTY: true, env: {} })).toBe(true);
    expect(shouldColor({ isTTY: false, env: {} })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
    expect(shouldColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).toBe(false);
    expect(shouldColor({ isTTY: false, env: {}, flag: true })).toBe(true);
  });

  it('the built CLI prints no escape codes into a pipe, and colours with --color', () => {
    const dir = tempDir({ 'long.txt': overLongX });
    const piped = builtCli(dir, ['long.txt']);
    expect(piped.status).toBe(1);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(piped.stdout).toContain('1:281  error  Too long for X: 367/280 weighted characters, 87 over: shorten it or split it into a thread  max-length');
    expect(builtCli(dir, ['long.txt', '--color']).stdout).toContain('\u001b[31merror\u001b[39m');
    expect(builtCli(dir, ['long.txt'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(existsSync(path.join(dir, 'long.txt'))).toBe(true);
  });

  it('the built CLI reads standard input', () => {
    const dir = tempDir();
    const result = builtCli(dir, ['--stdin', '--stdin-filename', 'post.md', '--format', 'compact'], {}, '---\nchannel: sms\n---\n**Book** now\n');
    expect([result.status, result.stdout]).toEqual([0, 'post.md: line 4, col 1, Warning - SMS does not show bold: readers will see "**Book**" as typed; write "Book" (no-markdown)\n\n1 problem (0 errors, 1 warning)\n']);
  });
});

describe('help and version', () => {
  it('prints them and exits 0', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['--version'])).stdout).toBe('0.0.0-test\n');
    const help = await cli(dir, ['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--config', '--no-config', '--rule', '--quiet', '--max-warnings', '--format', '--output-file', '--fix', '--fix-dry-run', '--stdin-filename', '--report-unused-disable-directives']) {
      expect(help.stdout).toContain(flag);
    }
  });

  it('generates --help from the one option table: every option once, no second block', async () => {
    const help = (await cli(tempDir(), ['--help'])).stdout;
    expect(help).not.toMatch(/^Options:/m);
    for (const flag of ['--channel', '--preset', '--products', '--format', '--split', '--help', '--version']) {
      expect(help.match(new RegExp(`^  (?:-\\w, )?${flag}\\b`, 'gm')), flag).toHaveLength(1);
    }
    // An option the table does not list is not accepted either.
    expect((await cli(tempDir(), ['--frobnicate'])).code).toBe(2);
  });
});
