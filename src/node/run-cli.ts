// The CLI proper: src/cli.ts loads it once the compile cache is on.
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { runCli } from './cli.js';
import { shouldColor } from './color.js';
import { ReadError } from './engine.js';
import { decodeTextFile } from './text-file.js';

declare const __POSTLINT_VERSION__: string;

async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => {
    const decoded = decodeTextFile(readFileSync(0));
    if ('problem' in decoded) throw new ReadError(`<stdin>: ${decoded.problem}`);
    return decoded.text;
  },
  color: shouldColor({ isTTY: process.stdout.isTTY === true, env: process.env }),
  version: __POSTLINT_VERSION__,
  // `--init` asks only where someone can answer: a terminal on both ends. isatty(0) is what
  // process.stdin.isTTY answers, without building the stdin stream (3-5 ms) that a lint never reads.
  ...(isatty(0) && process.stdout.isTTY ? { prompt: ask } : {}),
});
process.exitCode = code;
