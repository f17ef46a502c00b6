import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
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

describe('the data files in the bundle', () => {
  // The build writes each JSON data module that is imported (not require()d: that one stays
  // module.exports) as JSON.parse('...') (tsup.config.ts, json-as-string): each string must parse
  // to exactly the file's data.
  it('are each one JSON.parse of a string that holds exactly the file’s data', () => {
    const meta = metafile();
    const required = new Set(Object.values(meta.inputs).flatMap(({ imports }) => imports.filter((i) => i.kind === 'require-call').map((i) => i.path)));
    expect([...required].filter((input) => input.endsWith('.json'))).toEqual(['node_modules/normalize-strings/charmap.json']);
    const data = Object.keys(meta.inputs).filter((input) => /\.json$|libphonenumber-js\/metadata\.\w+\.json\.js$/.test(input) && !required.has(input));
    // libphonenumber-js's metadata is not among them: its own test follows.
    expect(data.length).toBeGreaterThanOrEqual(39);
    const checked = new Set<string>();
    for (const [output, { inputs }] of Object.entries(meta.outputs)) {
      if (!output.endsWith('.js')) continue;
      const code = readFileSync(join(root, output), 'utf8');
      for (const input of Object.keys(inputs).filter((name) => data.includes(name))) {
        const at = code.indexOf(`\n// ${input}\n`);
        expect(at, `${input} in ${output}`).toBeGreaterThan(-1);
        const line = code.slice(at + input.length + 5, code.indexOf('\n', at + input.length + 5));
        const call = /^var \w+ = \/\* @__PURE__ \*\/ JSON\.parse\((.*)\);$/.exec(line);
        expect(call, `${input}: ${line.slice(0, 80)}`).not.toBeNull();
        const text = readFileSync(join(root, input), 'utf8');
        const expected: unknown = JSON.parse(input.endsWith('.js') ? /^export default (.*)$/m.exec(text)![1]! : text.replace(/^\uFEFF/, ''));
        expect(JSON.parse(vm.runInNewContext(call![1]!) as string), input).toEqual(expected);
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
    const code = readFileSync(join(root, output![0]), 'utf8');
    const module = /\n\/\/ src\/facts\/phone-metadata\.ts\nvar TEXT = ('.*');\nvar COUNTRIES = (".*");\n/.exec(code);
    expect(module).not.toBeNull();
    const library = readFileSync(join(root, 'node_modules/libphonenumber-js/metadata.max.json.js'), 'utf8');
    const expected = JSON.parse(/^export default (.*)$/m.exec(library)![1]!) as { countries: object };
    expect(JSON.parse(vm.runInNewContext(module![1]!) as string)).toEqual(expected);
    expect((vm.runInNewContext(module![2]!) as string).split(' ')).toEqual(Object.keys(expected.countries));
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
