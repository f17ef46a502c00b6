import { expect, it } from 'vitest';
import { runCli, type CliIO } from '../../src/node/cli.js';
import { split, threadParts } from '../../src/index.js';

const text =
  'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. You can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm.';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: () => '', color: false, version: '0.0.0' };
  const code = await runCli(argv, io);
  return { code, out, err };
}

it('--split prints the thread, parts separated by a line of "---" that threadParts reads back', async () => {
  const { code, out, err } = await run(['--split', '--channel', 'x-140', '--text', text]);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(threadParts(out)).toEqual(split(text, 'x-140'));
  expect(out.split('\n---\n')).toHaveLength(3);
});

it('--split --format json prints the parts per input', async () => {
  const { code, out } = await run(['--split', '-f', 'json', '--text', text]);
  expect(code).toBe(0);
  expect(JSON.parse(out)).toEqual([{ file: '<text>', parts: split(text, 'x') }]);
});
