import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __POSTLINT_VERSION__: JSON.stringify(version) };

const library = { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' };

// The word vectors for key messages by meaning are a package of their own (packages/vectors-en,
// @postlint/vectors-en, version-locked to postlint), installed only by those who read key messages
// by meaning: the CLI, the Node API and the language server import it when a campaign needs it
// and it is installed (src/node/word-vectors.ts), and go without it when it is not.
const VECTORS_PACKAGE = 'packages/vectors-en';

// The CodeMirror adapter (`postlint/codemirror`): ESM only, for browser bundlers. Its CodeMirror
// packages stay external (peer dependencies: two copies of @codemirror/state break an editor), and
// it shares the core's chunks with `postlint`, so an app that imports both carries the core once.
const browser = { codemirror: 'src/codemirror/index.ts' };

// Not part of the API: the YAML parser behind front matter, an entry so that its chunk is
// postlint's own and bundlers drop it from a lint()-only bundle (see src/text/yaml.ts).
const internal = { 'internal/yaml': 'src/text/yaml.ts' };

// The command-line tools: the CLI and the language server (`postlint-language-server --stdio`).
const tools = { cli: 'src/cli.ts', 'language-server': 'src/lsp-cli.ts' };

// Every dependency is bundled, once, into the chunks of this one ESM build (the library, the CLI and
// the language server share them), so a consumer installs postlint alone and each dependency's code
// sits in one place. Pre-bundling also spares the CLI's cold start the resolving and reading of the
// ~200 small modules of remark, micromark and twitter-text. Outside stay the CodeMirror peers and
// decode-named-character-reference (micromark's), the one dependency: its browser build decodes
// through the DOM in 0.3 KB where Node's carries the 2,125 entities (35 KB), and a bundle made here
// would pick one of them for every platform; installed, each bundler picks its own.
const TYPE_PACKAGES = [/^\.\.?\//, /^valibot$/, /^yaml$/, /^vfile-message$/, /^vfile$/, /^mdast$/, /^@types\/mdast$/, /^unist$/, /^@types\/unist$/];
// yaml's types sit behind an "exports" condition the declaration bundler does not follow: named by path.
const TYPE_PATHS = { paths: { yaml: ['./node_modules/yaml/dist/index.d.ts'] } };
const EXTERNAL = /^(@codemirror\/|decode-named-character-reference$|@postlint\/vectors-en$)/;

// The word vectors (~1.4 MB) ship once, as @postlint/vectors-en's dist/en.data.cjs, which its
// entry imports (ESM imports CommonJS in Node and in every bundler; the ESM and CommonJS entries
// share it). The 8-bit components stay base64 in a string: a module that every bundler and Node
// load synchronously (raw bytes, 25% fewer, would need a fetch or a file read in a browser).
const VECTOR_DATA = 'rules/data/word-vectors.en.json';
const vectorData = {
  name: 'vector-data-once',
  setup(build: EsbuildBuild) {
    build.onResolve({ filter: /\/word-vectors\.en\.json$/ }, () => ({ path: './en.data.cjs', external: true }));
    build.onEnd(() => {
      mkdirSync(`${VECTORS_PACKAGE}/dist`, { recursive: true });
      writeFileSync(`${VECTORS_PACKAGE}/dist/en.data.cjs`, `module.exports = ${readFileSync(VECTOR_DATA, 'utf8').trim()};\n`);
    });
  },
};

// Data files (the phrase lists, rule models, thesaurus; libphonenumber-js's metadata modules, which
// it ships as `export default {...}` in a .js file, should one be imported: postlint's own copy goes
// through phone-metadata-on-first-use below) go into the bundle as JSON.parse of one string, not as
// object literals: V8 scans a string and parses JSON faster than it compiles and runs a literal of
// the same size (~390 KB of it load with one post). JSON.parse builds the same values (no data file
// has a "__proto__" key, the one place the two differ); the call is marked pure, so a bundle that
// never reads a file still drops it.
const JSON_MODULE = /\.json$|[\\/]libphonenumber-js[\\/]metadata\.\w+\.json\.js$/;
const jsonAsString = {
  name: 'json-as-string',
  setup(build: EsbuildBuild) {
    // Only files imported as ES modules: a require()d one (normalize-strings' charmap) must stay
    // module.exports, which esbuild's own JSON loader gives it.
    build.onResolve({ filter: /\.json(?:\.js)?$/ }, (args) => {
      if (args.kind !== 'import-statement' || !args.path.startsWith('.')) return undefined;
      const file = path.resolve(args.resolveDir!, args.path);
      return JSON_MODULE.test(file) ? { path: file, pluginData: JSON_STRING } : undefined;
    });
    build.onLoad({ filter: JSON_MODULE }, (args) => {
      if (args.pluginData !== JSON_STRING) return undefined;
      const data = jsonOfDataModule(args.path);
      return { contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(data)});\n`, loader: 'js' };
    });
  },
};
const JSON_STRING = Symbol('json-as-string');

/** A data file's JSON, minimal, from a .json file or an `export default {...}` module. */
function jsonOfDataModule(file: string): string {
  const text = readFileSync(file, 'utf8');
  const json = file.endsWith('.js') ? /^export default (.*)$/m.exec(text)?.[1] : text;
  if (json === undefined) throw new Error(`${file}: not the "export default {...}" data module this plugin reads`);
  const data = JSON.stringify(JSON.parse(json.replace(/^\uFEFF/, '')));
  if (data.includes('"__proto__"')) throw new Error(`${file}: a "__proto__" key, which JSON.parse and an object literal read differently`);
  return data;
}

// libphonenumber-js's full metadata (157 KB) is read only for a draft with a run of 7 digits or a
// configured phone number: src/facts/phone-metadata.ts is built as the same data in a string,
// parsed on the first call, and its list of countries (which option checks read) as a list (~4 ms less start-up for every other draft; test/package/start-up
// checks the string against the library's metadata module and counts the parses).
const PHONE_METADATA_MODULE = /[\\/]src[\\/]facts[\\/]phone-metadata\.ts$/;
const phoneMetadataOnFirstUse = {
  name: 'phone-metadata-on-first-use',
  setup(build: EsbuildBuild) {
    build.onLoad({ filter: PHONE_METADATA_MODULE }, () => {
      const data = jsonOfDataModule(path.resolve(PHONE_METADATA));
      // One string, split on first use: fewer bytes in a bundle than an array of 245 strings.
      const countries = JSON.stringify(Object.keys((JSON.parse(data) as { countries: object }).countries).join(' '));
      return {
        contents: `const TEXT = ${JSON.stringify(data)};\nconst COUNTRIES = ${countries};\nlet metadata;\nlet countries;\nexport function phoneMetadata() {\n  return metadata ??= JSON.parse(TEXT);\n}\nexport function phoneCountries() {\n  return countries ??= new Set(COUNTRIES.split(' '));\n}\n`,
        loader: 'js',
      };
    });
  },
};
// The module libphonenumber-js/max reads its metadata from.
const PHONE_METADATA = 'node_modules/libphonenumber-js/metadata.max.json.js';

// Bundled dependencies of the Node edge import Node's built-ins (tinyglobby as "fs": kept external,
// as "node:fs"), and the CommonJS ones (lilconfig, vscode-languageserver) require() them, which an
// ES module cannot. Each such require() reads the built-in from
// process.getBuiltinModule (Node 20.16+, 22.3+), so no chunk needs a Node-only import at its top: the
// chunks a browser bundle takes stay free of `node:module`.
const resolvesToPackage = (name: string, importer: string): boolean => {
  for (let dir = path.dirname(importer); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
};
const builtinRequires = {
  name: 'builtin-requires',
  setup(build: EsbuildBuild) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
      // "punycode" is a deprecated built-in and a package: a package that depends on it gets the package.
      if (!isBuiltin(args.path) || (!args.path.startsWith('node:') && resolvesToPackage(args.path, args.importer))) return undefined;
      const name = args.path.replace(/^node:/, '');
      return args.kind === 'require-call' ? { path: name, namespace: 'node-builtin' } : { path: `node:${name}`, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({ contents: `module.exports = process.getBuiltinModule(${JSON.stringify(`node:${args.path}`)});`, loader: 'js' }));
  },
};

// vscode-languageserver/node and the vscode-* packages it imports as /node (only the language server
// uses them) are exported under the "node" condition alone, which the neutral build does not set
// for every package: resolved as Node resolves them.
const languageServerNode = {
  name: 'vscode-languageserver-node',
  setup(build: EsbuildBuild) {
    build.onResolve({ filter: /^vscode-[a-z-]+\/node$/ }, (args) => ({ path: createRequire(args.importer).resolve(args.path) }));
  },
};

// twitter-text requires "punycode", which in Node is the built-in (2.1.0), and in a bundle its own
// copy (1.4.1). Bundled here it gets the punycode package postlint depends on (2.3.1, whose functions
// are the built-in's; test/package checks them against each other): Node's behaviour, and one copy.
const onePunycode = {
  name: 'one-punycode',
  setup(build: EsbuildBuild) {
    build.onResolve({ filter: /^punycode$/ }, () => ({ path: path.resolve('node_modules/punycode/punycode.js') }));
  },
};

// twitter-text 3.1.0 imports core-js 2 polyfills for ES2015 (RegExp flags, Array#sort, Object.keys,
// DOM iterables...). Every engine postlint supports (Node >= 20.19, browsers with Intl.Segmenter)
// has them natively: loaded, core-js replaces no built-in, it only wraps Function#toString and adds
// globals of its own (core, __core-js_shared__, Symbol.useSetter/useSimple; test/package checks
// that). They are left out: 28 KB less minified in every bundle, no module evaluation at start-up.
const withoutCoreJs = {
  name: 'without-core-js',
  setup(build: EsbuildBuild) {
    build.onResolve({ filter: /^core-js\/modules\// }, () => ({ path: 'core-js', namespace: 'no-polyfill' }));
    build.onLoad({ filter: /.*/, namespace: 'no-polyfill' }, () => ({ contents: '', loader: 'js' }));
  },
};

// The licence notices of every bundled package, from esbuild's metafile (which files went in):
// dist/THIRD-PARTY-NOTICES.md. Only permissive licences: the build fails on anything else.
const PERMISSIVE = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD']);
// twitter-text 3.1.0's package.json names no licence; its LICENSE file is the Apache License 2.0.
const UNDECLARED_LICENSES: Record<string, string> = { 'twitter-text': 'Apache-2.0' };
const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
function writeNotices() {
  const metafile = JSON.parse(readFileSync('dist/metafile-esm.json', 'utf8')) as { inputs: Record<string, unknown> };
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]!);
  }
  const sections = [...dirs]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string; author?: string | { name?: string }; repository?: string | { url?: string } };
      const license = pkg.license ?? UNDECLARED_LICENSES[pkg.name];
      if (!license || !PERMISSIVE.has(license)) throw new Error(`${pkg.name}: licence ${license ?? 'none'} is not one postlint may bundle`);
      const texts = readdirSync(dir)
        .filter((file) => /^(licen[cs]e|notice|copying)/i.test(file))
        .sort()
        .map((file) => readFileSync(path.join(dir, file), 'utf8').trim());
      if (!texts.length) {
        // A package that declares MIT without a LICENSE file (normalize-strings): the MIT text, with its author.
        if (license !== 'MIT') throw new Error(`${pkg.name}: no LICENSE file to ship with its bundled code`);
        const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
        texts.push(`The MIT License\n\nCopyright (c) ${author ?? `the ${pkg.name} authors`}\n\n${MIT_TEXT}`);
      }
      const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
      return { name: pkg.name, heading: `## ${pkg.name} ${pkg.version} (${license})\n\n${repository ? `${repository}\n\n` : ''}`, licence: texts.join('\n\n') };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  // A licence text word for word the same as an earlier package's (the same author's MIT licence, for
  // one: 34 of 62) is written once and named after: 35 KB less, every notice still in the file.
  const firstWith = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const { name, heading, licence } of sections) {
    const first = firstWith.get(licence);
    if (first === undefined) firstWith.set(licence, name);
    texts.set(name, `${heading}${first === undefined || first === name ? licence : `The licence text of ${first}, above, word for word.`}\n`);
  }
  writeFileSync(
    'dist/THIRD-PARTY-NOTICES.md',
    `# Third-party notices\n\npostlint's dist/ bundles the code of these ${texts.size} packages; their licences follow.\n\n${[...texts.values()].join('\n')}`,
  );
}

// require('postlint'), require('postlint/node')...: Node 20.19+ and 22.12+ require ES modules, so each
// CommonJS entry is one line that loads the ESM build: the library is in the package once.
function writeCommonJsEntries(dist: string, names: string[]) {
  for (const name of names) {
    const file = `${dist}/${name}.cjs`;
    const target = `./${path.basename(name)}.js`;
    if (!existsSync(path.join(dist, `${name}.js`))) throw new Error(`${dist}/${name}.js is missing`);
    writeFileSync(file, `'use strict';\n// The ES module build, through require(esm) (Node 20.19+, 22.12+).\nmodule.exports = require(${JSON.stringify(target)});\n`);
  }
}

// Every built .js file, whitespace-minified by terser, which keeps the /* @__PURE__ */ marks
// (format.preserve_annotations); esbuild's own whitespace minifying drops them, and an app's bundler
// needs them to leave out what lint() + measure() never call (yaml, for one: test/package checks it).
// esbuild has already minified syntax (esbuildOptions below), which keeps the marks.
// Local names are shortened too (0.15 MB less), but never a function's or a class's: with no
// source maps shipped, `lint.name` is 'lint' and a stack trace in a bug report names postlint's
// functions (test/package checks both). Not esbuild's keepNames, whose __name() calls at the top
// level are side effects an app's bundler must keep: yaml would stay in a lint() + measure() bundle.
// terser keeps the names of function declarations and of variables bound to a function
// (keep_fnames), and of class declarations (keep_classnames); esbuild writes classes as
// `var Name = class`, whose variables are reserved by name so that they keep theirs.
async function minifyKeepingNames(dist: string) {
  const { minify } = await import('terser');
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = readFileSync(file, 'utf8');
    const classes = [...new Set([...source.matchAll(/\b(?:var|let|const)\s+([\w$]+)\s*=\s*class\b/g)].map((m) => m[1]!))];
    const mangle = { keep_fnames: true, keep_classnames: true, reserved: classes };
    const { code } = await minify(source, { module: true, compress: false, mangle, format: { preserve_annotations: true, comments: false, ascii_only: true } });
    if (code === undefined) throw new Error(`${file}: terser gave no code`);
    writeFileSync(file, code);
  }
}

export default defineConfig([
  {
    entry: { ...library, ...browser, ...internal, ...tools },
    format: ['esm'],
    // The types of bundled packages that postlint's own types name (valibot's schemas, yaml's Document,
    // vfile-message, mdast) are copied in: a consumer installs none of them.
    dts: { entry: { ...library, ...browser }, resolve: TYPE_PACKAGES, compilerOptions: TYPE_PATHS },
    sourcemap: false,
    clean: true,
    target: 'node20',
    // Neutral: the chunks serve Node and browser bundlers alike. tsup would read package.json's
    // "browser" field first, which gives picocolors' colourless stub to the CLI: "module", then "main".
    platform: 'neutral',
    esbuildOptions(options) {
      options.mainFields = ['module', 'main'];
      // Minified syntax keeps the /* @__PURE__ */ marks; whitespace and local names are terser's
      // (minifyKeepingNames), which keeps every function's and class's own name.
      options.minifySyntax = true;
      options.minifyIdentifiers = false;
    },
    splitting: true,
    // Built-ins keep their node: prefix (Node >= 20.19 knows it), which builtinRequires relies on.
    removeNodeProtocol: false,
    noExternal: [/^(?!@codemirror\/|decode-named-character-reference$)/],
    external: [EXTERNAL],
    // Not esbuild's full minify: its whitespace minifying drops the /* @__PURE__ */ marks that let an
    // app's bundler leave out what it never calls (lint + measure for a browser: 277 KB gzipped from
    // these chunks, 316 KB from fully esbuild-minified ones); minifyKeepingNames below keeps them.
    metafile: true,
    esbuildPlugins: [phoneMetadataOnFirstUse, onePunycode, builtinRequires, languageServerNode, withoutCoreJs, jsonAsString],
    define,
    onSuccess: async () => {
      writeNotices();
      writeCommonJsEntries('dist', Object.keys(library));
      await minifyKeepingNames('dist');
    },
  },
  {
    // The types for require(): the same declarations as .d.cts, so TypeScript reads the CommonJS entries as CommonJS.
    entry: library,
    format: ['cjs'],
    dts: { only: true, resolve: TYPE_PACKAGES, compilerOptions: TYPE_PATHS },
    target: 'node20',
    define,
  },
  {
    // @postlint/vectors-en: its entry (englishWordVectors and the WordVectors class that decodes
    // the data, which postlint itself never constructs: one copy) and the data beside it.
    entry: { index: `${VECTORS_PACKAGE}/src/index.ts` },
    outDir: `${VECTORS_PACKAGE}/dist`,
    format: ['esm'],
    // Its types are packages/vectors-en/index.d.ts, written by hand: the WordVectors they name is
    // postlint's own declaration (a class with private fields matches only itself).
    dts: false,
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    esbuildOptions(options) {
      options.minifySyntax = true;
    },
    esbuildPlugins: [vectorData],
    define,
    onSuccess: async () => {
      writeCommonJsEntries(`${VECTORS_PACKAGE}/dist`, ['index']);
      await minifyKeepingNames(`${VECTORS_PACKAGE}/dist`);
    },
  },
]);

interface EsbuildBuild {
  onResolve(options: { filter: RegExp; namespace?: string }, callback: (args: { path: string; kind: string; importer: string; resolveDir?: string }) => { path: string; external?: boolean; namespace?: string; pluginData?: unknown } | undefined): void;
  onLoad(options: { filter: RegExp; namespace?: string }, callback: (args: { path: string; pluginData?: unknown }) => { contents: string; loader: 'js' } | undefined): void;
  onEnd(callback: () => void): void;
}
