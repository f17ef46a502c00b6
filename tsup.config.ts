import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: the pure core (index) and the Node edge (node), ESM + CJS with types.
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    splitting: true,
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
  {
    // The command-line tools: the CLI and the language server (`postlint-language-server --stdio`).
    entry: { cli: 'src/cli.ts', 'language-server': 'src/lsp-cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
]);
