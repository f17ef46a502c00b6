import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

const library = { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' };

export default defineConfig([
  {
    // The library as ESM with types: dependencies stay external.
    entry: library,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    splitting: true,
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
  {
    // The library for require(): unified, remark and vfile are ESM-only, which Node 20 cannot
    // require everywhere, so the CommonJS build carries its dependencies inside.
    entry: library,
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: [/./],
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
