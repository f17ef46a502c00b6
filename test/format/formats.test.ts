import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../rules/index.js';
import { lint } from '../../src/index.js';
import { formatCompact } from '../../src/format/compact.js';
import { formatGithub } from '../../src/format/github.js';
import { formatJson } from '../../src/format/json.js';
import { formatSarif } from '../../src/format/sarif.js';
import type { FormattedFile } from '../../src/format/types.js';
import { cli, overLongX, tempDir } from '../helpers/cli.js';

// The official SARIF 2.1.0 schema (rtm.5, draft-04), as shipped in @microsoft/jest-sarif: no network at test time.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const sarifSchema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// unicodeRegExp: false because the schema's language pattern is not valid with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const draft = 'Big news, **read** it: ' + 'x'.repeat(270);
function files(): FormattedFile[] {
  return [
    { file: 'drafts/launch, day.md', source: draft, posts: [{ result: lint({ text: draft, channel: 'x' }) }] },
    { file: 'drafts/clean.txt', source: 'All good', posts: [{ result: lint({ text: 'All good', channel: 'x' }) }] },
  ];
}
const context = { rules, version: '1.2.3' };

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(files(), context));
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has what GitHub code scanning reads: rules with help, levels, 1-based UTF-16 regions, fingerprints', () => {
    const log = JSON.parse(formatSarif(files(), context));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'postlint', version: '1.2.3' });
    // Every rule, and the ids of problems with the file itself (front matter, plan structure, unused or mistyped directives).
    const ids = [...Object.keys(rules), 'front-matter', 'campaign-file', 'unused-disable-directive', 'unknown-rule-in-directive'].sort();
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ids);
    const index = (id: string) => ids.indexOf(id);
    expect(run.tool.driver.rules[index('front-matter')].helpUri).toMatch(/docs\/rules\.md#front-matter$/);
    expect(run.tool.driver.rules[index('campaign-file')].shortDescription.text).toMatch(/heading starts with a known channel id/);
    expect(run.tool.driver.rules[index('unknown-rule-in-directive')].defaultConfiguration.level).toBe('warning');
    expect(run.tool.driver.rules[index('front-matter')].defaultConfiguration.level).toBe('error');
    const noMarkdown = run.tool.driver.rules[index('no-markdown')];
    expect(noMarkdown.shortDescription.text).toBe(rules['no-markdown']!.meta.description);
    expect(noMarkdown.help.text.startsWith(rules['no-markdown']!.meta.docs.why)).toBe(true);
    expect(noMarkdown.helpUri).toBe('https://github.com/postlint/postlint/blob/main/docs/rules.md#no-markdown');
    expect(run.results.map((r: any) => [r.ruleId, r.ruleIndex, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region])).toEqual([
      ['no-markdown', index('no-markdown'), 'warning', 'drafts/launch,%20day.md', { startLine: 1, startColumn: 11, endLine: 1, endColumn: 19 }],
      ['max-length', index('max-length'), 'error', 'drafts/launch,%20day.md', { startLine: 1, startColumn: 281, endLine: 1, endColumn: 294 }],
    ]);
    expect(run.results[0].message.text).toBe('X does not show bold: readers will see "**read**" as typed; write "read"');
    expect(run.results[0].partialFingerprints['postlint/v1']).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps a finding\'s fingerprint when the draft changes elsewhere, and tells repeats apart', () => {
    const fingerprints = (text: string) =>
      JSON.parse(formatSarif([{ file: 'a.md', source: text, posts: [{ result: lint({ text, channel: 'x' }) }] }], context)).runs[0].results.map(
        (r: any) => r.partialFingerprints['postlint/v1'],
      );
    const [before] = fingerprints('Read **this** now');
    const [after] = fingerprints('Please, read **this** today');
    expect(after).toBe(before);
    const twice = fingerprints('**this** and **this**');
    expect(twice).toHaveLength(2);
    expect(twice[0]).not.toBe(twice[1]);
  });

  it('is valid for a run with no results and via the CLI', async () => {
    expect(validateSarif(JSON.parse(formatSarif([], context)))).toBe(true);
    const dir = tempDir({ 'long.txt': overLongX });
    const result = await cli(dir, ['long.txt', '--format', 'sarif']);
    expect(result.code).toBe(1);
    expect(validateSarif(JSON.parse(result.stdout))).toBe(true);
  });
});

describe('github', () => {
  it('writes one workflow command per message, escaping properties and data', () => {
    const out = formatGithub(files());
    expect(out).toBe(
      '::warning file=drafts/launch%2C day.md,line=1,col=11,endLine=1,endColumn=19,title=postlint(no-markdown)::X does not show bold: readers will see "**read**" as typed; write "read"\n' +
        '::error file=drafts/launch%2C day.md,line=1,col=281,endLine=1,endColumn=294,title=postlint(max-length)::Too long for X: 293/280 weighted characters, 13 over: shorten it or split it into a thread\n',
    );
  });

  it('maps info to notice and escapes line breaks in messages', () => {
    const result = lint({ text: 'Hi', channel: 'x' });
    result.messages.push({ ...result.measure, ruleId: 'demo', severity: 'info', message: '50% done\nnext: step', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 }, url: '' } as any);
    expect(formatGithub([{ file: 'a:b.md', posts: [{ result }] }])).toBe('::notice file=a%3Ab.md,line=1,col=1,endLine=1,endColumn=3,title=postlint(demo)::50%25 done%0Anext: step\n');
  });
});

describe('compact', () => {
  it('prints one line per problem and a total', () => {
    expect(formatCompact(files())).toBe(
      'drafts/launch, day.md: line 1, col 11, Warning - X does not show bold: readers will see "**read**" as typed; write "read" (no-markdown)\n' +
        'drafts/launch, day.md: line 1, col 281, Error - Too long for X: 293/280 weighted characters, 13 over: shorten it or split it into a thread (max-length)\n' +
        '\n2 problems (1 error, 1 warning)\n',
    );
    expect(formatCompact([files()[1]!])).toBe('');
  });
});

describe('json', () => {
  it('gives one object per file with counts, channel, language, measurement and messages', () => {
    const parsed = JSON.parse(formatJson(files()));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      filePath: 'drafts/launch, day.md',
      errorCount: 1,
      warningCount: 1,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      channel: 'x',
      language: 'en',
      measure: { channel: 'x', count: 293, limit: 280, unit: 'weighted characters', remaining: -13, fits: false, overflowStart: 280 },
    });
    expect(parsed[0].messages.map((m: any) => [m.ruleId, m.severity, m.start, m.end])).toEqual([
      ['no-markdown', 'warning', { line: 1, column: 11, offset: 10 }, { line: 1, column: 19, offset: 18 }],
      ['max-length', 'error', { line: 1, column: 281, offset: 280 }, { line: 1, column: 294, offset: 293 }],
    ]);
    expect(Object.keys(parsed[1])).toEqual(['filePath', 'errorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount', 'channel', 'language', 'measure', 'messages']);
  });
});

describe('stylish through the CLI', () => {
  it('prints positions, severities, messages, rule ids, the measurement and a total', async () => {
    const dir = tempDir({ 'long.txt': overLongX + '\n' });
    const result = await cli(dir, ['long.txt']);
    expect(result.stdout).toBe('long.txt\n  1:281  error  Too long for X: 367/280 weighted characters, 87 over: shorten it or split it into a thread  max-length\n  x: 367/280 weighted characters\n\n1 problem (1 error, 0 warnings)\nToo long? postlint --split long.txt prints the draft as a thread (or SMS parts) whose every part fits.\n');
  });
});
