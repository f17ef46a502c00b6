import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigCache, type LoadedConfig } from '../../src/lsp/config.js';
import { codeActions, inlayHints, toLspDiagnostics } from '../../src/lsp/convert.js';
import { fixAll, lintDocument, type DocumentTarget } from '../../src/lsp/document.js';
import { loadConfig, type ResolvedConfig } from '../../src/node/config.js';
import { lint } from '../../src/index.js';
import { defineRule } from '../../src/rule/rule.js';
import type { LintOptions } from '../../src/engine/options.js';

// A rule shaped like max-length's thread suggestion (issue 6): the server must offer any suggestion, whatever its rule.
const splitter = defineRule({
  meta: {
    id: 'test-split',
    description: 'Offers to split a draft at its first full stop.',
    severity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: { long: 'too long' },
    defaults: {},
    docs: { why: 'test', correct: [], incorrect: [] },
  },
  check({ text, report }) {
    const stop = text.indexOf('. ');
    if (stop < 0) return;
    report({
      messageId: 'long',
      start: 0,
      end: text.length,
      suggestions: [{ title: 'Split into a 2-post thread', fix: { edits: [{ range: [stop + 1, stop + 2], text: '\n\n---\n\n' }] } }],
    });
  },
});

// Reports every pair of spaces, overlapping ones too: one pass of fixes cannot take them all.
const doubleSpace = defineRule({
  meta: {
    id: 'test-double-space',
    description: 'Two spaces become one.',
    severity: 'warning',
    fixable: true,
    messages: { double: 'two spaces' },
    defaults: {},
    docs: { why: 'test', correct: [], incorrect: [] },
  },
  check({ text, report }) {
    for (let i = text.indexOf('  '); i >= 0; i = text.indexOf('  ', i + 1)) {
      report({ messageId: 'double', start: i, end: i + 2, fix: { edits: [{ range: [i, i + 2], text: ' ' }] } });
    }
  },
});

const rules = { 'test/split': 'warn', 'test/double-space': 'warn', 'no-markdown': 'warn', 'invalid-characters': 'error' } as const;
const plugins = { test: { rules: { split: splitter, 'double-space': doubleSpace } } };
const options: LintOptions = { preset: 'none', rules, plugins };
let config: ResolvedConfig;
beforeAll(async () => {
  config = await loadConfig({ cwd: tmpdir(), configFile: false, preset: 'none', overrideConfig: { rules, plugins } });
});
const target = (filePath = '/drafts/d.md'): DocumentTarget => ({ filePath, markdown: filePath.endsWith('.md'), config, defaultChannel: 'x' });
const everywhere = (document: TextDocument) => ({ start: document.positionAt(0), end: document.positionAt(document.getText().length) });
const actionsFor = (document: TextDocument, only?: string[]) => {
  const linted = lintDocument(document.version, document.getText(), target(document.uri.slice('file://'.length)));
  return codeActions(document, linted, { range: everywhere(document), versioned: false, ...(only ? { only } : {}) }, () => fixAll(document.getText(), target(document.uri.slice('file://'.length))));
};

describe('code actions', () => {
  it('offers every suggestion as a quick fix that is not preferred, and applies it at the right place', () => {
    const text = '---\nchannel: x\n---\r\nFirst part. Second **part**.';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const actions = actionsFor(document);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Split into a 2-post thread', 'quickfix', false],
      ['Fix: X does not show bold: readers will see "**part**" as typed; write "part"', 'quickfix', true],
      ['Fix all postlint problems', 'source.fixAll.postlint', false],
    ]);
    const split = actions[0]!.edit!.changes!['file:///d.md']!;
    expect(TextDocument.applyEdits(document, split)).toBe('---\nchannel: x\n---\r\nFirst part.\n\n---\n\nSecond **part**.');
    // Fix all applies fixes, never suggestions: those need the writer's judgement. One edit, the whole document.
    const all = actions[2]!.edit!.changes!['file:///d.md']!;
    expect(all.map((edit) => edit.range)).toEqual([everywhere(document)]);
    expect(TextDocument.applyEdits(document, all)).toBe('---\nchannel: x\n---\r\nFirst part. Second part.');
  });

  it('keeps only the actions of the kinds the client asks for', () => {
    const document = TextDocument.create('file:///d.md', 'markdown', 1, 'First part. Second **part**.');
    expect(actionsFor(document, ['source']).map((a) => a.kind)).toEqual(['source.fixAll.postlint']);
    expect(actionsFor(document, ['refactor'])).toEqual([]);
  });

  it('fixes all in several passes, as --fix does: overlapping fixes get their turn on the next pass', () => {
    // Pairs of spaces at 1, 2 and 3 overlap: one pass takes those at 1 and 3 ("a  b"), the next the one left.
    const document = TextDocument.create('file:///d.txt', 'plaintext', 1, 'a    b');
    const linted = lintDocument(1, 'a    b', target('/drafts/d.txt'));
    expect(linted.messages.map((m) => [m.ruleId, m.start.offset, m.end.offset])).toEqual([
      ['test/double-space', 1, 3],
      ['test/double-space', 2, 4],
      ['test/double-space', 3, 5],
    ]);
    const [all] = codeActions(document, linted, { range: everywhere(document), versioned: false, only: ['source.fixAll'] }, () => fixAll('a    b', target('/drafts/d.txt')));
    expect(TextDocument.applyEdits(document, all!.edit!.changes!['file:///d.txt']!)).toBe('a b');
  });

  it('offers no fix-all when fixing would change nothing', () => {
    const document = TextDocument.create('file:///d.md', 'markdown', 1, 'First part. Second part.');
    expect(actionsFor(document).map((a) => a.title)).toEqual(['Split into a 2-post thread']);
  });
});

describe('lintDocument', () => {
  it('lints the file as the CLI does: front matter and the final line break left out, CRLF, exact positions', () => {
    const text = '---\r\nchannel: x\r\n---\r\n\r\n👋 **hi**\r\n';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, target());
    expect(toLspDiagnostics(document, linted, 'inlayHint').map((d) => [d.code, d.range])).toEqual([['no-markdown', { start: { line: 4, character: 3 }, end: { line: 4, character: 9 } }]]);
    expect(inlayHints(document, linted, everywhere(document)).map((h) => [h.position, h.label])).toEqual([[{ line: 4, character: 9 }, 'x: 9/280 weighted characters']]);
  });

  it('honours disable comments, and puts the counter on the first line of the post, not on a comment', () => {
    const text = '<!-- postlint-disable-next-line no-markdown -->\nJoin us **today**\nand **tomorrow**\n';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, target());
    expect(linted.messages.map((m) => [m.ruleId, m.start.line, m.start.column])).toEqual([['no-markdown', 3, 5]]);
    expect(inlayHints(document, linted, everywhere(document)).map((h) => [h.position, h.label])).toEqual([[{ line: 1, character: 17 }, 'x: 34/280 weighted characters']]);
  });

  it('reports a settings error as a problem instead of throwing', () => {
    const linted = lintDocument(3, 'hi', { ...target(), defaultChannel: 'tiktok' });
    expect(linted.messages).toEqual([]);
    expect(linted.problems).toEqual([{ message: expect.stringMatching(/^channel: unknown channel "tiktok"/), start: 0, end: 0 }]);
  });
});

describe('ConfigCache', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'postlint-configs-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const settled = async (loaded: LoadedConfig | Promise<LoadedConfig>) => await loaded;

  it('loads the config of a folder with the CLI loader once, shares it per config file, and reads again only when told', async () => {
    mkdirSync(join(root, 'drafts', 'sms'), { recursive: true });
    writeFileSync(join(root, '.postlintrc.yaml'), 'channel: bluesky\noverrides:\n  - files: ["drafts/sms/**"]\n    channel: sms\n');
    const cache = new ConfigCache();
    const deep = join(root, 'drafts', 'sms', 'reminder.md');
    const pending = cache.get(deep);
    expect(pending).toBeInstanceOf(Promise);
    const first = await settled(pending);
    expect(first.config?.file).toBe(join(root, '.postlintrc.yaml'));
    expect(first.config?.forFile(deep).channel).toBe('sms');
    expect(first.config?.forFile(join(root, 'drafts', 'other.md')).channel).toBe('bluesky');
    // Synchronous from now on, and the same object for another folder under the same file.
    expect(cache.get(deep)).toBe(first);
    expect(await settled(cache.get(join(root, 'drafts', 'other.md')))).toBe(first);

    // A nearer file is seen only after invalidate().
    writeFileSync(join(root, 'drafts', 'sms', 'postlint.config.json'), JSON.stringify({ channel: 'mastodon' }));
    expect(cache.get(deep)).toBe(first);
    cache.invalidate();
    const nearer = await settled(cache.get(deep));
    expect([nearer.config?.file, nearer.config?.forFile(deep).channel]).toEqual([join(root, 'drafts', 'sms', 'postlint.config.json'), 'mastodon']);
  });

  it('names the file (absolute) and the key of a mistake, and uses the server preset only without a config file', async () => {
    const folder = join(root, 'broken');
    mkdirSync(folder);
    writeFileSync(join(folder, '.postlintrc.yml'), 'rules:\n  no-markdwn: warn\n');
    const cache = new ConfigCache({ preset: 'health' });
    expect((await settled(cache.get(join(folder, 'a.md')))).problem).toMatch(new RegExp(`^${escape(join(folder, '.postlintrc.yml'))}: rules\\.no-markdwn: `));
    writeFileSync(join(folder, '.postlintrc.yml'), 'channel: [x\n');
    cache.invalidate();
    expect((await settled(cache.get(join(folder, 'a.md')))).problem).toMatch(new RegExp(`^${escape(join(folder, '.postlintrc.yml'))}: \\(file\\): cannot parse: `));
    // An untitled document has no folder to search: the server's preset.
    const untitled = await settled(cache.get(undefined));
    expect([untitled.config?.file, untitled.config?.forFile(undefined).options.rules?.['cancer-language']]).toEqual([undefined, 'warn']);
    expect((await settled(new ConfigCache({ preset: 'strict' }).get(undefined))).problem).toMatch(/^initializationOptions\.preset: "strict" is neither a built-in preset/);
  });
});

describe('campaign plans', () => {
  it('shows each post of a thread document, and of a campaign draft written as a thread, with its own count', () => {
    const thread = 'Found early. 1/2\n\n---\n\nBook today. 2/2\n';
    const single = lintDocument(1, thread, target('/drafts/t.txt'));
    const document = TextDocument.create('file:///drafts/t.txt', 'plaintext', 1, thread);
    expect(inlayHints(document, single, everywhere(document)).map((h) => [h.position, h.label])).toEqual([
      [{ line: 0, character: 16 }, 'x: 16/280 weighted characters'],
      [{ line: 4, character: 15 }, 'x: 15/280 weighted characters'],
    ]);
    const text = `---\nname: Spot it\nkeyMessages:\n  - id: early\n    text: Found early\n---\n\n## x\n\n${thread}`;
    const plan = TextDocument.create('file:///plan.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, target('/plan.md'));
    expect(inlayHints(plan, linted, everywhere(plan)).map((h) => [h.position, h.label])).toEqual([
      [{ line: 7, character: 4 }, 'x: 16/280 weighted characters'],
      [{ line: 13, character: 15 }, 'x: 15/280 weighted characters'],
    ]);
  });

  it('lints a file with campaign front matter draft by draft and shows each draft at its heading', () => {
    const text = '---\nname: Spot it\nkeyMessages:\n  - id: early\n    text: Found early\n---\n\n## x\n\nJoin us  **today**\n\n## sms: reminder\nCall us\n';
    const document = TextDocument.create('file:///plan.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, target('/plan.md'));
    // The draft is linted as written, as it will be pasted into X (which shows the asterisks), at its place in the file.
    expect(toLspDiagnostics(document, linted, 'inlayHint').map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['test/double-space', { line: 9, character: 7 }, { line: 9, character: 9 }],
      ['no-markdown', { line: 9, character: 9 }, { line: 9, character: 18 }],
    ]);
    expect(inlayHints(document, linted, everywhere(document)).map((h) => [h.position, h.label])).toEqual([
      [{ line: 7, character: 4 }, 'x: 18/280 weighted characters'],
      [{ line: 11, character: 16 }, 'sms: 1/1 segments (GSM-7, 7 characters)'],
    ]);
    // Without campaign front matter the file is one draft, its counter after its first line.
    const single = lintDocument(1, '---\nchannel: x\n---\nJoin us', target('/plan.md'));
    expect(single.measures.map((m) => [m.anchor, m.measurement.channel])).toEqual([[26, 'x']]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
