#!/usr/bin/env node
// Runs a TypeScript entry of the evaluation and training tools (`npm run train`, `npm run eval`):
// esbuild bundles it with the library's own sources into one temporary file, so the tools measure
// exactly the code that ships, with no build of the package first.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node test/eval/run.mjs <entry.ts> [args...]');
  process.exit(2);
}
// Inside node_modules, so the bundle's external packages resolve as they do from the checkout.
const cache = resolve('node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'postlint-eval-'));
const outfile = join(dir, 'entry.mjs');
try {
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { __POSTLINT_VERSION__: '"eval"' },
    logLevel: 'error',
  });
  process.argv = [process.argv[0], resolve(entry), ...args];
  const { main } = await import(pathToFileURL(outfile).href);
  process.exitCode = (await main(args)) ?? 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
