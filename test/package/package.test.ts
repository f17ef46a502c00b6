import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
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
    // The word vectors are an entry of their own: the core never carries them.
    expect(inputs.filter((file) => /word-vectors\.\w+\.json|src\/vectors\//.test(file))).toEqual([]);
  });

  const campaign = "{ name: 'Do The Kit', keyMessages: [{ id: 'do-it-now', text: 'Do your home test kit as soon as it arrives.' }] }";
  const draft = "'That envelope with the little stick in it? Please use it as soon as it comes.'";

  it("reads key messages by meaning with 'postlint/vectors/en', from ESM and CommonJS", () => {
    const esm = node(['--input-type=module', '-e', `import { lint } from 'postlint'; import { englishWordVectors } from 'postlint/vectors/en'; const c = ${campaign}; console.log(JSON.stringify([lint({ text: ${draft} }, { campaign: c }).keyMessages.carried, lint({ text: ${draft} }, { campaign: c, wordVectors: englishWordVectors() }).keyMessages.carried]))`]);
    expect(esm.stderr).toBe('');
    expect(JSON.parse(esm.stdout)).toEqual([[], ['do-it-now']]);
    const cjs = node(['-e', `const { lint } = require('postlint'); const { englishWordVectors } = require('postlint/vectors/en'); console.log(JSON.stringify(lint({ text: ${draft} }, { campaign: ${campaign}, wordVectors: englishWordVectors() }).keyMessages.carried))`]);
    expect(cjs.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual(['do-it-now']);
  });

  it('the Node API loads the vectors (from dist/vectors) only when a campaign is given', () => {
    const script = `const api = require('postlint/node'); (async () => { await api.lintText('Hello there', { cwd: '/', configFile: false }); const before = Object.keys(require.cache).some((f) => f.includes('vectors')); const report = await api.lintText(${draft}, { cwd: '/', configFile: false, overrideConfig: { campaign: ${campaign} } }); console.log(JSON.stringify([before, Object.keys(require.cache).some((f) => f.endsWith('/dist/vectors/en.cjs')), report.posts[0].result.keyMessages.carried])); })()`;
    const run = node(['-e', script]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, true, ['do-it-now']]);
  });

  it('the CLI on a plain draft never loads the vectors; on a campaign plan it loads them from dist/vectors', () => {
    // The CLI alone (with the chunk it shares with the language server), without dist/vectors beside it: a plain draft must not notice.
    const dir = mkdtempSync(join(tmpdir(), 'postlint-cli-'));
    try {
      for (const file of readdirSync(join(root, 'dist'))) if (file.endsWith('.js')) copyFileSync(join(root, 'dist', file), join(dir, file));
      const cli = (args: string[]) => spawnSync(process.execPath, [join(dir, 'cli.js'), '--no-config', ...args], { cwd: dir, encoding: 'utf8' });
      const plain = cli(['--text', 'Hello there', '--format', 'json']);
      expect(plain.stderr).toBe('');
      expect(JSON.parse(plain.stdout)[0].messages).toEqual([]);
      writeFileSync(join(dir, 'plan.md'), readFileSync(join(root, 'examples/bowel-cancer-awareness.md')));
      const plan = cli(['plan.md']);
      expect(plan.status).not.toBe(0);
      expect(plan.stdout + plan.stderr).toMatch(/Cannot find module '.*vectors\/en\.js'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships no source maps, and the word vectors once (dist/vectors/en.data.cjs, shared by the ESM and CommonJS entries)', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/vectors/en.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // A stretch of the vectors' bytes: which packed files carry it.
    const vectors = (JSON.parse(readFileSync(join(root, 'rules/data/word-vectors.en.json'), 'utf8')) as { vectors: string }).vectors;
    const sample = vectors.slice(100_000, 100_064);
    expect(files.filter((f) => /\.c?js$/.test(f) && readFileSync(join(root, f), 'utf8').includes(sample))).toEqual(['dist/vectors/en.data.cjs']);
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
        const code = readFileSync(join(root, 'dist', file), 'utf8');
        for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
          const spec = (m[1] ?? m[2] ?? m[3])!;
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
});
