import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { defineRule } from '../../src/rule/rule.js';
import { rules } from '../../rules/index.js';
import { presets } from '../../rules/presets.js';
import { lintText } from '../../src/node/api.js';
import { defineConfig } from '../../src/node/config-schema.js';
import { loadConfig, PostlintConfigFileError } from '../../src/node/config.js';
import { cli, tempDir } from '../helpers/cli.js';

// Each supported form sets channel: sms, so a found config shows in the result's channel.
const FORMS: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'drafts', postlint: { channel: 'sms' } }),
  '.postlintrc': 'channel: sms\n',
  '.postlintrc.json': '{ "channel": "sms" }',
  '.postlintrc.yaml': 'channel: sms\n',
  '.postlintrc.yml': 'channel: sms\n',
  'postlint.config.js': 'module.exports = { channel: "sms" };\n',
  'postlint.config.mjs': 'export default { channel: "sms" };\n',
  'postlint.config.cjs': 'module.exports = { channel: "sms" };\n',
  'postlint.config.json': '{ "channel": "sms" }',
};

describe('config discovery', () => {
  for (const [name, content] of Object.entries(FORMS)) {
    it(`finds ${name} in the working folder`, async () => {
      const dir = tempDir({ [name]: content });
      const report = await lintText('Hello', { cwd: dir });
      expect(report.posts[0]!.result.channel).toBe('sms');
      const config = await loadConfig({ cwd: dir });
      expect(config.file).toBe(path.join(dir, name));
    });
  }

  it('searches upward from the working folder', async () => {
    const dir = tempDir({ '.postlintrc.yaml': 'channel: bluesky\n', 'drafts/deep/a.txt': 'Hi' });
    const config = await loadConfig({ cwd: path.join(dir, 'drafts', 'deep') });
    expect(config.file).toBe(path.join(dir, '.postlintrc.yaml'));
    expect(config.forFile(undefined).channel).toBe('bluesky');
  });

  it('takes --config over the search, and --no-config ignores config files', async () => {
    const dir = tempDir({ '.postlintrc.json': '{ "channel": "sms" }', 'other.yaml': 'channel: mastodon\n' });
    expect((await cli(dir, ['--config', 'other.yaml', '--format', 'json', '--text', 'Hi'])).stdout).toContain('"channel": "mastodon"');
    expect((await cli(dir, ['--no-config', '--format', 'json', '--text', 'Hi'])).stdout).toContain('"channel": "x"');
    const missing = await cli(dir, ['--config', 'nope.json', '--text', 'Hi']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`postlint: ${path.join(dir, 'nope.json')}: (file): no such config file\n`);
  });

  it('defineConfig returns the config as written', () => {
    const config = { channel: 'x', rules: { 'max-hashtags': 'off' as const } };
    expect(defineConfig(config)).toBe(config);
  });
});

describe('config validation: file, key path, expected; exit 2; nothing written', () => {
  const cases: [string, string, string][] = [
    ['.postlintrc.json', '{ "rules": { "max-lenght": "error" } }', `.postlintrc.json: rules.max-lenght: unknown rule; use one of ${Object.keys(rules).sort().join(', ')}`],
    ['.postlintrc.yaml', 'rules:\n  max-length: eror\n', `.postlintrc.yaml: rules.max-length: unknown severity "eror"; use 'off', 'warn', 'error' or 'info'`],
    ['.postlintrc.json', '{ "rules": { "max-hashtags": ["warn", 5] } }', '.postlintrc.json: rules.max-hashtags[1]: options must be an object, e.g. ["error", { ... }]'],
    ['.postlintrc.json', '{ "channel": 5 }', '.postlintrc.json: channel: expected a string, got 5'],
    ['.postlintrc.json', '{ "rulez": {} }', '.postlintrc.json: rulez: unknown key in a config; allowed keys are extends, channel, rules, channels, campaign, products, contacts, longFormChannels, language, overrides, ignorePatterns, reportUnusedDisableDirectives, plugins'],
    ['.postlintrc.json', '{ "channel": "myspace" }', '.postlintrc.json: channel: unknown channel "myspace"; use one of x, x-140, bluesky, mastodon, threads, linkedin, instagram, facebook, sms, email, web, helpline or define it under "channels"'],
    ['.postlintrc.json', '{ "channels": { "my-instance": { "extends": "mastodon", "limit": "1000" } } }', '.postlintrc.json: channels.my-instance.limit: Invalid type: Expected number but received "1000"'],
    ['.postlintrc.json', '{ "overrides": [{ "files": "sms/**", "rules": { "max-length": "loud" } }] }', `.postlintrc.json: overrides[0].rules.max-length: unknown severity "loud"; use 'off', 'warn', 'error' or 'info'`],
    ['.postlintrc.json', '{ "overrides": [{ "rules": {} }] }', '.postlintrc.json: overrides[0].files: missing: this key is required'],
    ['.postlintrc.json', '{ "language": "es" }', '.postlintrc.json: language: expected ("auto" | "en" | "de" | "fr"), got "es"'],
    ['.postlintrc.json', '{ "overrides": [{ "files": "fr/**", "language": "french" }] }', '.postlintrc.json: overrides[0].language: expected ("auto" | "en" | "de" | "fr"), got "french"'],
    ['.postlintrc.json', '{ "extends": "no-such-preset" }', `.postlintrc.json: extends: "no-such-preset" is neither a built-in preset (${Object.keys(presets).join(', ')}) nor an installed package or file of a shareable config`],
    ['postlint.config.json', '{ "channel": ', 'postlint.config.json: (file): cannot parse:'],
  ];
  for (const [name, content, expected] of cases) {
    it(expected.slice(0, 90), async () => {
      const dir = tempDir({ [name]: content, 'draft.md': '**Bold** news\n' });
      const before = readFileSync(path.join(dir, 'draft.md'), 'utf8');
      const result = await cli(dir, ['draft.md', '--fix', '--output-file', 'report.txt']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith('postlint: ')).toBe(true);
      expect(result.stderr).toContain(expected);
      expect(readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(before);
      expect(existsSync(path.join(dir, 'report.txt'))).toBe(false);
    });
  }

  it('checks rule options against the rule schema, naming the option', async () => {
    const plugin = defineRule<{ max: number }>({
      meta: {
        id: 'max-exclamations',
        description: 'No more exclamation marks than this.',
        severity: 'warning',
        fixable: false,
        messages: { many: 'Too many' },
        schema: v.strictObject({ max: v.number() }),
        defaults: { max: 1 },
        docs: { why: 'Calm.', correct: [], incorrect: [] },
      },
      check: () => {},
    });
    const error = await lintText('Hi', { cwd: tempDir(), configFile: false, overrideConfig: { plugins: { calm: { rules: { 'max-exclamations': plugin } } }, rules: { 'calm/max-exclamations': ['warn', { max: 'two' }] } } }).catch((e) => e);
    expect(error).toBeInstanceOf(PostlintConfigFileError);
    expect(error.message).toBe('overrideConfig: rules.calm/max-exclamations[1].max: Invalid type: Expected number but received "two"');
  });
});

describe('extends, channels and overrides', () => {
  it('builds on recommended by default, and `extends: none` starts empty', async () => {
    const dir = tempDir({ '.postlintrc.json': '{ "extends": "none", "rules": { "max-length": "warn" } }' });
    const report = await lintText('**Bold** ' + 'x'.repeat(290), { cwd: dir });
    expect(report.posts[0]!.result.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['max-length:warning']);
    const plain = await lintText('**Bold** ' + 'x'.repeat(290), { cwd: tempDir() });
    expect(plain.posts[0]!.result.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['no-markdown:warning', 'max-length:error']);
  });

  it('loads shareable configs from npm packages (CommonJS and ESM-only), by full or short name, and from paths', async () => {
    const dir = tempDir({
      'node_modules/postlint-config-charity/package.json': JSON.stringify({ name: 'postlint-config-charity', main: 'index.js' }),
      'node_modules/postlint-config-charity/index.js': 'module.exports = { extends: "none", channel: "bluesky", rules: { "max-hashtags": ["error", { "max": 1 }] } };',
      'node_modules/@nhs-comms/postlint-config/package.json': JSON.stringify({ name: '@nhs-comms/postlint-config', type: 'module', exports: { '.': { import: './config.js' } } }),
      'node_modules/@nhs-comms/postlint-config/config.js': 'export default { channels: { "nhs-mastodon": { extends: "mastodon", limit: 1000 } }, channel: "nhs-mastodon" };',
      'configs/team.yaml': 'rules:\n  max-mentions: off\n',
    });
    const short = await loadConfig({ cwd: dir, overrideConfig: { extends: 'charity' }, configFile: false });
    expect(short.forFile(undefined).channel).toBe('bluesky');
    expect(short.forFile(undefined).options.rules).toMatchObject({ 'max-hashtags': ['error', { max: 1 }] });

    writeConfig(dir, { extends: ['postlint-config-charity', '@nhs-comms/postlint-config', './configs/team.yaml'], rules: { 'max-hashtags': 'warn' } });
    const report = await lintText('#one #two ' + 'y'.repeat(600), { cwd: dir });
    const { result } = report.posts[0]!;
    expect(result.channel).toBe('nhs-mastodon');
    expect(result.measure.limit).toBe(1000);
    // A severity-only setting keeps the options the shared config gave (max: 1).
    expect(result.messages.map((m) => `${m.ruleId}:${m.severity}:${m.message}`)).toEqual(['max-hashtags:warning:2 hashtags, over your limit of 1: remove 1']);
  });

  it('reports a shareable config that is not installed, and an extends cycle', async () => {
    const dir = tempDir({ 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./a.json" }' });
    const cycle = await cli(dir, ['--config', 'a.json', '--text', 'Hi']);
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/extends: "\.\/a\.json" extends itself in a cycle\n$/);
  });

  it('applies overrides by glob: channel and rules per folder or file name', async () => {
    const dir = tempDir({
      '.postlintrc.yaml': [
        'channel: bluesky',
        'overrides:',
        '  - files: "drafts/sms/**"',
        '    channel: sms',
        '  - files: "*.linkedin.md"',
        '    channel: linkedin',
        '    rules:',
        '      no-markdown: off',
        '',
      ].join('\n'),
      'drafts/sms/reminder.txt': 'Your screening is due. Book on 0808 800 4040.',
      'drafts/posts/launch.linkedin.md': '**Launch** day',
      'drafts/posts/launch.md': '**Launch** day',
    });
    const result = await cli(dir, ['drafts', '--format', 'json']);
    const files = JSON.parse(result.stdout) as { filePath: string; channel: string; messages: { ruleId: string }[] }[];
    expect(files.map((f) => [f.filePath, f.channel, f.messages.map((m) => m.ruleId).join()])).toEqual([
      ['drafts/posts/launch.linkedin.md', 'linkedin', ''],
      ['drafts/posts/launch.md', 'bluesky', 'no-markdown'],
      ['drafts/sms/reminder.txt', 'sms', ''],
    ]);
  });
});

describe('language', () => {
  it("sets the drafts' language, per folder with overrides, below a file's own lang: and --language above the config", async () => {
    const german = 'Unsere Pflegekräfte sind am Wochenende für Sie da: rufen Sie uns an oder lesen Sie unseren Ratgeber.';
    const dir = tempDir({
      '.postlintrc.yaml': ['language: en', 'overrides:', '  - files: "fr/**"', '    language: fr', ''].join('\n'),
      'de/a.txt': german,
      'fr/b.txt': german,
      'de/c.md': `---\nlang: de\n---\n${german}\n`,
    });
    const languages = async (argv: string[]) =>
      (JSON.parse((await cli(dir, [...argv, '--format', 'json'])).stdout) as { filePath: string; language: string }[]).map((f) => [f.filePath, f.language]);
    expect(await languages(['.'])).toEqual([['de/a.txt', 'en'], ['de/c.md', 'de'], ['fr/b.txt', 'fr']]);
    expect(await languages(['.', '--language', 'auto'])).toEqual([['de/a.txt', 'de'], ['de/c.md', 'de'], ['fr/b.txt', 'de']]);
    const printed = JSON.parse((await cli(dir, ['--print-config', 'fr/b.txt'])).stdout);
    expect(printed.language).toBe('fr');
  });
});

describe('campaign and excludedFiles', () => {
  it('passes the campaign to the lint options and honours excludedFiles', async () => {
    const dir = tempDir({
      '.postlintrc.yaml': [
        'campaign:',
        '  name: Spot It Early',
        '  hashtags: ["#SpotItEarly"]',
        'overrides:',
        '  - files: "drafts/**"',
        '    excludedFiles: "*.long.md"',
        '    channel: bluesky',
        '',
      ].join('\n'),
    });
    const config = await loadConfig({ cwd: dir });
    expect(config.forFile(path.join(dir, 'drafts/a.md'))).toMatchObject({ channel: 'bluesky', options: { campaign: { name: 'Spot It Early', hashtags: ['#SpotItEarly'] } } });
    expect(config.forFile(path.join(dir, 'drafts/b.long.md')).channel).toBeUndefined();
    expect(config.forFile(path.join(dir, 'drafts/a.md')).options).toBe(config.forFile(path.join(dir, 'drafts/c.md')).options);
  });
});

function writeConfig(dir: string, config: object) {
  writeFileSync(path.join(dir, '.postlintrc.json'), JSON.stringify(config));
}
