import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RuleSetting } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import { channels } from '../channels/builtin.js';
import { presets, rules as builtinRules } from '../index.js';
import { pluginRules } from '../engine/settings.js';
import { PostlintConfigError } from '../core/errors.js';
import { split, THREAD_SEPARATOR } from '../split/index.js';
import { loadConfig } from './config.js';
import { splitDraft } from '../text/draft.js';
import { displayPath, lintSource, ReadError, type FileReport } from './engine.js';
import { formatCampaignSummary } from '../format/campaign.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'compact'] as const;

/** One command-line option: how parseArgs reads it and how --help shows it. */
interface CliOption {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The value's placeholder in --help, e.g. "<id>". */
  value?: string;
  /** Lines of help; none for an option shown on another's line (--no-color with --color). */
  help?: string[];
  /** What --help shows instead of the option's own flags. */
  flags?: string;
}

// The one option table: parseArgs reads it, and --help is generated from it.
const OPTION_GROUPS: { title: string; intro?: string[]; options: CliOption[] }[] = [
  {
    title: 'Input (one of)',
    intro: ['  files...                   files, folders (their .md and .txt files) or globs; each file is one post'],
    options: [
      { name: 'text', type: 'string', value: '<text>', help: ['lint this text'] },
      { name: 'stdin', type: 'boolean', help: ['read one post from standard input'] },
      { name: 'stdin-filename', type: 'string', value: '<path>', help: ['the path stdin stands for (config overrides, Markdown front matter)'] },
    ],
  },
  {
    title: 'Configuration',
    options: [
      { name: 'channel', short: 'c', type: 'string', value: '<id>', help: [`channel to lint for (default: the config's, else x): ${Object.keys(channels).join(', ')}`] },
      { name: 'preset', short: 'p', type: 'string', value: '<name>', help: [`base preset, replacing the config's "extends": ${Object.keys(presets).join(', ')}`] },
      { name: 'config', type: 'string', value: '<path>', help: ['use this config file instead of searching from the working folder up'] },
      { name: 'no-config', type: 'boolean', help: ['use no config file'] },
      { name: 'products', type: 'string', value: '<file.json>', help: ['medicines for the pharma preset: a list, or { "products": [...] }'] },
      { name: 'rule', type: 'string', multiple: true, value: "<'id: setting'>", help: ["set a rule, above the config: --rule 'max-hashtags: off'", "or --rule 'max-hashtags: [warn, {max: 2}]' (repeatable)"] },
      { name: 'ignore-path', type: 'string', value: '<path>', help: ['ignore file (default: .postlintignore); node_modules is always ignored'] },
      { name: 'no-ignore', type: 'boolean', help: ['ignore nothing but node_modules'] },
      { name: 'no-error-on-unmatched-pattern', type: 'boolean', help: ['a pattern matching no file is not an error'] },
    ],
  },
  {
    title: 'Output',
    options: [
      { name: 'format', short: 'f', type: 'string', value: '<name>', help: [`${FORMAT_NAMES.join(', ')} (default: stylish)`] },
      { name: 'output-file', short: 'o', type: 'string', value: '<path>', help: ['write the report to a file instead of standard output'] },
      { name: 'quiet', type: 'boolean', help: ['report errors only'] },
      { name: 'max-warnings', type: 'string', value: '<n>', help: ['exit 1 when there are more than n warnings'] },
      { name: 'report-unused-disable-directives', type: 'boolean', help: ['report postlint-disable comments that suppress nothing'] },
      { name: 'color', type: 'boolean', flags: '--color, --no-color', help: ['force colour on or off (default: on a terminal unless NO_COLOR is set)'] },
      { name: 'no-color', type: 'boolean' },
    ],
  },
  {
    title: 'Fixing',
    options: [
      { name: 'fix', type: 'boolean', help: ["apply the rules' fixes to the files, atomically"] },
      { name: 'fix-dry-run', type: 'boolean', help: ['compute fixes and show the fixed text; write nothing'] },
      { name: 'split', type: 'boolean', help: ['print each draft as a thread whose every part fits the channel,', 'parts separated by a line of "---" (json: [{ file, parts }])'] },
    ],
  },
  {
    title: '',
    options: [
      { name: 'help', short: 'h', type: 'boolean', help: ['show this help'] },
      { name: 'version', short: 'v', type: 'boolean', help: ['show the version'] },
    ],
  },
];

const OPTIONS = OPTION_GROUPS.flatMap((group) => group.options);

// What parseArgs returns for the table above (a string option's value, a boolean's flag, --rule's list).
type CliValues = { [name: string]: string | boolean | undefined } & { rule?: string[] } & {
  [K in 'text' | 'stdin-filename' | 'channel' | 'preset' | 'config' | 'products' | 'ignore-path' | 'format' | 'output-file' | 'max-warnings']?: string;
};
const HELP_COLUMN = 29;

function helpLines(option: CliOption): string[] {
  if (!option.help) return [];
  const flags = option.flags ?? `${option.short ? `-${option.short}, ` : ''}--${option.name}${option.value ? ' ' + option.value : ''}`;
  const first = `  ${flags}`;
  const lead = first.length + 2 <= HELP_COLUMN ? first.padEnd(HELP_COLUMN) : first + '  ';
  return [lead + option.help[0], ...option.help.slice(1).map((line) => ' '.repeat(HELP_COLUMN) + line)];
}

export const USAGE = [
  'Usage: postlint [files, folders or globs...] [options]',
  '',
  'Lint drafted social-media posts for the channel they are meant for.',
  ...OPTION_GROUPS.flatMap((group) => ['', ...(group.title ? [group.title + ':'] : []), ...(group.intro ?? []), ...group.options.flatMap(helpLines)]),
  '',
  'Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,',
  '2 bad usage, configuration or unreadable input.',
].join('\n');

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string | Promise<string>;
  /** Colour when neither --color nor --no-color is given. */
  color: boolean;
  version: string;
  /** Working folder (default: process.cwd()). */
  cwd?: string;
}

export class UsageError extends Error {}

/** Runs the CLI and returns its exit code; output goes through `io` so tests can run it in process. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PostlintConfigError || error instanceof ReadError || (error as Error).name === 'NoFilesError') {
      io.stderr(`postlint: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr(`postlint: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(OPTIONS.map(({ name, short, type, multiple }) => [name, { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) }])),
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun "postlint --help" for the options.`);
  }
  const { positionals } = parsed;
  const values = parsed.values as CliValues;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(io.version + '\n');
    return 0;
  }
  const cwd = path.resolve(io.cwd ?? process.cwd());
  const format = values.format ?? 'stylish';
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${values['max-warnings']}"`);
  }
  const sources = Number(values.text !== undefined) + Number(values.stdin === true) + Number(positionals.length > 0);
  if (sources === 0) throw new UsageError('nothing to lint: give files, --text or --stdin. Run "postlint --help" for the options.');
  if (sources > 1) throw new UsageError('give files, --text or --stdin, not several of them');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (values.fix && values['fix-dry-run']) throw new UsageError('give --fix or --fix-dry-run, not both');
  if (values.fix && positionals.length === 0) throw new UsageError('--fix writes files; with --text or --stdin use --fix-dry-run, which prints the fixed text');
  if (values.preset !== undefined && !(values.preset in presets)) {
    throw new UsageError(`unknown preset "${values.preset}"; use one of ${Object.keys(presets).join(', ')}`);
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('give --config or --no-config, not both');
  const cliRules = values.rule?.length ? await parseRuleFlags(values.rule) : undefined;
  const products = values.products === undefined ? undefined : readProductsFile(path.resolve(cwd, values.products), values.products);

  // Everything that can fail on configuration fails here, before any file is read or written.
  const config = await loadConfig({ cwd, configFile: values['no-config'] ? false : values.config, preset: values.preset, rules: cliRules, products });
  if (values.channel !== undefined && !config.channelIds.includes(values.channel)) {
    throw new UsageError(`unknown channel "${values.channel}"; use one of ${config.channelIds.join(', ')}`);
  }
  const lintOptions = {
    config,
    channel: values.channel,
    fix: values.fix === true || values['fix-dry-run'] === true,
    reportUnused: values['report-unused-disable-directives'] ? ('error' as const) : undefined,
  };

  let reports: FileReport[];
  if (values.text !== undefined) {
    reports = [await lintSource(values.text, undefined, '<text>', lintOptions)];
  } else if (values.stdin) {
    const name = values['stdin-filename'];
    const filePath = name === undefined ? undefined : path.resolve(cwd, name);
    reports = [await lintSource(await io.readStdin(), filePath, filePath ? displayPath(cwd, filePath) : '<stdin>', lintOptions)];
  } else {
    const { findFiles, ignoreTest, readIgnoreFile } = await import('./files.js');
    const ignoreLines = values['no-ignore'] ? [] : readIgnoreFile(path.resolve(cwd, values['ignore-path'] ?? '.postlintignore'));
    const files = await findFiles(positionals, {
      cwd,
      ignored: ignoreTest(cwd, ignoreLines, config.base, values['no-ignore'] ? [] : config.ignorePatterns),
      errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    });
    const { lintPaths } = await import('./engine.js');
    reports = await lintPaths(files, cwd, lintOptions);
  }

  if (values.split) return printThreads(reports, format, io, config.forFile(undefined).options.channels);

  if (values.fix) {
    const { writeFileAtomic } = await import('./write.js');
    for (const report of reports) {
      if (report.filePath && report.output !== undefined) {
        try {
          writeFileAtomic(report.filePath, report.output);
        } catch (error) {
          throw new ReadError(`cannot write the fixed ${report.file}: ${(error as Error).message}`);
        }
      }
    }
  }

  if (values.quiet) {
    for (const report of reports) for (const post of report.posts) post.result = { ...post.result, messages: post.result.messages.filter((m) => m.severity === 'error') };
  }
  const messages = reports.flatMap((r) => r.posts.flatMap((p) => p.result.messages));
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;

  const { format: render } = await import('../format/index.js');
  const color = values['no-color'] ? false : values.color ? true : io.color && values['output-file'] === undefined;
  const colors = color ? (await import('picocolors')).default.createColors(true) : undefined;
  let out = reports.length === 0 && format === 'stylish' ? '' : render(format as (typeof FORMAT_NAMES)[number], reports, { rules: { ...builtinRules, ...pluginRules(config.plugins) }, version: io.version }, colors);
  if (values['fix-dry-run'] && format !== 'json') {
    const fixedTexts = reports.filter((r) => r.output !== undefined).map((r) => `${r.file} (${r.fixed} fix${r.fixed === 1 ? '' : 'es'} would apply):\n${r.output}${r.output!.endsWith('\n') ? '' : '\n'}`);
    if (fixedTexts.length && format !== 'sarif' && format !== 'github') out = fixedTexts.join('\n') + '\n' + out;
  }
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    const note = `postlint found too many warnings (maximum: ${maxWarnings}).\n`;
    if (format === 'stylish' || format === 'compact') out += note;
    else io.stderr(note);
  }
  if (values['output-file'] !== undefined) {
    const { writeFileAtomic } = await import('./write.js');
    writeFileAtomic(path.resolve(cwd, values['output-file']), out);
  } else {
    io.stdout(out + (format === 'stylish' ? campaignSummaries(reports, colors) : ''));
  }
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}

/** `--products <file>`: JSON, either a list of products or `{ "products": [...] }` like a config's key. */
function readProductsFile(filePath: string, shown: string): { file: string; products: unknown } {
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such products file: ${shown}` : `cannot read products file ${shown}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`products file ${shown} is not valid JSON: ${(error as Error).message}`);
  }
  const list = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'products' in parsed ? (parsed as { products: unknown }).products : parsed;
  return { file: `products file ${shown}`, products: list };
}

/** `--split`: each draft's published text as a thread that fits its channel. */
function printThreads(reports: FileReport[], format: string, io: CliIO, channels: LintOptions['channels']): number {
  const threads = reports.map((report) => {
    const body = splitDraft(report.source ?? '', { markdown: /\.(?:md|markdown|mdx)$/i.test(report.file) }).body;
    return { file: report.file, parts: report.posts.flatMap((post) => split(body, post.result.channel, { channels })) };
  });
  if (format === 'json') io.stdout(JSON.stringify(threads, null, 2) + '\n');
  else {
    const many = threads.length > 1;
    io.stdout(threads.map(({ file, parts }) => (many ? `${file}\n\n` : '') + parts.join(THREAD_SEPARATOR)).join('\n\n===\n\n') + '\n');
  }
  return 0;
}

/** `--rule 'id: severity'` or `--rule 'id: [severity, {option: value}]'` (YAML flow, as ESLint's levn). */
async function parseRuleFlags(flags: string[]): Promise<Record<string, RuleSetting>> {
  const { parse } = await import('yaml');
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    let value: unknown;
    try {
      value = parse(flag);
    } catch (error) {
      throw new UsageError(`--rule "${flag}": ${(error as Error).message.split('\n')[0]}; write it as 'rule-id: error' or 'rule-id: [warn, {max: 2}]'`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`--rule "${flag}": write it as 'rule-id: error' or 'rule-id: [warn, {max: 2}]'`);
    }
    Object.assign(rules, value);
  }
  return rules;
}

/** For campaign plans: what each draft carries and the coverage matrix, after the report. */
function campaignSummaries(reports: readonly FileReport[], colors: Parameters<typeof formatCampaignSummary>[2]): string {
  const summaries = reports.filter((r) => r.campaign).map((r) => formatCampaignSummary(r.file, r.campaign!, colors));
  return summaries.length ? '\n' + summaries.join('\n') : '';
}
