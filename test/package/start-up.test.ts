import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

// What the CLI's cold start loads and compiles, counted on the built package (no clock: the
// benchmark times it). Both tests read dist/, which `npm test` builds first.
const root = fileURLToPath(new URL('../..', import.meta.url));
type Metafile = { inputs: Record<string, { imports: { path: string; kind: string }[] }>; outputs: Record<string, { inputs: Record<string, unknown> }> };
const metafile = () => JSON.parse(readFileSync(join(root, 'dist/metafile-esm.json'), 'utf8')) as Metafile;

/** The source files (as the metafile names them) inside the dist/ modules one CLI run loads, from a module-loading hook. */
function inputsLoadedBy(args: string[], cwd = root): { status: number | null; stderr: string; inputs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'postlint-start-'));
  try {
    const log = join(dir, 'loaded.txt');
    writeFileSync(log, '');
    // The hook runs on the loader's thread: it appends each module's URL as it loads.
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(root, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const dist = pathToFileURL(join(root, 'dist')).href + '/';
    const outputs = metafile().outputs;
    const files = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith(dist));
    expect(files.length).toBeGreaterThan(3);
    const inputs = files.flatMap((url) => Object.keys(outputs[`dist/${url.slice(dist.length)}`]?.inputs ?? {}));
    return { status: run.status, stderr: run.stderr, inputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GLOBBING = /node_modules\/(?:tinyglobby|fdir|picomatch)\//;

describe('the CLI on one draft', () => {
  it('named on the command line, loads no globbing or ignore-pattern code (tinyglobby, fdir, picomatch); a folder does', () => {
    const one = inputsLoadedBy(['--no-config', 'examples/x-draft.txt']);
    expect(one.stderr).toBe('');
    expect(one.inputs).toContain('src/node/files.ts');
    expect(one.inputs.filter((input) => GLOBBING.test(input))).toEqual([]);
    // The control: a folder is walked, so the same run with a folder loads them.
    const folder = inputsLoadedBy(['--no-config', '--format', 'json', 'examples/pharma']);
    expect(folder.inputs.filter((input) => GLOBBING.test(input)).length).toBeGreaterThan(0);
  });

  it('--text loads no file-finding code at all', () => {
    const text = inputsLoadedBy(['--no-config', '--text', 'Book your screening today']);
    expect(text.status).toBe(0);
    expect(text.inputs.filter((input) => input === 'src/node/files.ts' || GLOBBING.test(input))).toEqual([]);
  });
});

/** Every string literal in a built (minified) file, with whether a /* @__PURE__ *\/ JSON.parse( call takes it. */
function stringLiterals(code: string): { value: string; pureJsonParse: boolean }[] {
  const found: { value: string; pureJsonParse: boolean }[] = [];
  const visit = (node: unknown, parent?: { type: string; callee?: unknown; start: number }): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parent));
    const n = node as { type?: string; value?: unknown; quasis?: { value: { cooked: string } }[]; expressions?: unknown[]; start: number };
    if (typeof n.type !== 'string') return;
    const value = n.type === 'Literal' && typeof n.value === 'string' ? n.value : n.type === 'TemplateLiteral' && n.expressions!.length === 0 ? n.quasis![0]!.value.cooked : undefined;
    if (value !== undefined) {
      const callee = parent?.type === 'CallExpression' ? code.slice((parent.callee as { start: number }).start, (parent.callee as { end: number }).end) : '';
      found.push({ value, pureJsonParse: callee === 'JSON.parse' && /\/\* ?[@#]__PURE__ ?\*\/\s*$/.test(code.slice(Math.max(0, parent!.start - 20), parent!.start)) });
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'type' && child && typeof child === 'object') visit(child, n as never);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }));
  return found;
}

describe('the data files in the bundle', () => {
  // The build writes each JSON data module that is imported (not require()d: that one stays
  // module.exports) as /* @__PURE__ */ JSON.parse('...') (tsup.config.ts, json-as-string): each file's
  // data must be exactly what one such call in its output parses, in the minified build as well.
  it('are each one JSON.parse of a string that holds exactly the file’s data, marked pure', () => {
    const meta = metafile();
    const required = new Set(Object.values(meta.inputs).flatMap(({ imports }) => imports.filter((i) => i.kind === 'require-call').map((i) => i.path)));
    expect([...required].filter((input) => input.endsWith('.json'))).toEqual(['node_modules/normalize-strings/charmap.json']);
    const data = Object.keys(meta.inputs).filter((input) => /\.json$|libphonenumber-js\/metadata\.\w+\.json\.js$/.test(input) && !required.has(input));
    // libphonenumber-js's metadata is not among them: its own test follows.
    expect(data.length).toBeGreaterThanOrEqual(39);
    const checked = new Set<string>();
    for (const [output, { inputs }] of Object.entries(meta.outputs)) {
      if (!output.endsWith('.js')) continue;
      const inOutput = Object.keys(inputs).filter((name) => data.includes(name));
      if (!inOutput.length) continue;
      const parsed = stringLiterals(readFileSync(join(root, output), 'utf8'))
        .filter((literal) => literal.pureJsonParse)
        .map((literal) => JSON.stringify(JSON.parse(literal.value)));
      for (const input of inOutput) {
        const text = readFileSync(join(root, input), 'utf8');
        const expected: unknown = JSON.parse(input.endsWith('.js') ? /^export default (.*)$/m.exec(text)![1]! : text.replace(/^\uFEFF/, ''));
        expect(parsed, `${input} in ${output}`).toContain(JSON.stringify(expected));
        checked.add(input);
      }
    }
    expect([...checked].sort()).toEqual(data.sort());
  });
});

describe("libphonenumber-js's metadata in the bundle", () => {
  it('is the metadata libphonenumber-js/max reads, held as a string', () => {
    const output = Object.entries(metafile().outputs).find(([, { inputs }]) => 'src/facts/phone-metadata.ts' in inputs);
    expect(output).toBeDefined();
    const strings = stringLiterals(readFileSync(join(root, output![0]), 'utf8')).map((literal) => literal.value);
    const library = readFileSync(join(root, 'node_modules/libphonenumber-js/metadata.max.json.js'), 'utf8');
    const expected = JSON.parse(/^export default (.*)$/m.exec(library)![1]!) as { countries: object };
    // The metadata as one string (the build's own JSON of it), and its countries as one space-separated list.
    expect(strings).toContain(JSON.stringify(expected));
    expect(strings).toContain(Object.keys(expected.countries).join(' '));
  });

  it('is parsed on the first phone number, not when the library loads', () => {
    // JSON.parse calls on strings of 100 KB or more (only the metadata is that long), counted in a fresh process.
    const script = `
      const parse = JSON.parse; let parses = 0;
      JSON.parse = function (text, reviver) { if (typeof text === 'string' && text.length > 100000) parses++; return parse.call(this, text, reviver); };
      const { lint } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)});
      const counts = [parses];
      lint({ text: 'Book your screening today, it takes ten minutes.', channel: 'x' });
      counts.push(parses);
      lint({ text: 'Call me on 07911 123456 about your results', channel: 'x' });
      lint({ text: 'Or on +1 617 555 0123', channel: 'x' });
      counts.push(parses);
      console.log(JSON.stringify(counts));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([0, 0, 1]);
  });
});
