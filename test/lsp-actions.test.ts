import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { presets } from '../src/run/presets.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllEdits, inlayHints, toLspDiagnostics } from '../src/lsp/convert.js';
import { lintDocument, type CampaignLinter } from '../src/lsp/document.js';
import { lint } from '../src/run/lint.js';
import { findFrontMatter, loadConfigFile, SettingsResolver, type DocumentSettings } from '../src/lsp/settings.js';
import { defineRule } from '../src/run/rule.js';
import type { LintOptions } from '../src/types.js';

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

const options: LintOptions = { preset: 'none', rules: { 'test-split': 'warn', 'no-markdown': 'warn', 'invalid-characters': 'error' }, plugins: { 'test-split': splitter } };
const settings = (text: string, channel = 'x'): DocumentSettings => {
  const block = findFrontMatter(text);
  return { options, channel, configFile: undefined, frontMatter: block ? { data: {}, bodyStart: block.bodyStart } : undefined, problems: [] };
};
const everywhere = (document: TextDocument) => ({ start: document.positionAt(0), end: document.positionAt(document.getText().length) });

describe('code actions', () => {
  it('offers every suggestion as a quick fix that is not preferred, and applies it at the right place', () => {
    const text = '---\nchannel: x\n---\r\nFirst part. Second **part**.';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, settings(text));
    const actions = codeActions(document, linted, { range: everywhere(document), versioned: false });
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Split into a 2-post thread', 'quickfix', false],
      ['Fix: X does not render Markdown: bold will show as "**part**"', 'quickfix', true],
      ['Fix all postlint problems', 'source.fixAll.postlint', false],
    ]);
    const split = actions[0]!.edit!.changes!['file:///d.md']!;
    expect(TextDocument.applyEdits(document, split)).toBe('---\nchannel: x\n---\r\nFirst part.\n\n---\n\nSecond **part**.');
    // Fix all applies fixes, never suggestions: those need the writer's judgement.
    expect(TextDocument.applyEdits(document, actions[2]!.edit!.changes!['file:///d.md']!)).toBe('---\nchannel: x\n---\r\nFirst part. Second part.');
  });

  it('keeps only the actions of the kinds the client asks for', () => {
    const text = 'First part. Second **part**.';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, settings(text));
    expect(codeActions(document, linted, { range: everywhere(document), versioned: false, only: ['source'] }).map((a) => a.kind)).toEqual(['source.fixAll.postlint']);
    expect(codeActions(document, linted, { range: everywhere(document), versioned: false, only: ['refactor'] })).toEqual([]);
  });

  it('leaves out of fix-all a fix that overlaps one already taken', () => {
    const text = 'ab';
    const document = TextDocument.create('file:///d.txt', 'plaintext', 1, text);
    const finding = (start: number, end: number, replacement: string) => ({
      base: 0,
      diagnostic: { ruleId: 'r', severity: 'error' as const, message: 'm', start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end }, url: '', fix: { edits: [{ range: [start, end] as [number, number], text: replacement }] } },
    });
    const linted = { version: 1, findings: [finding(0, 2, 'X'), finding(1, 2, 'Y'), finding(2, 2, '!')], measures: [], problems: [] };
    const edits = fixAllEdits(document, linted);
    expect(TextDocument.applyEdits(document, edits)).toBe('X!');
  });
});

describe('lintDocument', () => {
  it('maps offsets after front matter and CRLF line ends to exact positions', () => {
    const text = '---\r\nchannel: x\r\n---\r\n\r\n👋 **hi**\r\n';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const linted = lintDocument(1, text, settings(text));
    expect(toLspDiagnostics(document, linted, 'inlayHint').map((d) => [d.code, d.range])).toEqual([['no-markdown', { start: { line: 4, character: 3 }, end: { line: 4, character: 9 } }]]);
    expect(inlayHints(document, linted, everywhere(document)).map((h) => [h.position, h.label])).toEqual([[{ line: 4, character: 9 }, 'x: 13/280 weighted characters']]);
  });

  it('blocks on a broken config and reports it instead of linting', () => {
    const linted = lintDocument(3, 'hi', { ...settings('hi'), problems: [{ message: 'bad', start: 0, end: 0, blocking: true }] });
    expect(linted).toEqual({ version: 3, findings: [], measures: [], problems: [{ message: 'bad', start: 0, end: 0, blocking: true }] });
  });
});

describe('findFrontMatter', () => {
  it('finds a fenced block at the very start and nowhere else', () => {
    expect(findFrontMatter('---\nchannel: sms\n---\nHello')).toEqual({ source: 'channel: sms\n', sourceStart: 4, bodyStart: 21 });
    expect(findFrontMatter('---\r\nchannel: sms\r\n...\r\nHello')).toEqual({ source: 'channel: sms\r\n', sourceStart: 5, bodyStart: 24 });
    expect(findFrontMatter('---\nchannel: sms\n---')).toEqual({ source: 'channel: sms\n', sourceStart: 4, bodyStart: 20 });
    expect(findFrontMatter('---\nchannel: sms\nno end')).toBeUndefined();
    expect(findFrontMatter('\n---\nchannel: sms\n---\n')).toBeUndefined();
    expect(findFrontMatter('--- \nchannel: sms\n---\n')).toBeUndefined();
  });
});

describe('SettingsResolver', () => {
  it('finds the nearest config file above the document, reads it once, and re-reads it only when told', () => {
    const root = mkdtempSync(join(tmpdir(), 'postlint-settings-'));
    try {
      mkdirSync(join(root, 'drafts', 'sms'), { recursive: true });
      writeFileSync(join(root, '.postlintrc.json'), JSON.stringify({ channel: 'bluesky', rules: { 'no-markdown': 'off' } }));
      const resolver = new SettingsResolver({ channel: 'x' });
      const deep = pathToFileURL(join(root, 'drafts', 'sms', 'reminder.md')).href;
      const first = resolver.resolveSettings(deep, 'Hello');
      expect([first.channel, first.configFile, first.options]).toEqual(['bluesky', join(root, '.postlintrc.json'), { rules: { 'no-markdown': 'off' } }]);
      // The same options object for every keystroke and every document under that file: the core validates it once.
      expect(resolver.resolveSettings(pathToFileURL(join(root, 'other.md')).href, 'Hi').options).toBe(first.options);

      // A nearer file wins, and postlint.config.json before .postlintrc.json in one folder; seen only after invalidate().
      writeFileSync(join(root, 'drafts', 'sms', '.postlintrc.json'), JSON.stringify({ channel: 'x' }));
      writeFileSync(join(root, 'drafts', 'sms', 'postlint.config.json'), JSON.stringify({ channel: 'sms' }));
      expect(resolver.resolveSettings(deep, 'Hello').channel).toBe('bluesky');
      resolver.invalidate();
      expect(resolver.resolveSettings(deep, 'Hello').channel).toBe('sms');

      // The draft's own front matter comes last.
      const own = resolver.resolveSettings(deep, '---\nchannel: mastodon\n---\nHello');
      expect([own.channel, own.frontMatter?.bodyStart, own.frontMatter?.channelRange, own.problems]).toEqual(['mastodon', 26, [13, 21], []]);
      expect(resolver.resolveSettings(deep, '---\nchannel: [x\n---\nHello').problems.map((p) => [p.message.split(' at ')[0], p.blocking])).toEqual([
        ['front matter: Flow sequence in block collection must be sufficiently indented and end with a ]', false],
      ]);
      expect(resolver.resolveSettings(deep, '---\nchannel: 42\n---\nHello').problems).toEqual([
        { message: 'front matter channel: expected a channel id such as x, bluesky or sms', start: 13, end: 15, blocking: false },
      ]);
      // Untitled documents have no folder: the defaults.
      expect(resolver.resolveSettings('untitled:Untitled-1', 'Hello').channel).toBe('x');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names the key of a wrong setting in a config file', () => {
    const root = mkdtempSync(join(tmpdir(), 'postlint-settings-'));
    try {
      const write = (config: unknown) => {
        writeFileSync(join(root, 'postlint.config.json'), JSON.stringify(config));
        return loadConfigFile(join(root, 'postlint.config.json')).problem;
      };
      expect(write({ channel: 'tiktok' })).toMatch(/^channel: unknown channel "tiktok"; use one of x, /);
      expect(write({ preset: 'strict' })).toBe(`preset: unknown preset "strict"; use one of ${Object.keys(presets).join(', ')}`);
      expect(write({ rules: { 'max-length': 'loud' } })).toBe(`rules.max-length: unknown severity "loud"; use 'off', 'warn', 'error' or 'info'`);
      expect(write({ channels: { instance: { extends: 'mastodon', limit: -1 } } })).toMatch(/^channels\.instance\.limit: /);
      expect(write({ channel: 'instance', channels: { instance: { extends: 'mastodon', limit: 1000 } } })).toBeUndefined();
      expect(write([1])).toBe('(root): expected an object such as { "channel": "x", "rules": {} }');
      expect(write({ extends: ['recommended'] })).toBeUndefined();
      expect(write({ extends: ['recommended', 'health'] })).toBe('extends: expected a preset name such as "recommended"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the campaign seam', () => {
  it('hands a file with campaign front matter to the campaign linter and shows each draft at its heading', () => {
    const text = '---\nname: Spot it\nkeyMessages:\n  - id: early\n    text: Found early\n---\n\n## x\n\nJoin us **today**\n\n## sms: reminder\nCall us\n';
    const document = TextDocument.create('file:///plan.md', 'markdown', 1, text);
    const calls: unknown[] = [];
    // A stand-in with lintCampaign's shape: offsets in the source, as issue 4 maps them.
    const fake: CampaignLinter = (markdown, campaignOptions) => {
      calls.push(campaignOptions.channel);
      const x = markdown.indexOf('Join us');
      const sms = markdown.indexOf('Call us');
      const xResult = lint({ text: 'Join us **today**', channel: 'x' }, options);
      const shift = (d: (typeof xResult.messages)[number]) => ({ ...d, start: { ...d.start, offset: d.start.offset + x }, end: { ...d.end, offset: d.end.offset + x } });
      return {
        posts: [
          { start: { line: 10, column: 1, offset: x }, result: { ...xResult, messages: xResult.messages.map(shift) } },
          { start: { line: 13, column: 1, offset: sms }, result: lint({ text: 'Call us', channel: 'sms' }, options) },
        ],
        messages: [{ ruleId: 'campaign-coverage', severity: 'warning', message: 'early is carried by no draft', start: { line: 4, column: 9, offset: markdown.indexOf('early') }, end: { line: 4, column: 14, offset: markdown.indexOf('early') + 5 }, url: '' }],
      };
    };
    const linted = lintDocument(1, text, { ...settings(text), frontMatter: { data: { keyMessages: [] }, bodyStart: findFrontMatter(text)!.bodyStart } }, fake);
    expect(calls).toEqual(['x']);
    expect(toLspDiagnostics(document, linted, 'inlayHint').map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['campaign-coverage', { line: 3, character: 8 }, { line: 3, character: 13 }],
      ['no-markdown', { line: 9, character: 8 }, { line: 9, character: 17 }],
    ]);
    expect(inlayHints(document, linted, everywhere(document)).map((h) => [h.position, h.label])).toEqual([
      [{ line: 7, character: 4 }, 'x: 17/280 weighted characters'],
      [{ line: 11, character: 16 }, 'sms: 1/1 segments (GSM-7, 7 characters)'],
    ]);
    // Without campaign front matter the same linter is not asked: the file is one draft.
    lintDocument(1, 'Join us', settings('Join us'), fake);
    expect(calls).toEqual(['x']);
  });
});
