// The CodeMirror adapter and the playground page (issue 19): per-keystroke latency in Chromium and
// the gzipped bundle sizes. Part of `npm run bench`; alone: `npm run bench:playground [-- --quick]`,
// which writes its section into bench/results/latest.json (--quick: bench/data/quick-playground.json).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { ensureBuilt, ROOT } from './built.mjs';
import { DATA_DIR, ensureCorpus } from './corpus.mjs';
import { CHROMIUM, hasChromium, launchChromium } from '../playground/chromium.mjs';
import { serve } from '../playground/serve.mjs';

const KB = (bytes) => Number((bytes / 1024).toFixed(1));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const round = (x, digits = 3) => Number(x.toFixed(digits));
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** The 280-character draft typed key by key: the run.mjs editor draft, cut at a code point boundary. */
export function keystrokeDraft(corpus) {
  const base = corpus.find((t) => t.length >= 280 && /#/.test(t) && /https?:/.test(t)) ?? corpus[0].padEnd(280, ' x');
  let draft = '';
  for (const char of base) {
    if (draft.length + char.length > 280) break;
    draft += char;
  }
  return draft;
}

async function bundleSizes(pageDir) {
  const esbuild = await import('esbuild');
  const bundle = async (external) => {
    const out = await esbuild.build({ entryPoints: [join(ROOT, 'dist/codemirror.js')], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, logLevel: 'silent', external });
    return out.outputFiles[0].contents;
  };
  // CodeMirror is the host's (a peer dependency): it is in neither figure of the adapter.
  const alone = await bundle(['@codemirror/*', './chunk-*']);
  const withCore = await bundle(['@codemirror/*']);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(pageDir);
  const page = files.filter((f) => /\.(js|css|html)$/.test(f)).map((f) => readFileSync(f));
  const pageJs = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f));
  const sum = (list, size) => list.reduce((n, bytes) => n + size(bytes), 0);
  return {
    adapterMinKB: KB(alone.length),
    adapterGzipKB: KB(gz(alone)),
    adapterWithCoreMinKB: KB(withCore.length),
    adapterWithCoreGzipKB: KB(gz(withCore)),
    pageMinKB: KB(sum(page, (b) => b.length)),
    pageGzipKB: KB(sum(page, gz)),
    pageJsGzipKB: KB(sum(pageJs, gz)),
  };
}

/**
 * Types the draft into the page key by key (Chromium's own key events through playwright-core), one
 * key at a time. For each key, the time from the first keydown or beforeinput event to the moment
 * the page shows that text's lint (the problem list's aria-busy turns false; the counter is already
 * updated), with style and layout forced, so it is the work a keystroke costs the page. The page
 * lints with no debounce (#delay=0): the figure is the work, not the wait.
 */
async function keystrokes(url, draft, passes) {
  return typed(url + '#channel=x&preset=recommended&delay=0&text=', draft, passes, (page) => page.waitForSelector('[data-testid=problems][aria-busy=false]', { state: 'attached' }), () => {
    const w = window;
    w.__keys = [];
    w.__lint = [];
    w.__start = null;
    const mark = (event) => {
      if (w.__start === null) w.__start = event.timeStamp;
    };
    for (const type of ['keydown', 'beforeinput', 'input']) document.addEventListener(type, mark, true);
    const list = document.querySelector('[data-testid=problems]');
    w.__after = [];
    // aria-busy is set to false once a key's lint is shown: with delay 0 in the very update that applies
    // the key (src/codemirror lints inside the key's transaction), so it may never have turned true.
    new MutationObserver(() => {
      if (w.__start === null || list.getAttribute('aria-busy') !== 'false') return;
      void document.body.offsetHeight;
      const now = performance.now();
      w.__keys.push(now - w.__start);
      w.__after.push(now - Number(list.dataset.lintStart));
      w.__lint.push(Number(list.dataset.lintMs));
      w.__start = null;
    }).observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

/**
 * The floor under the keystroke row: the same draft typed the same way into a page with the
 * playground's style and CodeMirror's own extensions but no postlint (bench/playground-floor.mjs,
 * which records each key from its first event to its update laid out).
 */
async function bareKeystrokes(draft, passes) {
  const dir = join(DATA_DIR, 'playground-floor');
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: { floor: join(ROOT, 'bench/playground-floor.mjs') }, outdir: dir, bundle: true, platform: 'browser', format: 'esm', minify: true, logLevel: 'silent' });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="floor.css"></head><body><main><section class="composer"><div id="editor" data-testid="editor"></div></section></main><script type="module" src="floor.js"></script></body></html>\n');
  const server = await serve(dir);
  try {
    // CodeMirror applies a key inside its event's handler: once the key is pressed, its update is done.
    return await typed(server.url, draft, passes, async () => {});
  } finally {
    await server.close();
  }
}

/** Types the draft `passes` times into the page at `url` (cleared before each pass); the page records each key in window.__keys. */
async function typed(url, draft, passes, settled, install) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await page.goto(url);
    await page.waitForSelector('[data-testid=editor] .cm-content');
    await settled(page);
    if (install) await page.evaluate(install);
    const version = browser.version();
    const keys = [];
    const after = [];
    const lint = [];
    for (let pass = 0; pass < passes; pass++) {
      await page.click('[data-testid=editor] .cm-content');
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
      await settled(page);
      // The clearing keys are not the draft's: count from here.
      const before = await page.evaluate(() => {
        window.__start = null;
        return window.__keys.length;
      });
      let count = 0;
      for (const char of draft) {
        await page.keyboard.type(char);
        count++;
        await page.waitForFunction((n) => window.__keys.length >= n, before + count, { timeout: 10_000 });
      }
      const text = await page.$$eval('[data-testid=editor] .cm-line', (lines) => lines.map((l) => l.textContent).join('\n'));
      if (text !== draft) throw new Error(`the page holds ${JSON.stringify(text.slice(0, 60))}…, not the typed draft`);
      const got = await page.evaluate((n) => ({ keys: window.__keys.slice(n), after: (window.__after ?? []).slice(n), lint: (window.__lint ?? []).slice(n) }), before);
      keys.push(...got.keys);
      after.push(...got.after);
      lint.push(...got.lint);
    }
    return { chromium: version, keystrokes: keys.length, keys, after, lint };
  } finally {
    await browser.close();
  }
}

/** The playground section of the results: keystroke latency (when Chromium is installed) and bundle sizes. */
export async function benchPlayground({ quick = false, corpus = ensureCorpus().corpus, log = (s) => process.stderr.write(s + '\n') } = {}) {
  ensureBuilt(log);
  const outDir = join(DATA_DIR, 'playground-dist');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'playground/vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
  const result = { bundle: await bundleSizes(outDir), machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, loadAverage: Number(loadavg()[0].toFixed(1)) } };
  if (!hasChromium()) {
    log(`  keystroke latency skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
    result.keystroke = { skipped: `${CHROMIUM} not found` };
    return result;
  }
  const draft = keystrokeDraft(corpus);
  const server = await serve(outDir);
  try {
    const passes = quick ? 1 : 3;
    const run = await keystrokes(server.url, draft, passes);
    result.keystroke = {
      draftLength: draft.length,
      passes,
      keystrokes: run.keystrokes,
      p50ms: round(percentile(run.keys, 50)),
      p99ms: round(percentile(run.keys, 99)),
      maxMs: round(Math.max(...run.keys)),
      lintTaskP50ms: round(percentile(run.after, 50)),
      lintTaskP99ms: round(percentile(run.after, 99)),
      lintP50ms: round(percentile(run.lint, 50)),
      lintP99ms: round(percentile(run.lint, 99)),
      chromium: run.chromium,
      basis: 'wall time in the page, debounce 0: from the key event to its lint shown (layout forced); the lint task from the start of lint() to the same moment',
    };
    const bare = await bareKeystrokes(draft, passes);
    result.keystroke.floor = {
      what: "the same draft typed into CodeMirror alone, with the playground's style, no postlint: key event to its update laid out",
      keystrokes: bare.keystrokes,
      p50ms: round(percentile(bare.keys, 50)),
      p99ms: round(percentile(bare.keys, 99)),
    };
  } finally {
    await server.close();
  }
  return result;
}

export function playgroundTargets(p) {
  const targets = [];
  if (p?.keystroke?.p99ms !== undefined) targets.push({ name: 'playground keystroke p99 <= 2 ms (280-character draft)', value: p.keystroke.p99ms, target: 2, met: p.keystroke.p99ms <= 2 });
  if (p?.bundle) targets.push({ name: 'CodeMirror adapter + core <= 100 KB gzipped', value: p.bundle.adapterWithCoreGzipKB, target: 100, met: p.bundle.adapterWithCoreGzipKB <= 100 });
  return targets;
}

/** Rows for the bench table: [what, value, note]. */
export function playgroundRows(p) {
  if (!p) return [];
  const rows = [];
  const k = p.keystroke;
  if (k?.skipped) rows.push(['playground keystroke', 'skipped', k.skipped]);
  else if (k) rows.push([`playground keystroke (${k.draftLength} chars, ${k.keystrokes} keys)`, `p50 ${k.p50ms} ms`, `p99 ${k.p99ms} ms, max ${k.maxMs} ms (wall, Chromium); lint task (lint, diagnostics, list, layout) p50 ${k.lintTaskP50ms}, p99 ${k.lintTaskP99ms} ms; lint() p50 ${k.lintP50ms}, p99 ${k.lintP99ms} ms`]);
  if (k?.floor) rows.push([`floor: keystroke in CodeMirror alone (${k.floor.keystrokes} keys)`, `p50 ${k.floor.p50ms} ms`, `p99 ${k.floor.p99ms} ms: ${k.floor.what}`]);
  const b = p.bundle;
  rows.push(['CodeMirror adapter (esm, min)', `${b.adapterMinKB} KB`, `${b.adapterGzipKB} KB gzipped, without the core and CodeMirror`]);
  rows.push(['CodeMirror adapter + core (esm, min)', `${b.adapterWithCoreMinKB} KB`, `${b.adapterWithCoreGzipKB} KB gzipped, CodeMirror not included`]);
  rows.push(['playground page (js, css, html)', `${b.pageMinKB} KB`, `${b.pageGzipKB} KB gzipped, CodeMirror included`]);
  return rows;
}

// The README's figures for the composer come from the results file, between these markers.
const BEGIN = '<!-- bench:playground -->';
const END = '<!-- /bench:playground -->';

export function readmeFigures(results) {
  const p = results.playground;
  const k = p.keystroke;
  const b = p.bundle;
  const date = (p.date ?? results.date).slice(0, 10);
  const machine = p.machine ?? results.machine;
  const lines = [
    `Measured by \`${p.command ?? results.command}\` (${date}, ${machine.cpu} x${machine.cores}, Node ${machine.node}, shared with other jobs${machine.loadAverage !== undefined ? `: load average ${machine.loadAverage}` : ''}; raw figures in \`bench/results/latest.json\`):`,
    '',
    '| Measure | Result | Target |',
    '| --- | --- | --- |',
  ];
  if (k && !k.skipped) {
    lines.push(`| Keystroke in the page, key event to its diagnostics shown: a ${k.draftLength}-character draft typed key by key (${k.keystrokes} keys, Chromium ${k.chromium}) | p50 ${k.p50ms} ms, p99 ${k.p99ms} ms | p99 ≤ 2 ms: ${k.p99ms <= 2 ? 'met' : 'missed'} |`);
    lines.push(`| … of which the lint task: \`lint()\`, the editor's diagnostics, the problem list and layout | p50 ${k.lintTaskP50ms} ms, p99 ${k.lintTaskP99ms} ms | — |`);
    lines.push(`| … of which \`lint()\` itself | p50 ${k.lintP50ms} ms, p99 ${k.lintP99ms} ms | — |`);
    if (k.floor) lines.push(`| The floor: the same keys typed into CodeMirror alone, with the page's style and no postlint, key event to its update laid out | p50 ${k.floor.p50ms} ms, p99 ${k.floor.p99ms} ms | — |`);
  }
  lines.push(`| Adapter + core, gzipped (CodeMirror not included) | ${b.adapterWithCoreGzipKB} KB (the adapter alone ${b.adapterGzipKB} KB) | ≤ 100 KB: ${b.adapterWithCoreGzipKB <= 100 ? 'met' : 'missed'} |`);
  lines.push(`| Playground page, gzipped (CodeMirror included) | ${b.pageGzipKB} KB | — |`);
  return lines.join('\n');
}

export function writeReadmeFigures(results, file = join(ROOT, 'README.md')) {
  if (!results.playground) return;
  const readme = readFileSync(file, 'utf8');
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from === -1 || to < from) return;
  writeFileSync(file, readme.slice(0, from + BEGIN.length) + '\n' + readmeFigures(results) + '\n' + readme.slice(to));
}

export function readmeBlock(readme) {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  return from === -1 || to < from ? undefined : readme.slice(from + BEGIN.length, to).trim();
}

// Alone: `node bench/playground.mjs [--quick]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const started = new Date().toISOString();
  const playground = await benchPlayground({ quick });
  const command = quick ? 'npm run bench:playground -- --quick' : 'npm run bench:playground';
  Object.assign(playground, { date: started, command });
  for (const [what, value, note] of playgroundRows(playground)) console.log(`  ${what}  ${value}  ${note}`);
  for (const t of playgroundTargets(playground)) console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.value}`);
  const file = quick ? join(DATA_DIR, 'quick-playground.json') : join(ROOT, 'bench/results/latest.json');
  mkdirSync(dirname(file), { recursive: true });
  // The full results keep their other sections: only the playground's and its targets are replaced.
  const results = !quick && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const names = new Set(playgroundTargets(playground).map((t) => t.name));
  results.playground = playground;
  results.targets = [...(results.targets ?? []).filter((t) => !names.has(t.name)), ...playgroundTargets(playground)];
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  process.stderr.write(`written ${file}\n`);
  if (!quick) writeReadmeFigures(results);
}
