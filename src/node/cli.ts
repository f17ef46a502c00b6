import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic, RuleSetting } from '../core/types.js';
import type { LintOptions } from '../engine/options.js';
import { channels } from '../channels/builtin.js';
import { linter, presets, rules as builtinRules } from '../index.js';
import { LANGUAGE_SETTINGS, pluginRules } from '../engine/settings.js';
import { PostlintConfigError } from '../core/errors.js';
import { split, threadParts, THREAD_SEPARATOR } from '../split/index.js';
import { measure } from '../channels/measure.js';
import { commonJs, loadConfig } from './config.js';
import { splitDraft } from '../text/draft.js';
import { displayPath, lintSource, ReadError, type FileReport } from './engine.js';
import { formatCampaignSummary } from '../format/campaign.js';
import { closestId } from '../text/directives.js';
import { allMessages, type FormatContext, type Formatter } from '../format/types.js';
import type { ResolvedConfig } from './config.js';

// The format/index.js FORMATS, listed here so that a run loads only the formatter it uses.
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'compact', 'html'] as const;

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
    intro: [
      '  files...                   files, folders (their .md and .txt files) or globs; each file is one post,',
      '                             or a campaign plan (Markdown with keyMessages in its front matter)',
    ],
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
      { name: 'language', type: 'string', value: '<code>', help: ["the drafts' language for the judgement rules: en, de, fr or auto (default: the", "config's, else auto: detected per draft); a file's front matter lang: comes first"] },
      { name: 'preset', short: 'p', type: 'string', value: '<name>', help: [`base preset, replacing the config's "extends": ${Object.keys(presets).join(', ')}`] },
      { name: 'config', type: 'string', value: '<path>', help: ['use this config file instead of searching from the working folder up'] },
      { name: 'no-config', type: 'boolean', help: ['use no config file'] },
      { name: 'products', type: 'string', value: '<file.json>', help: ['medicines for the pharma preset: a list, or { "products": [...] }'] },
      { name: 'rule', type: 'string', multiple: true, value: "<'id: setting'>", help: ["set a rule, above the config: --rule 'max-hashtags: off'", "or --rule 'max-hashtags: [warn, {max: 2}]' (repeatable)"] },
      { name: 'ignore-path', type: 'string', value: '<path>', help: ['ignore file (default: .postlintignore); node_modules is always ignored'] },
      { name: 'no-ignore', type: 'boolean', help: ['ignore nothing but node_modules'] },
      { name: 'no-error-on-unmatched-pattern', type: 'boolean', help: ['a pattern matching no file is not an error'] },
      { name: 'init', type: 'boolean', help: ['write a .postlintrc.yaml here (asks the channel and preset, or takes', '--channel and --preset)'] },
      { name: 'print-config', type: 'string', value: '<file>', help: ['print the configuration that applies to a file, and lint nothing'] },
    ],
  },
  {
    title: 'Output',
    options: [
      { name: 'format', short: 'f', type: 'string', value: '<name|path>', help: [`${FORMAT_NAMES.join(', ')} (default: stylish), or a formatter module`, 'such as ./my-formatter.js (its default export gets the results)'] },
      { name: 'output-file', short: 'o', type: 'string', value: '<path>', help: ['write the report to a file instead of standard output'] },
      { name: 'quiet', type: 'boolean', help: ['report errors only'] },
      { name: 'verbose', type: 'boolean', help: ['also list clean files and drafts, with their length'] },
      { name: 'max-warnings', type: 'string', value: '<n>', help: ['exit 1 when there are more than n warnings'] },
      { name: 'report-unused-disable-directives', type: 'boolean', help: ['report postlint-disable comments that suppress nothing'] },
      { name: 'color', type: 'boolean', flags: '--color, --no-color', help: ['force colour on or off (default: on a terminal unless NO_COLOR is set)'] },
      { name: 'no-color', type: 'boolean' },
    ],
  },
  {
    title: 'Fixing',
    options: [
      { name: 'fix', type: 'boolean', help: ["apply the rules' fixes to the files, atomically; with --stdin or", '--text, print the fixed text (and the problems left on stderr)'] },
      { name: 'fix-dry-run', type: 'boolean', help: ['compute fixes and show the fixed text; write nothing'] },
      { name: 'split', type: 'boolean', help: ['print each draft as a thread whose every part fits the channel,', 'parts separated by a line of "---" (json: [{ file, parts }]);', 'a campaign plan whole, each over-long draft split (json: [{ file, output }])'] },
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
  [K in 'text' | 'stdin-filename' | 'channel' | 'language' | 'preset' | 'config' | 'products' | 'ignore-path' | 'print-config' | 'format' | 'output-file' | 'max-warnings']?: string;
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
  /** Asks a question on a terminal (`--init`); absent when no one can answer, and defaults are used. */
  prompt?: (question: string) => Promise<string>;
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

/** Node's parser errors, in the words of this CLI: which option, what it needs, the nearest real one. */
export function describeArgumentError(error: Error): string {
  const text = error.message;
  const unknown = /^Unknown option '([^']+)'/.exec(text);
  if (unknown) {
    const given = unknown[1]!;
    const names = OPTIONS.map((option) => '--' + option.name);
    const closest = given.startsWith('--') ? closestId(given, names) : undefined;
    return `unknown option "${given}"${closest ? `; did you mean "${closest}"?` : "."} Run "postlint --help" for the options.`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(text);
  if (missing) return `${missing[1]} needs a value, e.g. ${missing[1]} ${EXAMPLE_VALUES[missing[1]!] ?? '<value>'}. Run "postlint --help" for the options.`;
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(text);
  if (noValue) return `${noValue[1]} takes no value. Run "postlint --help" for the options.`;
  return `${text.split('\n')[0]} Run "postlint --help" for the options.`;
}

const EXAMPLE_VALUES: Record<string, string> = {
  '--channel': 'bluesky',
  '--preset': 'health',
  '--format': 'json',
  '--output-file': 'report.html',
  '--max-warnings': '0',
  '--text': '"Book your screening today"',
  '--rule': "'max-hashtags: off'",
  '--print-config': 'drafts/launch.md',
};

async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(OPTIONS.map(({ name, short, type, multiple }) => [name, { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) }])),
    });
  } catch (error) {
    throw new UsageError(describeArgumentError(error as Error));
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
  if (values.init) return initConfig(cwd, values.channel, values.preset, io);
  const format = values.format ?? 'stylish';
  const customFormat = !(FORMAT_NAMES as readonly string[]).includes(format);
  if (customFormat && !/[\\/]|\.[cm]?js$/.test(format)) throw new UsageError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}, or the path of a formatter module such as ./my-formatter.js`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${values['max-warnings']}"`);
  }
  const printConfig = values['print-config'];
  const sources = Number(values.text !== undefined) + Number(values.stdin === true) + Number(positionals.length > 0);
  if (sources === 0 && printConfig === undefined) throw new UsageError('nothing to lint: give files, --text or --stdin. Run "postlint --help" for the options.');
  if (sources > 1) throw new UsageError('give files, --text or --stdin, not several of them');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (values.fix && values['fix-dry-run']) throw new UsageError('give --fix or --fix-dry-run, not both');
  if (values.quiet && values.verbose) throw new UsageError('give --quiet or --verbose, not both');
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
  if (values.language !== undefined && !LANGUAGE_SETTINGS.includes(values.language)) {
    throw new UsageError(`unknown language "${values.language}"; use one of ${LANGUAGE_SETTINGS.join(', ')}`);
  }
  if (printConfig !== undefined) {
    io.stdout(JSON.stringify(describeConfig(config, path.resolve(cwd, printConfig), values.channel, values.language), null, 2) + '\n');
    return 0;
  }
  warnAboutMissingProducts(config, io);
  const toStdout = values.fix === true && positionals.length === 0;
  let vectorsMissing = false;
  const lintOptions = {
    config,
    channel: values.channel,
    language: values.language as LintOptions['language'],
    fix: values.fix === true || values['fix-dry-run'] === true,
    reportUnused: values['report-unused-disable-directives'] ? ('error' as const) : undefined,
    onWordVectorsMissing: () => {
      vectorsMissing = true;
    },
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
      ignored: await ignoreTest(cwd, ignoreLines, config.base, values['no-ignore'] ? [] : config.ignorePatterns),
      errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
      onIgnored: (file) => io.stderr(`postlint: warning: ${displayPath(cwd, file)} is ignored (by .postlintignore or the config's ignorePatterns), so it was not linted; use --no-ignore to lint it\n`),
    });
    const { lintPaths } = await import('./engine.js');
    reports = await lintPaths(files, cwd, lintOptions);
  }

  // Without the vectors a key message said in other words reads as missing: the user should know why.
  if (vectorsMissing) io.stderr(`postlint: note: key messages were read by their words, stems and synonyms only; install @postlint/vectors-en to read them by meaning too (see "Install" in postlint's README)\n`);

  // A file that is not UTF-8 or UTF-16 text is never linted nor written; the others are linted, and
  // with --fix none is written either (a run fixes all its files or none), so they are linted as they are.
  const unreadable = reports.filter((report) => report.unreadable !== undefined);
  for (const report of unreadable) io.stderr(`postlint: ${report.file}: ${report.unreadable}; nothing was written\n`);
  if (unreadable.length > 0) {
    reports = reports.filter((report) => report.unreadable === undefined);
    if (values.fix) {
      const { lintPaths } = await import('./engine.js');
      reports = await lintPaths(reports.map((report) => report.filePath!), cwd, { ...lintOptions, fix: false });
      // Otherwise the summary's "fixable with --fix" reads as if --fix had not been given.
      if (reports.flatMap(allMessages).some((m) => m.fix)) {
        const files = unreadable.length === 1 ? 'a file' : `${unreadable.length} files`;
        io.stderr(`postlint: --fix wrote no file, because ${files} could not be read (a run fixes all its files or none); the problems below are as the files stand\n`);
      }
    }
  }
  const readExit = unreadable.length > 0 ? 2 : 0;

  if (values.split) return Math.max(readExit, printThreads(reports, format, io, (file) => config.forFile(file).options as LintOptions));

  if (values.fix && !toStdout) {
    const { writeFileAtomic } = await import('./write.js');
    const { encodeTextFile } = await import('./text-file.js');
    for (const report of reports) {
      if (report.filePath && report.output !== undefined) {
        try {
          writeFileAtomic(report.filePath, report.encoding ? encodeTextFile(report.output, report.encoding) : report.output);
        } catch (error) {
          throw new ReadError(`cannot write the fixed ${report.file}: ${(error as Error).message}`);
        }
      }
    }
  }

  if (values.quiet) {
    const errorsOnly = (messages: readonly Diagnostic[]) => messages.filter((m) => m.severity === 'error');
    for (const report of reports) {
      if (report.messages) report.messages = errorsOnly(report.messages);
      for (const post of report.posts) post.result = { ...post.result, messages: errorsOnly(post.result.messages) };
    }
  }
  const messages = reports.flatMap(allMessages);
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;

  const context = { rules: { ...builtinRules, ...pluginRules(config.plugins) }, version: io.version, verbose: values.verbose === true };
  const color = values['no-color'] ? false : values.color ? true : io.color && values['output-file'] === undefined && !toStdout;
  const colors = color ? (await import('picocolors')).default.createColors(true) : undefined;
  let out: string;
  if (customFormat) out = await runCustomFormatter(path.resolve(cwd, format), format, reports, context);
  else {
    const { format: render } = await import('../format/index.js');
    out = render(format as (typeof FORMAT_NAMES)[number], reports, context, colors);
  }
  const textual = format === 'stylish';
  if (values['fix-dry-run'] && format !== 'json' && format !== 'html' && !customFormat) {
    const fixedTexts = reports.filter((r) => r.output !== undefined).map((r) => `${r.file} (${r.fixed} fix${r.fixed === 1 ? '' : 'es'} would apply):\n${r.output}${r.output!.endsWith('\n') ? '' : '\n'}`);
    if (fixedTexts.length && format !== 'sarif' && format !== 'github') out = fixedTexts.join('\n') + '\n' + out;
  }
  if (textual) {
    const lengthErrors = messages.some((m) => m.ruleId === 'max-length' && m.severity === 'error');
    if (lengthErrors) out += `${colors ? colors.dim('Too long?') : 'Too long?'} postlint --split ${splitTarget(reports, values.channel)} prints the draft as a thread (or SMS parts) whose every part fits.\n`;
    out += campaignSummaries(reports, colors);
  }
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    const note = `postlint found too many warnings (maximum: ${maxWarnings}).\n`;
    if (format === 'stylish' || format === 'compact') out += note;
    else io.stderr(note);
  }
  if (toStdout) {
    // `--stdin --fix` is a filter: the fixed text alone on stdout, the problems left on stderr.
    const report = reports[0]!;
    io.stdout(report.output ?? report.source ?? '');
    if (out) io.stderr(out);
  } else if (values['output-file'] !== undefined) {
    const { writeFileAtomic } = await import('./write.js');
    writeFileAtomic(path.resolve(cwd, values['output-file']), out);
  } else {
    io.stdout(out);
  }
  return readExit || (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0);
}

/** What to name in the --split hint: the one file, or a placeholder. */
function splitTarget(reports: readonly FileReport[], channel: string | undefined): string {
  const withLength = reports.filter((r) => allMessages(r).some((m) => m.ruleId === 'max-length'));
  const named = withLength.length === 1 && withLength[0]!.filePath ? quoteArg(withLength[0]!.file) : '<file>';
  return channel ? `--channel ${channel} ${named}` : named;
}

const quoteArg = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** `-f ./my-formatter.js`: a module whose default export (or `format`) turns the results into text. */
async function runCustomFormatter(file: string, shown: string, reports: FileReport[], context: FormatContext): Promise<string> {
  const { pathToFileURL } = await import('node:url');
  let loaded: { default?: unknown; format?: unknown };
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new UsageError(`cannot load the formatter ${shown}: ${(error as Error).message.split('\n')[0]}`);
  }
  const formatter = (typeof loaded.default === 'function' ? loaded.default : typeof loaded.format === 'function' ? loaded.format : undefined) as Formatter | undefined;
  if (!formatter) throw new UsageError(`the formatter ${shown} exports no function: export default (results, context) => string`);
  const out = await formatter(reports, context);
  if (typeof out !== 'string') throw new UsageError(`the formatter ${shown} returned ${typeof out}, not a string`);
  return out;
}

const PHARMA_RULES = Object.keys(presets.pharma ?? {}).filter((id) => !(id in (presets.recommended ?? {})));

/** The pharma rules check products; with none configured they check nothing, and the user should know. */
function warnAboutMissingProducts(config: ResolvedConfig, io: CliIO): void {
  const options = config.forFile(undefined).options;
  if (options.products?.length) return;
  const on = PHARMA_RULES.filter((id) => {
    const setting = options.rules?.[id];
    const level = Array.isArray(setting) ? setting[0] : setting;
    return level !== undefined && level !== 'off';
  });
  if (on.length === 0) return;
  io.stderr(`postlint: warning: the pharma rules (${on.join(', ')}) check nothing without products: give --products <file.json> or add "products" to the config (see docs/pharma.md)\n`);
}

/** `--print-config <file>`: the settings that apply to a file, as the CLI would lint it. */
function describeConfig(config: ResolvedConfig, file: string, channel: string | undefined, language: string | undefined) {
  const settings = config.forFile(file);
  const { options } = settings;
  return {
    file,
    configFile: config.file ?? null,
    channel: channel ?? settings.channel ?? 'x',
    language: language ?? options.language ?? 'auto',
    rules: options.rules ?? {},
    channels: Object.fromEntries(Object.entries(options.channels ?? {}).map(([id, c]) => [id, { name: c.name, limit: c.limit, unit: c.counter.unit, rendersMarkdown: c.rendersMarkdown }])),
    ...(options.longFormChannels ? { longFormChannels: options.longFormChannels } : {}),
    ...(options.products ? { products: options.products } : {}),
    ...(options.contacts ? { contacts: options.contacts } : {}),
    ...(options.campaign ? { campaign: options.campaign } : {}),
    ignorePatterns: config.ignorePatterns,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives ?? 'off',
  };
}

const CONFIG_NAMES = ['.postlintrc', '.postlintrc.json', '.postlintrc.yaml', '.postlintrc.yml', 'postlint.config.js', 'postlint.config.mjs', 'postlint.config.cjs', 'postlint.config.json'];

/** `--init`: asks (or takes --channel and --preset) and writes .postlintrc.yaml in the working folder. */
async function initConfig(cwd: string, channel: string | undefined, preset: string | undefined, io: CliIO): Promise<number> {
  const { existsSync } = await import('node:fs');
  const existing = CONFIG_NAMES.find((name) => existsSync(path.join(cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists here: edit it, or remove it and run --init again`);
  const channelIds = Object.keys(channels);
  const presetNames = Object.keys(presets).filter((p) => p !== 'none');
  const ask = async (question: string, choices: string[], fallback: string, given: string | undefined, what: string): Promise<string> => {
    if (given !== undefined) {
      if (!choices.includes(given)) throw new UsageError(`unknown ${what} "${given}"; use one of ${choices.join(', ')}`);
      return given;
    }
    if (!io.prompt) return fallback;
    for (let attempt = 0; attempt < 3; attempt++) {
      const answer = (await io.prompt(`${question} (${choices.join(', ')}) [${fallback}]: `)).trim().toLowerCase();
      if (answer === '') return fallback;
      if (choices.includes(answer)) return answer;
      io.stderr(`"${answer}" is not one of ${choices.join(', ')}\n`);
    }
    throw new UsageError(`no ${what} chosen; run postlint --init --channel <id> --preset <name>`);
  };
  const chosenChannel = await ask('Which channel do your drafts go to most?', channelIds, 'x', channel, 'channel');
  const chosenPreset = await ask('Which rules: recommended, health (plain language, readability, cancer language) or pharma (medicines)?', presetNames, 'recommended', preset, 'preset');
  const lines = [
    '# postlint configuration (docs/configuration.md). A draft can name its own channel in front matter.',
    `extends: ${chosenPreset}`,
    `channel: ${chosenChannel}`,
    'rules: {}',
    "# Your organisation's own contact details: never reported as personal data.",
    '# contacts:',
    '#   phones: ["0808 800 4040"]',
    '#   emails: [nurses@example.org]',
    '#   handles: ["@OurCharity"]',
    '#   domains: [example.org]',
  ];
  if (chosenPreset === 'pharma') {
    lines.push(
      '# The pharma rules check the products listed here (or in --products <file.json>); without any they check nothing.',
      'products:',
      '  - brand: Zelvaxa',
      '    established: zelvarimab',
      '    riskInfo: [serious infections, liver injury]',
      '    riskUrl: https://example.com/zelvaxa/risk',
      '    prescriptionOnly: true',
      '    markets: [US]',
    );
  }
  const { writeFileAtomic } = await import('./write.js');
  writeFileAtomic(path.join(cwd, '.postlintrc.yaml'), lines.join('\n') + '\n');
  io.stdout(`Wrote .postlintrc.yaml (channel ${chosenChannel}, preset ${chosenPreset}). Lint your drafts with: npx postlint drafts/\n`);
  return 0;
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

/**
 * `--split`: each draft's published text as a thread that fits its channel. A campaign plan comes
 * out whole, each draft too long for its channel split in place; a thread document keeps its posts,
 * each one too long split into parts (without numbers: `--fix` then numbers the thread).
 */
function printThreads(reports: FileReport[], format: string, io: CliIO, optionsFor: (filePath: string | undefined) => LintOptions): number {
  const threads = reports.map((report) => {
    const options = optionsFor(report.filePath);
    const { channels } = options;
    if (report.campaign) return { file: report.file, output: linter.splitCampaign(report.source ?? '', options) };
    const body = splitDraft(report.source ?? '', { markdown: /\.(?:md|markdown|mdx)$/i.test(report.file) }).body;
    const channel = report.posts[0]!.result.channel;
    const posts = report.posts.length > 1 ? threadParts(body) : [body];
    const parts = posts.flatMap((post) => (posts.length > 1 ? (measure(post, channel, { channels }).fits ? [post] : split(post, channel, { channels, numbering: 'none' })) : split(post, channel, { channels })));
    return { file: report.file, parts };
  });
  if (format === 'json') io.stdout(JSON.stringify(threads, null, 2) + '\n');
  else {
    const many = threads.length > 1;
    const shown = (thread: (typeof threads)[number]) => ('output' in thread ? thread.output!.replace(/\n$/, '') : thread.parts!.join(THREAD_SEPARATOR));
    io.stdout(threads.map((thread) => (many ? `${thread.file}\n\n` : '') + shown(thread)).join('\n\n===\n\n') + '\n');
  }
  return 0;
}

/** `--rule 'id: severity'` or `--rule 'id: [severity, {option: value}]'` (YAML flow, as ESLint's levn). */
async function parseRuleFlags(flags: string[]): Promise<Record<string, RuleSetting>> {
  const { parse } = commonJs(await import('yaml'), 'parse');
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
