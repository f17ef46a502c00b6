import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCampaign, lintThread, split, threadPartRanges, THREAD_SEPARATOR } from '../../src/index.js';
import { cli, tempDir } from '../helpers/cli.js';

const LONG =
  'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. You can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm.';
const plan = (drafts: string) => `---\nname: Spot It Early\nkeyMessages:\n  - id: early\n    text: Cancer found early is more likely to be treated successfully.\n---\n${drafts}`;
const maxLength = (stdout: string) => stdout.split('\n').filter((line) => line.includes('max-length'));

describe('the thread document format', () => {
  it('is posts between lines holding only "---" with a blank line before and after, CRLF too', () => {
    expect(threadPartRanges('One.\n\n---\n\nTwo.')).toEqual([{ start: 0, end: 4 }, { start: 11, end: 15 }]);
    expect(threadPartRanges('One.\r\n\r\n---\r\n\r\nTwo.\r\n')).toEqual([{ start: 0, end: 4 }, { start: 15, end: 19 }]);
    expect(threadPartRanges('  One.  \n \n---\t\n\n\nTwo.\n\n---\n\n')).toEqual([{ start: 2, end: 6 }, { start: 18, end: 22 }]);
    // A "---" line without blank lines around it is a line of the post (in Markdown, a heading's underline).
    expect(threadPartRanges('One.\n---\nTwo.')).toEqual([{ start: 0, end: 13 }]);
    expect(threadPartRanges(' \n ')).toEqual([]);
  });
});

describe('lintThread', () => {
  it('measures and lints each post alone, with positions in the document', () => {
    const text = split(LONG, 'x').join(THREAD_SEPARATOR) + '\n\n---\n\nBook  today. 3/2';
    const thread = lintThread({ text, channel: 'x' })!;
    expect(thread.posts.map((p) => [p.result.measure.count, p.result.measure.fits])).toEqual([
      [138, true],
      [154, true],
      [16, true],
    ]);
    const last = thread.posts[2]!;
    expect(last.start).toBe(text.lastIndexOf('Book'));
    expect(last.result.messages.map((m) => [m.ruleId, m.message, m.start.line, m.start.column])).toEqual([
      ['whitespace', 'Two spaces in a row: use one', 9, 5],
      ['thread-numbering', 'Post 3 of 3 is numbered "3/2": write "3/3"', 9, 14],
    ]);
    expect(thread.posts[0]!.result.messages.map((m) => m.message)).toEqual(['Post 1 of 3 is numbered "1/2": write "1/3"']);
    const fixed = lintThread({ text, channel: 'x' }, { fix: true })!;
    expect(fixed.output).toBe(split(LONG, 'x').join(THREAD_SEPARATOR).replace(' 1/2', ' 1/3').replace(' 2/2', ' 2/3') + '\n\n---\n\nBook today. 3/3');
    expect(fixed.posts.flatMap((p) => p.result.messages)).toEqual([]);
  });

  it('is no thread on a channel without a limit, nor with fewer than two posts', () => {
    expect(lintThread({ text: 'One.\n\n---\n\nTwo.', channel: 'email' })).toBeUndefined();
    expect(lintThread({ text: '\n\n---\n\nOnly one.', channel: 'x' })).toBeUndefined();
  });

  it('gives rules that say which post holds what the whole thread (fair-balance)', () => {
    const products = [{ brand: 'Zelvaxa', established: 'zelvarimab', riskInfo: ['serious infections', 'liver injury'], riskUrl: 'https://example.com/zelvaxa/risk' }];
    const text = 'Zelvaxa (zelvarimab) reduces plaque psoriasis flares. https://example.com/zelvaxa/risk\n\n---\n\nZelvaxa (zelvarimab) may cause serious infections and liver injury.';
    const thread = lintThread({ text, channel: 'x' }, { preset: 'pharma', products })!;
    expect(thread.posts[0]!.result.messages.map((m) => m.messageId)).toEqual(['riskInAnotherPost']);
    expect(thread.posts[1]!.result.messages).toEqual([]);
  });
});

describe('the CLI reads back the threads it writes', () => {
  it('--split then lint: no max-length, each post measured, diagnostics at the post\'s own lines', async () => {
    const dir = tempDir({ 'long.txt': LONG + '\n' });
    const before = await cli(dir, ['long.txt']);
    expect(maxLength(before.stdout)).toEqual(['  1:281  error  Too long for X: 285/280 weighted characters, 5 over: shorten it or split it into a thread  max-length']);
    const thread = await cli(dir, ['--split', 'long.txt']);
    writeFileSync(path.join(dir, 'thread.txt'), thread.stdout);
    const after = await cli(dir, ['thread.txt']);
    expect(after).toEqual({ code: 0, stdout: '', stderr: '' });
    const verbose = await cli(dir, ['thread.txt', '--verbose']);
    expect(verbose.stdout).toBe('thread.txt\n  post 1/2 (138/280 weighted characters)\n  post 2/2 (154/280 weighted characters)\n\n');

    writeFileSync(path.join(dir, 'thread.txt'), thread.stdout.replace(' 2/2', ' 3/3').replace('You can', 'You  can'));
    const broken = await cli(dir, ['thread.txt']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('thread.txt\n  post 2/2 (155/280 weighted characters)\n    5:4    warning  Two spaces in a row: use one                whitespace\n    5:153  error    Post 2 of 2 is numbered "3/3": write "2/2"  thread-numbering\n\n');
    expect((await cli(dir, ['thread.txt', '--fix'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'thread.txt'), 'utf8')).toBe(thread.stdout);
  });

  it('--split on a thread document splits only its posts that do not fit', async () => {
    const dir = tempDir({ 'thread.txt': `Book your screening today. 1/2\n\n---\n\n${LONG} 2/2\n` });
    const { stdout } = await cli(dir, ['--split', 'thread.txt']);
    const parts = stdout.trimEnd().split(THREAD_SEPARATOR);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe('Book your screening today. 1/2');
    writeFileSync(path.join(dir, 'thread.txt'), stdout);
    expect((await cli(dir, ['thread.txt', '--fix'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'thread.txt'), 'utf8').trimEnd().split(THREAD_SEPARATOR).map((p) => p.slice(-4))).toEqual([' 1/3', ' 2/3', ' 3/3']);
  });
});

describe('campaign plans', () => {
  const planText = plan(`## x: launch day\n${LONG}\n\n## bluesky\nCancer found early is more likely to be treated successfully.\n\n## x: follow-up\nShort and fine.\n`);

  it('--split splits each over-long draft for its own channel and leaves the rest of the plan as it is', async () => {
    const dir = tempDir({ 'plan.md': planText });
    const before = await cli(dir, ['plan.md']);
    expect(maxLength(before.stdout)).toHaveLength(1);
    const { code, stdout } = await cli(dir, ['plan.md', '--split']);
    expect(code).toBe(0);
    const [first, second] = split(LONG, 'x');
    expect(stdout).toBe(planText.replace(LONG, `${first}\n\n---\n\n${second}`));
    writeFileSync(path.join(dir, 'plan.md'), stdout);
    const after = await cli(dir, ['plan.md', '--verbose']);
    expect(maxLength(after.stdout)).toEqual([]);
    expect(after.stdout).toContain('\n  1 x: launch day, post 2/2 (154/280 weighted characters)\n  2 bluesky (61/300 graphemes, 61/3000 bytes)\n');
    expect(after.stdout).toContain('\n  1 x: launch day, post 1/2 (138/280 weighted characters)\n');
    const json = JSON.parse((await cli(dir, ['plan.md', '--split', '-f', 'json'])).stdout);
    expect(json).toEqual([{ file: 'plan.md', output: stdout }]);
  });

  it('lints a draft written as a thread post by post, messages at the plan\'s lines', () => {
    const text = plan('## x: launch day\nBook your screening today. 1/2\n\n---\n\nCall us  free on 0808 800 4040. 3/2\n');
    const result = lintCampaign(text);
    const draft = result.posts[0]!;
    expect(draft.thread?.map((p) => [p.start.line, p.result.measure.count])).toEqual([
      [8, 30],
      [12, 35],
    ]);
    // The key messages are the draft's, not each post's.
    expect(draft.result.messages.map((m) => [m.ruleId, m.start.line, m.start.column])).toEqual([
      ['key-messages', 8, 1],
      ['whitespace', 12, 8],
      ['thread-numbering', 12, 33],
    ]);
    expect(draft.result.keyMessages).toEqual({ carried: [], missing: ['early'], phrases: [] });
  });
});
