import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { lint } from '../run/lint.js';
import { channels } from '../channels/builtin.js';
import { presets } from '../run/presets.js';
import { PostlintConfigError } from '../errors.js';
import { formatStylish, type FileResult } from '../report/stylish.js';
import { validateProducts } from '../run/products.js';
import type { LintOptions, Product } from '../types.js';

export const USAGE = `Usage: postlint [files...] [options]

Lint drafted social-media posts for the channel they are meant for.

Input (one of):
  files...               .txt or .md files; each file is one post
  --text <text>          lint this text
  --stdin                read one post from standard input

Options:
  -c, --channel <id>     channel to lint for (default: x): ${Object.keys(channels).join(', ')}
  -p, --preset <name>    rule preset (default: recommended); pharma needs --products
  --products <file>      JSON list of products (or { "products": [...] }) for the pharma rules
  -f, --format <name>    stylish (default) or json
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or configuration.`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  color: boolean;
  version: string;
}

export class UsageError extends Error {}

/** Runs the CLI and returns its exit code; output goes through `io` so tests can run it in process. */
export function runCli(argv: string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PostlintConfigError) {
      io.stderr(`postlint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function run(argv: string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        channel: { type: 'string', short: 'c' },
        preset: { type: 'string', short: 'p' },
        products: { type: 'string' },
        format: { type: 'string', short: 'f' },
        text: { type: 'string' },
        stdin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(io.version + '\n');
    return 0;
  }
  const channel = values.channel ?? 'x';
  if (!(channel in channels)) throw new UsageError(`unknown channel "${channel}"; use one of ${Object.keys(channels).join(', ')}`);
  if (values.preset !== undefined && !(values.preset in presets)) {
    throw new UsageError(`unknown preset "${values.preset}"; use one of ${Object.keys(presets).join(', ')}`);
  }
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`unknown format "${format}"; use stylish or json`);
  const sources = Number(values.text !== undefined) + Number(values.stdin === true) + Number(positionals.length > 0);
  if (sources === 0) throw new UsageError(`nothing to lint: give files, --text or --stdin\n\n${USAGE}`);
  if (sources > 1) throw new UsageError('give files, --text or --stdin, not several of them');

  // Read every input before printing anything, so a missing file fails the run cleanly.
  const inputs: { file: string; text: string }[] = [];
  if (values.text !== undefined) inputs.push({ file: '<text>', text: values.text });
  else if (values.stdin) inputs.push({ file: '<stdin>', text: io.readStdin() });
  else {
    for (const file of positionals) {
      try {
        inputs.push({ file, text: readFileSync(file, 'utf8') });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : code === 'EISDIR' ? `${file} is a folder; name the files` : `cannot read ${file}: ${(error as Error).message}`);
      }
    }
  }

  const options: LintOptions = values.preset ? { preset: values.preset } : {};
  if (values.products !== undefined) options.products = readProducts(values.products);
  const results: FileResult[] = inputs.map(({ file, text }) => ({ file, posts: [{ result: lint({ text, channel }, options) }] }));
  if (format === 'json') {
    io.stdout(JSON.stringify(results.map(({ file, posts }) => ({ file, posts: posts.map((p) => p.result) })), null, 2) + '\n');
  } else {
    const colors = io.color ? pc.createColors(true) : undefined;
    io.stdout(formatStylish(results, colors));
  }
  const hasError = results.some((f) => f.posts.some((p) => p.result.messages.some((m) => m.severity === 'error')));
  return hasError ? 1 : 0;
}

/** A products file: a JSON list of products, or an object with a `products` list (as a config file has). */
function readProducts(file: string): Product[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such products file: ${file}` : `cannot read products file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`products file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const list = typeof json === 'object' && json !== null && !Array.isArray(json) && 'products' in json ? (json as { products: unknown }).products : json;
  try {
    return validateProducts(list);
  } catch (error) {
    if (error instanceof PostlintConfigError) throw new UsageError(`products file ${file}: ${error.message}`);
    throw error;
  }
}
