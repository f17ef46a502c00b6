import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// vectors/en: the word vectors for key messages by meaning, an entry of its own so only campaigns load them.
const library = { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts', 'vectors/en': 'src/vectors/en.ts' };

// The word vectors (~1.5 MB) ship once, as dist/vectors/en.{js,cjs}: a bundle that carries its
// dependencies inside (the CommonJS library, the CLI, the language server) imports them from there
// at run time instead of carrying a copy, and only when a campaign needs them.
const vectorsFromDist = (extension: 'js' | 'cjs') => ({
  name: 'vectors-from-dist',
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; external: boolean }): void }) {
    build.onResolve({ filter: /^\.\.?\/vectors\/en\.js$/ }, () => ({ path: `./vectors/en.${extension}`, external: true }));
  },
});

// The CodeMirror adapter (`postlint/codemirror`): ESM only, for browser bundlers. Its CodeMirror
// packages stay external (peer dependencies: two copies of @codemirror/state break an editor), and
// it shares the core's chunks with `postlint`, so an app that imports both carries the core once.
const browser = { codemirror: 'src/codemirror/index.ts' };

export default defineConfig([
  {
    // The library as ESM with types: dependencies stay external.
    entry: { ...library, ...browser },
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
    esbuildPlugins: [vectorsFromDist('cjs')],
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
  {
    // The command-line tools: the CLI and the language server (`postlint-language-server --stdio`).
    // Each carries its dependencies in one file: resolving and reading the ~200 small modules of
    // remark, micromark and twitter-text took half of the CLI's cold start.
    entry: { cli: 'src/cli.ts', 'language-server': 'src/lsp-cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/./],
    splitting: false,
    esbuildPlugins: [vectorsFromDist('js')],
    // Bundled CommonJS dependencies (twitter-text, vscode-languageserver) call require() for Node's
    // built-ins; an ES module has none until it makes one.
    banner: { js: "import { createRequire as __postlintCreateRequire } from 'node:module'; const require = __postlintCreateRequire(import.meta.url);" },
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
]);
