import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, encodeTextFile } from '../../src/node/text-file.js';
import { lintFiles, lintText, writeFixes } from '../../src/node/api.js';
import { builtCli, cli, tempDir } from '../helpers/cli.js';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const bom8 = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
// A draft with one fix (a double space) and nothing else to report.
const DRAFT = 'Café opening  today\r\nBook a screening.\r\n';
const FIXED = 'Café opening today\r\nBook a screening.\r\n';

/** A folder holding files given as bytes. */
function folder(files: Record<string, Uint8Array | string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
const bytesOf = (dir: string, name: string) => readFileSync(path.join(dir, name));

describe('decodeTextFile', () => {
  it('reads UTF-8 with or without a BOM and UTF-16 with one, the BOM not in the text', () => {
    expect(decodeTextFile(Buffer.from(DRAFT))).toEqual({ text: DRAFT, encoding: { name: 'utf-8', bom: false } });
    expect(decodeTextFile(bom8(DRAFT))).toEqual({ text: DRAFT, encoding: { name: 'utf-8', bom: true } });
    expect(decodeTextFile(utf16le(DRAFT + '👩🏽‍⚕️'))).toEqual({ text: DRAFT + '👩🏽‍⚕️', encoding: { name: 'utf-16le', bom: true } });
    expect(decodeTextFile(utf16be(DRAFT + '👩🏽‍⚕️'))).toEqual({ text: DRAFT + '👩🏽‍⚕️', encoding: { name: 'utf-16be', bom: true } });
    expect(decodeTextFile(Buffer.alloc(0))).toEqual({ text: '', encoding: { name: 'utf-8', bom: false } });
  });

  it('writes back exactly the bytes it read', () => {
    for (const bytes of [Buffer.from(DRAFT), bom8(DRAFT), utf16le(DRAFT), utf16be(DRAFT), bom8('')]) {
      const decoded = decodeTextFile(bytes);
      if (!('text' in decoded)) throw new Error(decoded.problem);
      expect(encodeTextFile(decoded.text, decoded.encoding).equals(bytes)).toBe(true);
    }
  });

  it('names the first byte that is not text: invalid UTF-8, NUL, a binary file, broken UTF-16', () => {
    const problem = (bytes: number[] | Buffer) => (decodeTextFile(Buffer.from(bytes)) as { problem: string }).problem;
    expect(problem(Buffer.from('Caf\xe9 opening  today\n', 'latin1'))).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0xE9 at offset 3)');
    expect(problem([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0x89 at offset 0)');
    expect(problem([0x61, 0x00, 0x62])).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0x00 at offset 1)');
    expect(problem([0xef, 0xbb, 0xbf, 0x61, 0xc0, 0x80])).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0xC0 at offset 4)'); // overlong NUL
    expect(problem([0x61, 0xed, 0xa0, 0x80])).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0xED at offset 1)'); // a surrogate in UTF-8
    expect(problem([0x61, 0xe2, 0x82])).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0xE2 at offset 1)'); // cut short
    expect(problem([0x61, 0x80])).toBe('not a UTF-8 or UTF-16 text file (invalid byte 0x80 at offset 1)');
    expect(problem([0xff, 0xfe, 0x61])).toBe('not a UTF-8 or UTF-16 text file (odd number of bytes (3) for UTF-16)');
    expect(problem([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8])).toBe('not a UTF-8 or UTF-16 text file (invalid code unit 0xD800 at offset 4)');
    expect(problem([0xfe, 0xff, 0x00, 0x61, 0x00, 0x00])).toBe('not a UTF-8 or UTF-16 text file (invalid code unit 0x0000 at offset 4)');
    expect(problem(readFileSync(process.execPath).subarray(0, 3000))).toMatch(/^not a UTF-8 or UTF-16 text file \(invalid byte 0x[0-9A-F]{2} at offset \d+\)$/);
  });
});

describe('--fix never corrupts a file', () => {
  it('refuses a Latin-1 file: exit 2, the message, the other files linted, no file touched', async () => {
    const latin1 = Buffer.from('Caf\xe9 opening  today\n', 'latin1');
    const dir = folder({ 'latin1.txt': latin1, 'good.txt': 'Book  today\n' });
    const run = await cli(dir, ['latin1.txt', 'good.txt', '--fix']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'postlint: latin1.txt: not a UTF-8 or UTF-16 text file (invalid byte 0xE9 at offset 3); nothing was written\n' +
        'postlint: --fix wrote no file, because a file could not be read (a run fixes all its files or none); the problems below are as the files stand\n',
    );
    expect(run.stdout).toContain('good.txt\n  1:5  warning  Two spaces in a row: use one');
    expect(run.stdout).not.toContain('latin1.txt');
    expect(bytesOf(dir, 'latin1.txt').equals(latin1)).toBe(true);
    expect(bytesOf(dir, 'good.txt').toString()).toBe('Book  today\n');
    // Without --fix there is nothing to explain.
    expect((await cli(dir, ['latin1.txt', 'good.txt'])).stderr).not.toContain('--fix wrote no file');
    // Without the bad file the good one is fixed.
    expect((await cli(dir, ['good.txt', '--fix'])).code).toBe(0);
    expect(bytesOf(dir, 'good.txt').toString()).toBe('Book today\n');
  });

  it('refuses a binary file and a PNG-like one without linting them as posts', async () => {
    const binary = readFileSync(process.execPath).subarray(0, 3000);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x61, 0x20, 0x20, 0x62]);
    const dir = folder({ 'bin.txt': binary, 'image.txt': png });
    const run = await cli(dir, ['.', '--fix', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^postlint: bin\.txt: not a UTF-8 or UTF-16 text file \(invalid byte 0x[0-9A-F]{2} at offset \d+\); nothing was written\n/);
    expect(run.stderr).toContain('postlint: image.txt: not a UTF-8 or UTF-16 text file (invalid byte 0x89 at offset 0); nothing was written\n');
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(bytesOf(dir, 'bin.txt').equals(binary)).toBe(true);
    expect(bytesOf(dir, 'image.txt').equals(png)).toBe(true);
  });

  it('fixes UTF-16 LE and BE files in their encoding, BOM and CRLF kept, byte for byte outside the fix', async () => {
    const dir = folder({ 'le.txt': utf16le(DRAFT), 'be.txt': utf16be(DRAFT) });
    const lint = await cli(dir, ['le.txt', 'be.txt']);
    expect(lint.stdout).toContain('le.txt\n  1:13  warning  Two spaces in a row: use one');
    const run = await cli(dir, ['le.txt', 'be.txt', '--fix']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(bytesOf(dir, 'le.txt').equals(utf16le(FIXED))).toBe(true);
    expect(bytesOf(dir, 'be.txt').equals(utf16be(FIXED))).toBe(true);
  });

  it('reads a UTF-8 BOM as the file\'s, not the draft\'s, and writes it back', async () => {
    const dir = folder({ 'bom.txt': bom8(DRAFT), 'plan.md': bom8('---\nchannel: bluesky\n---\nBook  today\n') });
    const lint = await cli(dir, ['bom.txt', 'plan.md']);
    expect(lint.stdout).not.toContain('invalid-characters');
    expect(lint.stdout).toContain('plan.md\n  4:5  warning  Two spaces in a row: use one');
    expect(lint.stdout).toContain('bluesky: 11/300 graphemes');
    expect((await cli(dir, ['bom.txt', 'plan.md', '--fix'])).code).toBe(0);
    expect(bytesOf(dir, 'bom.txt').equals(bom8(FIXED))).toBe(true);
    expect(bytesOf(dir, 'plan.md').equals(bom8('---\nchannel: bluesky\n---\nBook today\n'))).toBe(true);
  });

  it('reads a campaign plan saved with a BOM as a plan', async () => {
    const plan = '---\nname: Spot It Early\nkeyMessages:\n  - id: early\n    text: Cancer found early is easier to treat.\n---\n## x\nCancer found early is easier to  treat.\n';
    const dir = folder({ 'plan.md': bom8(plan) });
    const run = await cli(dir, ['plan.md', '--fix']);
    expect(run.code).toBe(0);
    expect(bytesOf(dir, 'plan.md').equals(bom8(plan.replace('to  treat', 'to treat')))).toBe(true);
  });

  it('reads standard input the same way in the built CLI', () => {
    const dir = tempDir();
    const latin1 = builtCli(dir, ['--stdin'], {}, Buffer.from('Caf\xe9\n', 'latin1') as unknown as string);
    expect(latin1.status).toBe(2);
    expect(latin1.stderr).toBe('postlint: <stdin>: not a UTF-8 or UTF-16 text file (invalid byte 0xE9 at offset 3)\n');
    const withBom = builtCli(dir, ['--stdin'], {}, bom8('Hello there') as unknown as string);
    expect(withBom.stdout).not.toContain('invalid-characters');
  });
});

describe('the Node API and editors', () => {
  it('lintFiles reports an unreadable file and writeFixes writes UTF-16 back as UTF-16', async () => {
    const dir = folder({ 'le.txt': utf16le(DRAFT) });
    const reports = await lintFiles('le.txt', { cwd: dir, fix: true, configFile: false });
    expect(reports[0]).toMatchObject({ encoding: { name: 'utf-16le', bom: true }, output: FIXED });
    expect(writeFixes(reports)).toEqual([path.join(dir, 'le.txt')]);
    expect(bytesOf(dir, 'le.txt').equals(utf16le(FIXED))).toBe(true);

    writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x61, 0xff]));
    writeFileSync(path.join(dir, 'le.txt'), utf16le(DRAFT));
    const mixed = await lintFiles(['bad.txt', 'le.txt'], { cwd: dir, fix: true, configFile: false });
    expect(mixed[0]).toEqual({ file: 'bad.txt', filePath: path.join(dir, 'bad.txt'), posts: [], unreadable: 'not a UTF-8 or UTF-16 text file (invalid byte 0xFF at offset 1)' });
    expect(writeFixes(mixed)).toEqual([]);
    expect(bytesOf(dir, 'le.txt').equals(utf16le(DRAFT))).toBe(true);
  });

  it('a BOM at the start of a text handed over as a string is not linted (lintText, the language server)', async () => {
    const report = await lintText('\uFEFFBook  today', { configFile: false, fix: true });
    expect(report.posts[0]!.result.messages.map((m) => m.ruleId)).toEqual([]);
    expect(report.output).toBe('\uFEFFBook today');
    expect(report.posts[0]!.result.measure.count).toBe(10);
  });
});
