import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: the pure core (index), the Node edge (node) and the rule tester (testing), ESM + CJS with types.
    entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' },
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
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
]);
