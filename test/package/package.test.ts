import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/imports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The specifiers a module imports: static imports, re-exports and dynamic import() of a string. */
function importedSpecifiers(code: string): string[] {
  const specs: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; source?: { type: string; value?: unknown } | null };
    if (/^(ImportDeclaration|ExportNamedDeclaration|ExportAllDeclaration|ImportExpression)$/.test(n.type ?? '') && n.source?.type === 'Literal' && typeof n.source.value === 'string') specs.push(n.source.value);
    for (const [key, child] of Object.entries(n)) if (key !== 'type' && child && typeof child === 'object') visit(child);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }));
  return specs;
}
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the built package', () => {
  it("works with import from ESM ('postlint' resolves through the exports map)", () => {
    const { stdout, stderr } = node(['--input-type=module', '-e', "import { lint } from 'postlint'; console.log(lint({ text: 'a'.repeat(281) }).messages[0].message)"]);
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe('Too long for X: 281/280 weighted characters, 1 over: shorten it or split it into a thread');
  });

  it('works with require from CommonJS', () => {
    const { stdout, stderr } = node(['-e', "const { measure } = require('postlint'); console.log(JSON.stringify(measure('👩🏽‍⚕️', 'x')))"]);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ channel: 'x', count: 2, limit: 280, unit: 'weighted characters', remaining: 278, fits: true });
  });

  it('serves every CommonJS entry from the one ESM build (require(esm), no warning), with the same exports as import', () => {
    const entries = ['postlint', 'postlint/node', 'postlint/testing', '@postlint/vectors-en'];
    const script = (load: string) => `const out = {}; for (const e of ${JSON.stringify(entries)}) { const m = ${load}; out[e] = Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort(); } console.log(JSON.stringify(out));`;
    const cjs = node(['-e', script('require(e)')]);
    expect(cjs.stderr).toBe('');
    const esm = node(['--input-type=module', '-e', `(async () => { ${script('await import(e)')} })()`]);
    expect(esm.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual(JSON.parse(esm.stdout));
    expect(JSON.parse(cjs.stdout)['postlint/node']).toContain('lintFiles');
    expect(JSON.parse(cjs.stdout)['postlint/testing']).toContain('RuleTester');
    // One line each, loading the ESM build: no second copy of the library.
    for (const name of ['index', 'node', 'testing']) expect(statSync(join(root, 'dist', `${name}.cjs`)).size).toBeLessThan(200);
    expect(statSync(join(root, 'packages/vectors-en/dist/index.cjs')).size).toBeLessThan(200);
  });

  it('bundles the pure core for a browser with no Node built-in', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => /^node:|^(fs|path|process|os|child_process)$/.test(file))).toEqual([]);
    expect(result.errors).toEqual([]);
    // The word vectors are a package of their own: the core never carries them.
    expect(inputs.filter((file) => /word-vectors\.\w+\.json|packages\/vectors-/.test(file))).toEqual([]);
  });

  it("keeps the /* @__PURE__ */ marks through its minified chunks: an app's bundle of lint() and measure() from dist/ leaves yaml out", async () => {
    // The dist/ file that holds the yaml package, from the build's metafile.
    const outputs = (JSON.parse(readFileSync(join(root, 'dist/metafile-esm.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> }).outputs;
    const yamlChunks = Object.entries(outputs)
      .filter(([, { inputs }]) => Object.keys(inputs).some((input) => input.startsWith('node_modules/yaml/')))
      .map(([output]) => output);
    expect(yamlChunks.length).toBeGreaterThan(0);
    const yamlBytes = async (contents: string) => {
      const result = await build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true, external: ['core-js'] });
      const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
      return yamlChunks.reduce((sum, chunk) => sum + (inputs[chunk]?.bytesInOutput ?? 0), 0);
    };
    expect(await yamlBytes("export { lint, measure } from './dist/index.js';")).toBe(0);
    // The control: campaigns read front matter, so a bundle with lintCampaign carries yaml.
    expect(await yamlBytes("export { lintCampaign } from './dist/index.js';")).toBeGreaterThan(10_000);
  });

  const campaign = "{ name: 'Do The Kit', keyMessages: [{ id: 'do-it-now', text: 'Do your home test kit as soon as it arrives.' }] }";
  const draft = "'That envelope with the little stick in it? Please use it as soon as it comes.'";

  it("reads key messages by meaning with '@postlint/vectors-en', from ESM and CommonJS", () => {
    const esm = node(['--input-type=module', '-e', `import { lint } from 'postlint'; import { englishWordVectors } from '@postlint/vectors-en'; const c = ${campaign}; console.log(JSON.stringify([lint({ text: ${draft} }, { campaign: c }).keyMessages.carried, lint({ text: ${draft} }, { campaign: c, wordVectors: englishWordVectors() }).keyMessages.carried]))`]);
    expect(esm.stderr).toBe('');
    expect(JSON.parse(esm.stdout)).toEqual([[], ['do-it-now']]);
    const cjs = node(['-e', `const { lint } = require('postlint'); const { englishWordVectors } = require('@postlint/vectors-en'); console.log(JSON.stringify(lint({ text: ${draft} }, { campaign: ${campaign}, wordVectors: englishWordVectors() }).keyMessages.carried))`]);
    expect(cjs.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual(['do-it-now']);
  });

  it('the Node API loads the vectors (from @postlint/vectors-en) only when a campaign is given', () => {
    // The data file is CommonJS, so require.cache shows whether it was read, from ESM or CommonJS.
    const script = `const api = require('postlint/node'); (async () => { await api.lintText('Hello there', { cwd: '/', configFile: false }); const before = Object.keys(require.cache).some((f) => f.includes('vectors')); const report = await api.lintText(${draft}, { cwd: '/', configFile: false, overrideConfig: { campaign: ${campaign} } }); console.log(JSON.stringify([before, Object.keys(require.cache).some((f) => f.endsWith('/vectors-en/dist/en.data.cjs')), report.posts[0].result.keyMessages.carried])); })()`;
    const run = node(['-e', script]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, true, ['do-it-now']]);
  });

  it('the CLI reads a campaign without @postlint/vectors-en (by stems and synonyms), and by meaning once it is installed', () => {
    // The CLI alone (with the chunks it shares with the language server), with postlint's one
    // dependency installed beside it, as in a consumer's project, and the vectors package or not.
    const dir = mkdtempSync(join(tmpdir(), 'postlint-cli-'));
    try {
      for (const file of readdirSync(join(root, 'dist'))) if (file.endsWith('.js')) copyFileSync(join(root, 'dist', file), join(dir, file));
      mkdirSync(join(dir, 'node_modules'));
      for (const name of ['decode-named-character-reference', 'character-entities']) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
      const cli = (args: string[]) => spawnSync(process.execPath, [join(dir, 'cli.js'), '--no-config', ...args], { cwd: dir, encoding: 'utf8' });
      const plain = cli(['--text', 'Hello there', '--format', 'json']);
      expect(plain.stderr).toBe('');
      expect(JSON.parse(plain.stdout)[0].messages).toEqual([]);
      writeFileSync(join(dir, 'plan.md'), `---\nname: Do The Kit\nkeyMessages:\n  - id: do-it-now\n    text: Do your home test kit as soon as it arrives.\n---\n\n## x\n\n${draft.slice(1, -1)}\n`);
      // The campaign summary after the report: "1 x (line 9) carries: ...".
      const carried = () => {
        const run = cli(['plan.md']);
        return [/carries: (.*)$/m.exec(run.stdout)?.[1], run.stderr];
      };
      const lexical = carried();
      mkdirSync(join(dir, 'node_modules/@postlint'));
      symlinkSync(join(root, 'packages/vectors-en'), join(dir, 'node_modules/@postlint/vectors-en'), 'dir');
      // Without the vectors the CLI says why a message may read as missing.
      const note = 'postlint: note: key messages were read by their words, stems and synonyms only; install @postlint/vectors-en to read them by meaning too (see "Install" in postlint\'s README)\n';
      expect([lexical, carried()]).toEqual([['no key message', note], ['do-it-now', '']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships no source maps, and the word vectors once, in @postlint/vectors-en (dist/en.data.cjs, shared by its ESM and CommonJS entries), not in postlint', () => {
    const packed = (dir: string) => {
      const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
      expect(pack.status, pack.stderr).toBe(0);
      return (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => join(dir, f.path));
    };
    const vectorsDir = join(root, 'packages/vectors-en');
    const files = [...packed(root), ...packed(vectorsDir)];
    expect(files).toContain(join(vectorsDir, 'dist/index.js'));
    expect(files).toContain(join(vectorsDir, 'NOTICE'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // A stretch of the vectors' bytes: which packed files of the two packages carry it.
    const vectors = (JSON.parse(readFileSync(join(root, 'rules/data/word-vectors.en.json'), 'utf8')) as { vectors: string }).vectors;
    const sample = vectors.slice(100_000, 100_064);
    expect(files.filter((f) => /\.c?js$/.test(f) && readFileSync(f, 'utf8').includes(sample))).toEqual([join(vectorsDir, 'dist/en.data.cjs')]);
  });

  it('bundles the WordVectors class once, in @postlint/vectors-en: postlint only checks its brand', () => {
    const holding = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.c?js$/.test(e.name) && readFileSync(join(e.parentPath, e.name), 'utf8').includes('WordVectors: expected')).map((e) => relative(root, join(e.parentPath, e.name)));
    expect(holding(join(root, 'dist'))).toEqual([]);
    expect(holding(join(root, 'packages/vectors-en/dist'))).toEqual(['packages/vectors-en/dist/index.js']);
  });

  it('locks the version of @postlint/vectors-en to postlint\'s (the key-message model is fitted on its vectors), and its hand-written types to its exports', () => {
    const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; workspaces: string[]; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    // postlint names it too (optional): pnpm and Yarn PnP let a package load only what it declares.
    expect([own.peerDependencies['@postlint/vectors-en'], own.peerDependenciesMeta['@postlint/vectors-en']]).toEqual([own.version, { optional: true }]);
    const vectors = JSON.parse(readFileSync(join(root, 'packages/vectors-en/package.json'), 'utf8')) as { name: string; version: string; peerDependencies: Record<string, string> };
    expect(own.workspaces).toEqual(['packages/*']);
    expect([vectors.name, vectors.version, vectors.peerDependencies]).toEqual(['@postlint/vectors-en', own.version, { postlint: own.version }]);
    const run = node(['--input-type=module', '-e', "const m = await import('@postlint/vectors-en'); console.log(JSON.stringify(Object.keys(m).sort()))"]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['englishWordVectors']);
    for (const file of ['index.d.ts', 'index.d.cts']) expect(readFileSync(join(root, 'packages/vectors-en', file), 'utf8')).toMatch(/^export declare function englishWordVectors\(\): WordVectors;$/m);
  });

  it("shortens local names yet keeps every function's and class's own (terser's keep_fnames, keep_classnames): lint.name, and a thrown error's stack names postlint's functions", () => {
    const script = `import { lint, lintCampaign, lintThread, measure, createLinter, PostlintConfigError } from 'postlint';
      let error; try { lint({ text: 'x' }, { wordVectors: {} }); } catch (e) { error = e; }
      const frames = error.stack.split('\\n').filter((line) => line.includes('/dist/')).map((line) => /^\\s*at (?:new )?(\\S+) \\(/.exec(line)?.[1] ?? line);
      console.log(JSON.stringify({ names: [lint.name, lintCampaign.name, lintThread.name, measure.name, createLinter.name, PostlintConfigError.name, error.name, error.constructor.name], frames }));`;
    const run = node(['--input-type=module', '-e', script]);
    expect(run.stderr).toBe('');
    const { names: exported, frames } = JSON.parse(run.stdout) as { names: string[]; frames: string[] };
    expect(exported).toEqual(['lint', 'lintCampaign', 'lintThread', 'measure', 'createLinter', 'PostlintConfigError', 'PostlintConfigError', 'PostlintConfigError']);
    // The error is thrown where the option is checked, inside lint(); every frame in dist/ is a name declared in src/.
    expect(frames[0]).toBe('checkedWordVectors');
    expect(frames).toContain('lint');
    const sources = (sourceFiles(root, ['src']) as string[]).map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
    const declared = (name: string) => new RegExp(`(function\\*?\\s+${name}\\b|class\\s+${name}\\b|\\b(const|let)\\s+${name}\\s*[=:]|^\\s+(static\\s+)?${name}\\s*\\()`, 'm').test(sources);
    const names = frames.map((frame) => frame.split('.').at(-1)!);
    expect(names.filter((name) => name.length < 4 || !declared(name))).toEqual([]);
    // The local names are shortened all the same: checkedWordVectors(vectors) keeps its own name, not its parameter's.
    const built = readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(root, 'dist', file), 'utf8')).join('\n');
    expect(built).toMatch(/function checkedWordVectors\([\w$]{1,2}\)\{/);
  });

  it("serves the CodeMirror adapter at 'postlint/codemirror'", () => {
    const { stdout, stderr } = node(['--input-type=module', '-e', "const m = await import('postlint/codemirror'); console.log(Object.keys(m).sort().join(' '))"]);
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe('applyPostlintFix counterText draftAt formatCount getPostlintState postlint setChannel setPostlintOptions');
  });

  it('keeps CodeMirror out of the core entry, and the core out of the adapter (shared chunks, not a copy)', () => {
    // Every file each entry loads, following the relative imports of the built ESM.
    const graph = (entry: string) => {
      const files = new Set<string>();
      const packages = new Set<string>();
      const visit = (file: string) => {
        if (files.has(file)) return;
        files.add(file);
        // The built files are minified (one line): their imports are read from the parsed module.
        for (const spec of importedSpecifiers(readFileSync(join(root, 'dist', file), 'utf8'))) {
          if (spec.startsWith('./')) visit(spec.slice(2));
          else packages.add(spec);
        }
      };
      visit(entry);
      return { files, packages };
    };
    const core = graph('index.js');
    const adapter = graph('codemirror.js');
    expect([...core.packages].filter((p) => p.startsWith('@codemirror/'))).toEqual([]);
    expect([...adapter.packages].filter((p) => p.startsWith('@codemirror/')).sort()).toEqual(['@codemirror/lint', '@codemirror/state', '@codemirror/view']);
    // The adapter's own file is small; the core it uses lives in chunks the core entry loads too.
    expect(adapter.files.size).toBeGreaterThan(1);
    expect([...adapter.files].filter((f) => f !== 'codemirror.js' && !core.files.has(f))).toEqual([]);
    expect(statSync(join(root, 'dist/codemirror.js')).size).toBeLessThan(30_000);
  });

  // Every dependency is bundled once into dist/ (a consumer installs postlint and the one package
  // below); the build's metafile says which files went in.
  const metafile = () => JSON.parse(readFileSync(join(root, 'dist/metafile-esm.json'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
  const bundledPackages = () => {
    const dirs = new Set<string>();
    for (const input of Object.keys(metafile().inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) dirs.add(match[1]!);
    }
    return [...dirs].map((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string; version: string });
  };

  it('lists every bundled package, its version and licence, in dist/THIRD-PARTY-NOTICES.md, which the package ships', () => {
    const notices = readFileSync(join(root, 'dist/THIRD-PARTY-NOTICES.md'), 'utf8');
    const listed = [...notices.matchAll(/^## (\S+) (\S+) \((MIT|ISC|Apache-2\.0|BSD-2-Clause|BSD-3-Clause|0BSD)\)$/gm)].map((m) => `${m[1]}@${m[2]}`);
    const bundled = bundledPackages().map((p) => `${p.name}@${p.version}`);
    expect(bundled.length).toBeGreaterThan(30);
    expect([...new Set(bundled)].sort()).toEqual([...listed].sort());
    expect(notices.match(/^## /gm)!.length).toBe(listed.length);
    // A licence text already given for an earlier package is named, not repeated: each such line names a package listed before it.
    const sections = notices.split(/\n(?=## )/).slice(1);
    sections.forEach((section, index) => {
      const same = /^The licence text of (\S+), above, word for word\.$/m.exec(section)?.[1];
      if (same !== undefined) expect(sections.slice(0, index).some((earlier) => earlier.startsWith(`## ${same} `) && !/^The licence text of/m.test(earlier))).toBe(true);
    });
    expect(sections.filter((section) => section.includes('Permission is hereby granted')).length).toBeGreaterThan(5);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/THIRD-PARTY-NOTICES.md');
    expect(files.filter((f) => f.includes('metafile'))).toEqual([]);
  });

  it('holds each dependency in one place: nothing it installs is bundled too, and the built files import only those, the peers and Node', () => {
    const installed = Object.keys(manifest.dependencies ?? {});
    expect(bundledPackages().filter((p) => installed.includes(p.name))).toEqual([]);
    const imported = new Set<string>();
    for (const output of Object.values(metafile().outputs)) for (const i of output.imports) if (i.external && !i.path.startsWith('.')) imported.add(i.path);
    const allowed = (spec: string) => spec.startsWith('node:') || installed.includes(spec) || Object.keys(manifest.peerDependencies ?? {}).includes(spec);
    expect([...imported].filter((spec) => !allowed(spec))).toEqual([]);
    // The language server's vscode-languageserver, twitter-text, micromark: all inside.
    expect(bundledPackages().map((p) => p.name)).toEqual(expect.arrayContaining(['vscode-languageserver', 'twitter-text', 'micromark', 'libphonenumber-js', 'yaml']));
  });

  it("leaves out twitter-text's core-js polyfills, which on Node >= 20 replace no built-in", () => {
    expect(Object.keys(metafile().inputs).filter((file) => file.includes('node_modules/core-js/'))).toEqual([]);
    // What the polyfills twitter-text imports change when loaded into a fresh Node.
    const polyfills = new Set<string>();
    for (const file of readdirSync(join(root, 'node_modules/twitter-text/dist/esm'), { recursive: true }) as string[]) {
      if (!file.endsWith('.js')) continue;
      for (const m of readFileSync(join(root, 'node_modules/twitter-text/dist/esm', file), 'utf8').matchAll(/import "(core-js\/modules\/[^"]+)"/g)) polyfills.add(m[1]!);
    }
    expect(polyfills.size).toBeGreaterThan(5);
    const script = `
      const roots = { globalThis, Object, 'Object.prototype': Object.prototype, Array, 'Array.prototype': Array.prototype, String, 'String.prototype': String.prototype, RegExp, 'RegExp.prototype': RegExp.prototype, 'Function.prototype': Function.prototype, Symbol, Number, Math, JSON, Promise, Map, Set, 'Map.prototype': Map.prototype, 'Set.prototype': Set.prototype, 'Array iterator': Object.getPrototypeOf([][Symbol.iterator]()), 'String iterator': Object.getPrototypeOf(''[Symbol.iterator]()) };
      const snapshot = () => { const all = new Map(); for (const [name, object] of Object.entries(roots)) for (const key of Reflect.ownKeys(object)) { const d = Object.getOwnPropertyDescriptor(object, key); all.set(name + '.' + String(key), [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]); } return all; };
      const before = snapshot();
      for (const m of ${JSON.stringify([...polyfills])}) require(m);
      const after = snapshot();
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => { const a = before.get(k), b = after.get(k); return !a || !b || a.some((x, i) => !Object.is(x, b[i])); });
      console.log(JSON.stringify(changed.sort()));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: join(root, 'node_modules/twitter-text'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // Function#toString wrapped (it answers as before for every function core-js did not define),
    // and four names added; no built-in replaced.
    expect(JSON.parse(run.stdout)).toEqual(['Function.prototype.toString', 'Symbol.useSetter', 'Symbol.useSimple', 'globalThis.__core-js_shared__', 'globalThis.core']);
  });

  it("gives twitter-text the punycode package, whose functions are Node's built-in punycode's", () => {
    // twitter-text requires "punycode": in Node the built-in, in the bundle the package (see tsup.config.ts).
    const bundled = bundledPackages().filter((p) => p.name === 'punycode');
    expect(bundled.map((p) => p.version)).toEqual([JSON.parse(readFileSync(join(root, 'node_modules/punycode/package.json'), 'utf8')).version]);
    const script = `const a = require('node:punycode'); const b = require(${JSON.stringify(join(root, 'node_modules/punycode/punycode.js'))}); const names = ['toASCII', 'toUnicode', 'encode', 'decode']; console.log(JSON.stringify([...names.map((n) => a[n].toString() === b[n].toString()), a.ucs2.encode.toString() === b.ucs2.encode.toString(), a.ucs2.decode.toString() === b.ucs2.decode.toString()]));`;
    const run = spawnSync(process.execPath, ['--no-deprecation', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, true, true, true, true, true]);
  });

  it('installs as a consumer gets it (postlint and one dependency; @postlint/vectors-en only when asked for), and its types check with nothing else installed, from ESM and CommonJS (nodenext and node16)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postlint-consumer-'));
    try {
      const tarballOf = (cwd: string) => {
        const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd, encoding: 'utf8' });
        expect(pack.status, pack.stderr).toBe(0);
        return join(dir, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
      };
      const install = (tarball: string) => {
        const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball], { cwd: dir, encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
        return Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/')).sort();
      };
      // Strict, and the packages' own declaration files checked too (skipLibCheck off): every type they name resolves.
      const tsc = (files: string[]) => {
        for (const module of ['nodenext', 'node16']) {
          writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, module, moduleResolution: module, target: 'es2022', noEmit: true, types: [] }, files }));
          const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
          expect(`${module}: ${run.stdout}${run.stderr}`).toBe(`${module}: `);
          expect(run.status).toBe(0);
        }
      };
      const consumer = (script: string) => spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
      const byMeaning = `const c = ${campaign}; const [a, b] = await Promise.all([import('postlint'), import('postlint/node')]); const api = await b.lintText(${draft}, { cwd: process.cwd(), configFile: false, overrideConfig: { campaign: c } }); console.log(JSON.stringify([a.lint({ text: ${draft} }, { campaign: c }).keyMessages.carried, api.posts[0].result.keyMessages.carried]));`;
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
      expect(install(tarballOf(root))).toEqual(['node_modules/character-entities', 'node_modules/decode-named-character-reference', 'node_modules/postlint']);
      writeFileSync(
        join(dir, 'a.mts'),
        `import { lint, defineChannel, toVFileMessage, type ChannelSpec, type CampaignLintResult, type WordVectors } from 'postlint';
import { lintText, loadConfig, type PostlintConfig } from 'postlint/node';
import { RuleTester } from 'postlint/testing';
const spec: ChannelSpec = { id: 'c', limit: 10 };
const result = lint({ text: 'x' });
const count: number = result.messages.length;
const reason: string = toVFileMessage(result.messages[0]!).reason;
// @ts-expect-error: a channel's limit is a number
const wrong: ChannelSpec = { id: 'c', limit: 'ten' };
const none: WordVectors | undefined = undefined;
export { spec, count, reason, wrong, none, lintText, loadConfig, RuleTester, defineChannel };
export type { PostlintConfig, CampaignLintResult };
`,
      );
      writeFileSync(join(dir, 'b.cts'), `import postlint = require('postlint');\nimport node = require('postlint/node');\nimport type { LintResult } from 'postlint';\nconst result: LintResult = postlint.lint({ text: 'x' });\nconst count: number = result.messages.length;\nexport = { count, lintFiles: node.lintFiles };\n`);
      tsc(['a.mts', 'b.cts']);
      // Without the vectors: key messages by stems and synonyms, from lint() and from the Node API alike.
      const lexical = consumer(byMeaning);
      expect(lexical.stderr).toBe('');
      expect(JSON.parse(lexical.stdout)).toEqual([[], []]);
      // With them: the Node API finds the package by itself; lint() takes them as an option.
      expect(install(tarballOf(join(root, 'packages/vectors-en')))).toEqual(['node_modules/@postlint/vectors-en', 'node_modules/character-entities', 'node_modules/decode-named-character-reference', 'node_modules/postlint']);
      const meaning = consumer(byMeaning);
      expect(meaning.stderr).toBe('');
      expect(JSON.parse(meaning.stdout)).toEqual([[], ['do-it-now']]);
      writeFileSync(join(dir, 'c.mts'), `import { lint } from 'postlint';\nimport { englishWordVectors } from '@postlint/vectors-en';\nexport const carried: string[] = lint({ text: 'x' }, { campaign: ${campaign}, wordVectors: englishWordVectors() }).keyMessages?.carried ?? [];\n`);
      writeFileSync(join(dir, 'd.cts'), `import postlint = require('postlint');\nimport vectors = require('@postlint/vectors-en');\nexport = postlint.lint({ text: 'x' }, { campaign: ${campaign}, wordVectors: vectors.englishWordVectors() }).keyMessages?.carried ?? [];\n`);
      tsc(['a.mts', 'b.cts', 'c.mts', 'd.cts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
