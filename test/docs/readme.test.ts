import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { fillFigureBlocks, renderEvalBlocks, renderFigureBlocks, type BenchResults, type EvalResults } from '../../src/docs/figures.js';
import { renderRuleLanguages } from '../../src/docs/rules-reference.js';
import { rules } from '../../rules/index.js';

// The README and every guide: their marked command examples run, their figures come from the bench results.
const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'rules.md').map((f) => `docs/${f}`)];
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const write = process.env.POSTLINT_WRITE_DOCS === '1';

/** ```console test blocks: `$ postlint ...` lines (and `$ cd dir`), each followed by the output it prints. */
function consoleExamples(text: string): { commands: { cwd: string; argv: string[]; output: string }[]; block: string }[] {
  const blocks = [...text.matchAll(/```console test\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.map((block) => {
    let cwd = ROOT;
    const commands: { cwd: string; argv: string[]; output: string }[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('$ cd ')) cwd = path.resolve(cwd, line.slice(5).trim());
      else if (line.startsWith('$ postlint ')) commands.push({ cwd, argv: splitArgs(line.slice('$ postlint '.length)), output: '' });
      else if (commands.length) commands[commands.length - 1]!.output += line + '\n';
    }
    for (const c of commands) c.output = c.output.replace(/\n+$/, '\n');
    return { commands, block };
  });
}

function splitArgs(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('command examples in the README and the guides print what they say', () => {
  const all = DOCS.flatMap((file) => consoleExamples(read(file)).map((example) => ({ file, ...example })));

  it('finds the marked examples (the check is not vacuous)', () => {
    expect(all.filter((e) => e.file === 'README.md').length).toBeGreaterThan(0);
    expect(all.flatMap((e) => e.commands).length).toBeGreaterThanOrEqual(3);
  });

  for (const { file, commands } of all) {
    for (const { cwd, argv, output } of commands) {
      it(`${file}: postlint ${argv.join(' ')}`, async () => {
        const { stdout, stderr } = await cli(cwd, argv);
        const printed = (stdout + stderr).replace(/\n+$/, '\n');
        if (!write) expect(printed, `run \`npm run docs\` to refresh ${file}`).toBe(output);
      });
    }
  }

  // `npm run docs` rewrites each block with what its commands print now.
  it.runIf(write)('rewrites the examples with their real output', async () => {
    for (const file of DOCS) {
      let text = read(file);
      for (const { commands, block } of consoleExamples(text)) {
        const lines: string[] = [];
        let cwd = ROOT;
        for (const line of block.split('\n')) {
          if (line.startsWith('$ cd ')) {
            lines.push(line);
            cwd = path.resolve(cwd, line.slice(5).trim());
          } else if (line.startsWith('$ postlint ')) {
            const command = commands.find((c) => c.cwd === cwd && c.argv.join('\0') === splitArgs(line.slice('$ postlint '.length)).join('\0'))!;
            const { stdout, stderr } = await cli(command.cwd, command.argv);
            lines.push(line, ...(stdout + stderr).replace(/\n+$/, '').split('\n'));
          }
        }
        text = text.replace('```console test\n' + block + '```', '```console test\n' + lines.join('\n') + '\n```');
      }
      writeFileSync(path.join(ROOT, file), text);
    }
  });
});

describe('setup files shown in the guides are the files the editor check uses', () => {
  const shown = DOCS.flatMap((file) => [...read(file).matchAll(/```\w+ file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({ file, path: m[1]!, body: m[2]! })));

  it('finds them', () => expect(shown.map((s) => s.path)).toContain('examples/editors/neovim-0.7.lua'));
  for (const { file, path: shownPath, body } of shown) {
    it(`${file} shows ${shownPath} as it is`, () => expect(body).toBe(read(shownPath)));
  }
});

describe('the README API example prints what the README shows', () => {
  it('runs the ```js api block against the built package and compares its output', () => {
    const text = read('README.md');
    const code = /```js api\n([\s\S]*?)```/.exec(text)![1]!;
    const shown = /```text api-output\n([\s\S]*?)```/.exec(text)!;
    const dir = mkdtempSync(path.join(ROOT, '.readme-api-'));
    try {
      writeFileSync(path.join(dir, 'example.mjs'), code);
      const run = spawnSync(process.execPath, [path.join(dir, 'example.mjs')], { cwd: ROOT, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      if (write) writeFileSync(path.join(ROOT, 'README.md'), text.replace(shown[0], '```text api-output\n' + run.stdout + '```'));
      else expect(run.stdout, 'run `npm run docs` to refresh the README').toBe(shown[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('figures come from bench/results/latest.json and eval.json, never typed', () => {
  const results = JSON.parse(read('bench/results/latest.json')) as BenchResults;
  const evaluation = JSON.parse(read('bench/results/eval.json')) as EvalResults;
  // The rule-languages table is not a measurement, but it is generated the same way: from the rules' meta.
  const blocks = { ...renderFigureBlocks(results), ...renderEvalBlocks(evaluation), 'rule-languages': renderRuleLanguages(rules) };

  for (const file of DOCS) {
    it(`${file}: every figures block is in step (npm run docs refills them)`, () => {
      const text = read(file);
      const filled = fillFigureBlocks(text, blocks);
      if (write && filled !== text) writeFileSync(path.join(ROOT, file), filled);
      else expect(text, `${file} is stale: run \`npm run docs\``).toBe(filled);
    });
  }

  it('the README front page is at most 250 lines and shows the generated summary and the report', () => {
    const text = read('README.md');
    expect(text.split('\n').length).toBeLessThanOrEqual(250);
    expect(text).toContain('<!-- figures:performance-summary -->\n`lint()`');
    expect(text).toContain('](docs/report.png)');
    expect(read('docs/performance.md')).toContain('<!-- figures:performance-table -->\nMeasured by `npm run bench`');
    expect(read('docs/health-rules.md')).toContain('<!-- figures:complex-medical-question-eval -->\nMeasured by `npm run eval`');
  });

  it('fills a block from the numbers given, and rejects an unknown block', () => {
    const changed = { ...results, presets: { ...results.presets, recommended: { usPerPost: 12.5, xParseTweet: 0.47 } } };
    expect(renderFigureBlocks(changed)['performance-summary']).toContain('12.5 µs per post (0.47x');
    expect(() => fillFigureBlocks('<!-- figures:nope -->\n<!-- /figures:nope -->', blocks)).toThrow('unknown figures block "nope"');
  });
});
