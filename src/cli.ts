#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './node/cli.js';

declare const __POSTLINT_VERSION__: string;

// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
const color = process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
const code = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, 'utf8'),
  color,
  version: __POSTLINT_VERSION__,
});
process.exitCode = code;
