import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// vectors/en: the word vectors for key messages by meaning, an entry of its own so only campaigns load them.
const library = { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts', 'vectors/en': 'src/vectors/en.ts' };

// The word vectors (~1.4 MB) ship once in the package, as dist/vectors/en.data.cjs: the ESM and
// CommonJS entries of `postlint/vectors/en` both load that file (ESM imports CommonJS in Node and in
// every bundler; CommonJS in Node 20 cannot require ESM), and a bundle that carries its dependencies
// inside (the CommonJS library, the CLI, the language server) imports the entry from dist/vectors at
// run time instead of carrying a copy, and only when a campaign needs it.
const VECTOR_DATA = 'rules/data/word-vectors.en.json';
const vectorData = {
  name: 'vector-data-once',
  setup(build: { onResolve(options: { filter: RegExp }, callback: () => { path: string; external: boolean }): void; onEnd(callback: () => void): void }) {
    build.onResolve({ filter: /\/word-vectors\.en\.json$/ }, () => ({ path: './en.data.cjs', external: true }));
    build.onEnd(() => {
      mkdirSync('dist/vectors', { recursive: true });
      writeFileSync('dist/vectors/en.data.cjs', `module.exports = ${readFileSync(VECTOR_DATA, 'utf8').trim()};\n`);
    });
  },
};
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

// Not part of the API: the YAML parser behind front matter, an entry so that its chunk is
// postlint's own and bundlers drop it from a lint()-only bundle (see src/text/yaml.ts).
const internal = { 'internal/yaml': 'src/text/yaml.ts' };

// Dependencies that require() can load: the CommonJS build leaves them to node_modules, where they
// are installed anyway, and bundles only the ESM-only ones (unified, remark, vfile, the
// readability formulas, stemmer...) that Node 20 cannot require everywhere.
const REQUIRABLE = ['@nlpjs/lang-de', '@nlpjs/lang-fr', 'emoji-regex', 'libphonenumber-js', 'lilconfig', 'picocolors', 'picomatch', 'punycode', 'sms-segments-calculator', 'tinyglobby', 'twitter-text', 'unicode-segmenter', 'valibot', 'yaml'];
const esmOnly = new RegExp(`^(?!(?:${REQUIRABLE.map((name) => name.replace(/[/.-]/g, '\\$&')).join('|')})(?:/|$))`);

export default defineConfig([
  {
    // The library as ESM with types: dependencies stay external.
    entry: { ...library, ...browser, ...internal },
    format: ['esm'],
    dts: { entry: { ...library, ...browser } },
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    splitting: true,
    esbuildPlugins: [vectorData],
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
  {
    // The library for require(): unified, remark and vfile are ESM-only, which Node 20 cannot
    // require everywhere, so the CommonJS build carries those inside, once, in a chunk its
    // entries share; every other dependency is required from node_modules.
    entry: library,
    format: ['cjs'],
    dts: true,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    splitting: true,
    noExternal: [esmOnly],
    esbuildPlugins: [vectorData, vectorsFromDist('cjs')],
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
  {
    // The command-line tools: the CLI and the language server (`postlint-language-server --stdio`).
    // They carry their dependencies bundled: resolving and reading the ~200 small modules of
    // remark, micromark and twitter-text took half of the CLI's cold start. The two share one
    // chunk, so the package holds that code once, not once per tool (see commonJs() in src/node/config.ts).
    // Only the language server uses vscode-languageserver: bundled here, it is a devDependency, so a
    // consumer's install does not hold it a second time (five packages, 1.4 MB).
    entry: { cli: 'src/cli.ts', 'language-server': 'src/lsp-cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/./],
    splitting: true,
    esbuildPlugins: [vectorsFromDist('js')],
    // Bundled CommonJS dependencies (twitter-text, vscode-languageserver) call require() for Node's
    // built-ins; an ES module has none until it makes one.
    banner: { js: "import { createRequire as __postlintCreateRequire } from 'node:module'; const require = __postlintCreateRequire(import.meta.url);" },
    define: { __POSTLINT_VERSION__: JSON.stringify(version) },
  },
]);
