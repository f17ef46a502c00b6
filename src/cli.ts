#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './node/cli.js';
import { shouldColor } from './node/color.js';

declare const __POSTLINT_VERSION__: string;

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, 'utf8'),
  color: shouldColor({ isTTY: process.stdout.isTTY === true, env: process.env }),
  version: __POSTLINT_VERSION__,
});
process.exitCode = code;
