import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of src/, lowest first. A file may import its own directory or any lower layer, never a
 * higher one or a sibling of the same rank: the pipeline reads top to bottom.
 */
export const LAYERS: Record<string, number> = {
  core: 0,
  text: 1,
  channels: 2,
  facts: 3,
  split: 4,
  rule: 5,
  engine: 6,
  format: 7,
  // src/index.ts: the library, with the built-in rules handed to the engine.
  index: 8,
  testing: 9,
  docs: 9,
  node: 9,
  // src/codemirror: the CodeMirror adapter, a client of the public API like any app.
  codemirror: 9,
  lsp: 10,
  // src/node.ts, src/testing.ts, src/cli.ts, src/lsp-cli.ts: the package's entry points.
  entry: 11,
};

/** The one module the CodeMirror adapter may import from src/ outside its folder: the public API. */
export const PUBLIC_API = 'src/index.ts';

/** The one module a rule may import from src/. */
export const RULE_API = 'src/rule/index.ts';

/**
 * Packages a rule may import besides the rule API: option schemas, Markdown node types, and the
 * readability formulas that turn the shared words into a grade. A package that reads text itself
 * belongs in facts/, so a rule can only reach it through the Analysis.
 */
export const RULE_PACKAGES = new Set(['valibot', 'mdast', 'flesch-kincaid', 'smog-formula', 'syllable', 'dale-chall']);

export interface Edge {
  from: string;
  to: string;
}

export interface Violation extends Edge {
  why: string;
}

/** Every .ts file under `dirs` (relative to root), as posix paths, declaration files left out. */
export function sourceFiles(root: string, dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

/** Every import, export-from and dynamic import() of each file, local ones resolved to files, packages by name. */
export function importEdges(root: string, files: string[], read = (file: string) => readFileSync(path.join(root, file), 'utf8')): Edge[] {
  const known = new Set(files);
  const edges: Edge[] = [];
  for (const from of files) {
    const { importedFiles } = ts.preProcessFile(read(from), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) {
        edges.push({ from, to: packageName(fileName) });
        continue;
      }
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName));
      const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
      edges.push({ from, to: candidates.find((c) => known.has(c)) ?? base });
    }
  }
  return edges;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The layer of a file under src/, or undefined outside src/. */
export function layerOf(file: string): string | undefined {
  if (!file.startsWith('src/')) return undefined;
  const rest = file.slice(4);
  if (!rest.includes('/')) return rest === 'index.ts' ? 'index' : 'entry';
  return rest.slice(0, rest.indexOf('/'));
}

/** A rule's folder (`rules/max-length.ts` is a folder of one), or undefined for the catalogue and data. */
function ruleHome(file: string): string | undefined {
  const rest = file.slice('rules/'.length);
  if (rest.startsWith('data/')) return undefined;
  if (!rest.includes('/')) return rest === 'index.ts' || rest === 'presets.ts' ? undefined : file;
  return 'rules/' + rest.slice(0, rest.indexOf('/')) + '/';
}

export function checkEdges(edges: Edge[]): Violation[] {
  const violations: Violation[] = [];
  const flag = (edge: Edge, why: string) => violations.push({ ...edge, why });
  for (const edge of edges) {
    const { from, to } = edge;
    const local = to.startsWith('src/') || to.startsWith('rules/') || to.startsWith('.') || to.includes('/') && !to.startsWith('@');
    const codemirror = layerOf(from) === 'codemirror';
    if (to.startsWith('@codemirror/') && !codemirror) {
      flag(edge, 'only src/codemirror imports CodeMirror, so the core entry never pulls it in');
      continue;
    }
    if (codemirror) {
      if (!local && !to.startsWith('@codemirror/')) flag(edge, `the CodeMirror adapter imports only CodeMirror and the public API, not the package "${to}"`);
      else if (local && to !== PUBLIC_API && layerOf(to) !== 'codemirror') flag(edge, `the CodeMirror adapter imports only the public API (${PUBLIC_API}), not core internals`);
      continue;
    }
    if (from.startsWith('packages/')) {
      // packages/vectors-<lang>: the word vectors' data (rules/data/word-vectors.<lang>.json) and the facts that decode it.
      const data = /^rules\/data\/word-vectors\.[a-z]+\.json$/.test(to);
      if (!data && !to.startsWith('src/facts/') && !to.startsWith(from.slice(0, from.indexOf('/', 'packages/'.length) + 1))) flag(edge, 'a word-vectors package imports only its data (rules/data/word-vectors.<lang>.json) and src/facts/');
      continue;
    }
    if (from.startsWith('src/')) {
      if (to.startsWith('rules/')) {
        if (from !== 'src/index.ts') flag(edge, 'only src/index.ts imports rules/ (and hands them to createLinter)');
        continue;
      }
      if (!to.startsWith('src/')) {
        if (local) flag(edge, 'imports a file outside src/ and rules/');
        continue;
      }
      const a = layerOf(from)!;
      const b = layerOf(to)!;
      if (!(a in LAYERS)) flag(edge, `"${a}" is no layer; add it to LAYERS or move the file`);
      else if (!(b in LAYERS)) flag(edge, `"${b}" is no layer`);
      else if (a !== b && LAYERS[b]! >= LAYERS[a]!) flag(edge, `${a} may not import ${b} (${LAYERS[b]! > LAYERS[a]! ? 'an upper layer' : 'a sibling layer'})`);
    } else if (from.startsWith('rules/')) {
      const home = ruleHome(from);
      if (to.startsWith('rules/data/')) continue;
      if (home === undefined) {
        // The catalogue (rules/index.ts, rules/presets.ts) lists rules and may use the rule API.
        if (!(to === RULE_API || (to.startsWith('rules/') && !to.startsWith('rules/data/')) || !local)) flag(edge, 'the rule catalogue imports only rules and the rule API');
        continue;
      }
      if (to === RULE_API) continue;
      if (to.startsWith('rules/')) {
        if (home.endsWith('/') ? !to.startsWith(home) : to !== home) flag(edge, 'a rule imports only its own folder, rules/data and the rule API');
        continue;
      }
      if (to.startsWith('src/')) flag(edge, `a rule imports only the rule API (${RULE_API}), not engine internals`);
      else if (local) flag(edge, 'imports a file outside src/ and rules/');
      else if (!RULE_PACKAGES.has(to)) flag(edge, `a rule reads text through the Analysis, not through the package "${to}"`);
    }
  }
  return violations;
}

/** Each import cycle once, as the list of files around it. */
export function findCycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) if (to.endsWith('.ts')) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

export function describe(violation: Violation): string {
  return `${violation.from} -> ${violation.to}: ${violation.why}`;
}
