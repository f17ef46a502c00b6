import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  FileChangeType,
  InlayHintRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEARCH_PLACES } from '../../src/node/config.js';
import { lintText } from '../../src/node/api.js';
import { CAPABILITIES, TestClient } from '../helpers/lsp-client.js';
import { split, THREAD_SEPARATOR } from '../../src/index.js';

const DOCS = 'https://github.com/postlint/postlint/blob/main/docs/rules.md#';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };
// The emoji is two UTF-16 code units: a server counting code points would be one column off.
const DRAFT = '👋 Join us **today**\nRead [our guide](https://example.org/guide)\uFEFF\n';

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
const editsOf = (action: CodeAction): TextEdit[] => {
  const change = action.edit?.documentChanges?.[0];
  if (!change || !('edits' in change)) throw new Error(`no versioned edit in ${JSON.stringify(action)}`);
  return change.edits as TextEdit[];
};

describe('postlint-language-server over stdio', () => {
  let client: TestClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).href;

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'postlint-lsp-'));
    client = new TestClient();
  });
  afterAll(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('initializes with incremental sync, UTF-16 positions, quick fixes, fix-all and inlay hints', async () => {
    const result = await client.initialize();
    expect(result.serverInfo?.name).toBe('postlint-language-server');
    expect(result.capabilities.positionEncoding).toBe('utf-16');
    expect(result.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(result.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.postlint'], resolveProvider: true });
    expect(result.capabilities.inlayHintProvider).toBe(true);
    expect(result.capabilities.codeLensProvider).toBeUndefined();
  });

  it('asks the client to watch the config files', async () => {
    await expect.poll(() => client.registrations.length).toBe(1);
    expect(client.registrations[0]).toMatchObject({
      method: 'workspace/didChangeWatchedFiles',
      // Every place the CLI's config loader looks, package.json (its "postlint" key) included.
      registerOptions: { watchers: SEARCH_PLACES.map((name) => ({ globPattern: `**/${name}` })) },
    });
  });

  it('publishes diagnostics on open with exact UTF-16 ranges, rule ids, docs links and severities', async () => {
    await client.open(uri('draft.md'), DRAFT);
    const { diagnostics, version } = await client.diagnostics(uri('draft.md'), { version: 1 });
    expect(version).toBe(1);
    expect(summary(diagnostics)).toEqual([
      ['no-markdown', 2, 0, 11, 0, 20],
      ['no-markdown', 2, 1, 5, 1, 43],
      ['invalid-characters', 1, 1, 43, 1, 44],
    ]);
    expect(diagnostics[0]).toEqual({
      range: { start: { line: 0, character: 11 }, end: { line: 0, character: 20 } },
      severity: 2,
      code: 'no-markdown',
      codeDescription: { href: DOCS + 'no-markdown' },
      source: 'postlint',
      message: 'X does not show bold: readers will see "**today**" as typed; write "today"',
    });
    expect(diagnostics[2]!.message).toBe('X rejects a post containing the invisible character U+FEFF (often pasted from a document): remove it');
  });

  it('lints a campaign plan draft by draft, with a length hint at each draft heading', async () => {
    const plan = readFileSync(fileURLToPath(new URL('../../examples/bowel-cancer-awareness.md', import.meta.url)), 'utf8');
    await client.open(uri('plan.md'), plan);
    const { diagnostics } = await client.diagnostics(uri('plan.md'), { version: 1 });
    const cli = await lintText(plan, { cwd: workspace, filePath: join(workspace, 'plan.md') });
    expect(diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]).sort()).toEqual(
      [...(cli.messages ?? []), ...cli.posts.flatMap((p) => p.result.messages)].map((m) => [m.ruleId, m.start.line, m.start.column]).sort(),
    );
    expect(diagnostics.some((d) => d.code === 'key-messages')).toBe(true);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('plan.md') }, range: WHOLE });
    expect((hints ?? []).map((h) => String(h.label).split(':')[0])).toEqual(['x', 'bluesky', 'linkedin', 'instagram', 'facebook', 'sms']);
  });

  it('shows the length as an inlay hint after the first line', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('draft.md') }, range: WHOLE });
    // As the CLI counts it: the file's final line break is not part of the post.
    expect(hints).toEqual([{ position: { line: 0, character: 20 }, label: 'x: 64/280 weighted characters', paddingLeft: true }]);
  });

  it('re-lints after an incremental edit and publishes the new version', async () => {
    // "**today**" -> "today"
    await client.change(uri('draft.md'), 2, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 20 } }, text: 'today' }]);
    const { diagnostics } = await client.diagnostics(uri('draft.md'), { version: 2 });
    expect(summary(diagnostics)).toEqual([
      ['no-markdown', 2, 1, 5, 1, 43],
      ['invalid-characters', 1, 1, 43, 1, 44],
    ]);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('draft.md') }, range: WHOLE });
    expect(hints?.map((h) => [h.position, h.label])).toEqual([[{ line: 0, character: 16 }, 'x: 60/280 weighted characters']]);
  });

  it('offers a preferred quick fix and fix-all; applying them gives the fixed text', async () => {
    const text = '👋 Join us today\nRead [our guide](https://example.org/guide)\uFEFF\n';
    const document = TextDocument.create(uri('draft.md'), 'markdown', 2, text);
    const range = { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('draft.md') }, range, context: { diagnostics: [] } })) as CodeAction[];
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([
      ['Fix: X does not show a Markdown link: readers will see "[our guide](https://example.org/guide)" as typed; write "our guide https://example.org/guide"', 'quickfix', true],
      ['Fix all postlint problems', 'source.fixAll.postlint', undefined],
    ]);
    expect(actions[0]!.diagnostics?.map((d) => d.code)).toEqual(['no-markdown']);
    expect(actions[0]!.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri: uri('draft.md'), version: 2 } });
    expect(TextDocument.applyEdits(document, editsOf(actions[0]!))).toBe('👋 Join us today\nRead our guide https://example.org/guide\uFEFF\n');
    // Fix all: the fixes of every pass (as --fix applies them) as one edit of the whole document.
    expect(editsOf(actions[1]!).map((edit) => edit.range)).toEqual([{ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }]);
    expect(TextDocument.applyEdits(document, editsOf(actions[1]!))).toBe('👋 Join us today\nRead our guide https://example.org/guide\n');
  });

  it('answers a source.fixAll request (as on save) with the fix-all action only', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('draft.md') }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.postlint']);
    expect(editsOf(actions[0]!)).toHaveLength(1);
  });

  it('takes the channel from front matter and points at a wrong one', async () => {
    await client.open(uri('bluesky.md'), '---\ntitle: launch\nchannel: bluesky\n---\nJoin us **today**\n');
    const { diagnostics } = await client.diagnostics(uri('bluesky.md'), { version: 1 });
    expect(summary(diagnostics)).toEqual([['no-markdown', 2, 4, 8, 4, 17]]);
    expect(diagnostics[0]!.message).toBe('Bluesky does not show bold: readers will see "**today**" as typed; write "today"');
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('bluesky.md') }, range: WHOLE });
    expect(hints?.map((h) => [h.position, h.label])).toEqual([[{ line: 4, character: 17 }, 'bluesky: 17/300 graphemes, 17/3000 bytes']]);

    await client.change(uri('bluesky.md'), 2, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } }, text: 'tiktok' }]);
    const wrong = await client.diagnostics(uri('bluesky.md'), { version: 2 });
    // As the CLI reports it: at the front matter, and the draft still linted for the config's channel.
    expect(summary(wrong.diagnostics)).toEqual([
      ['front-matter', 1, 0, 0, 0, 3],
      ['no-markdown', 2, 4, 8, 4, 17],
    ]);
    expect(wrong.diagnostics[0]!.message).toMatch(/^unknown channel "tiktok"; use one of x, x-140, bluesky/);
  });

  it('follows the config file: read once, re-read when the client reports a change', async () => {
    const folder = join(workspace, 'sms');
    mkdirSync(folder);
    writeFileSync(join(folder, 'postlint.config.json'), JSON.stringify({ channel: 'sms' }));
    const draft = uri('sms/reminder.txt');
    await client.open(draft, 'Café open 9–5 **today**\n', 'plaintext');
    const first = await client.diagnostics(draft, { version: 1 });
    expect(first.diagnostics.map((d) => d.message)).toEqual(['SMS does not show bold: readers will see "**today**" as typed; write "today"']);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: draft }, range: WHOLE });
    expect(hints?.map((h) => h.label)).toEqual(['sms: 1/1 segments (UCS-2, 23 characters)']);

    writeFileSync(join(folder, 'postlint.config.json'), JSON.stringify({ channel: 'x', rules: { 'no-markdown': 'off' } }));
    const before = client.published.length - 1;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(folder, 'postlint.config.json')).href, type: FileChangeType.Changed }] });
    const second = await client.diagnostics(draft, { after: before });
    expect(second.diagnostics).toEqual([]);
    const after = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: draft }, range: WHOLE });
    expect(after?.map((h) => h.label)).toEqual(['x: 23/280 weighted characters']);

    // A mistake in the config shows once, naming the file and the key, and does not take the server down.
    writeFileSync(join(folder, 'postlint.config.json'), JSON.stringify({ rules: { 'no-markdwn': 'warn' } }));
    const mark = client.published.length - 1;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(folder, 'postlint.config.json')).href, type: FileChangeType.Changed }] });
    const broken = await client.diagnostics(draft, { after: mark });
    expect(summary(broken.diagnostics)).toEqual([['config', 1, 0, 0, 0, 0]]);
    expect(broken.diagnostics[0]!.message).toMatch(new RegExp(`^${escape(join(folder, 'postlint.config.json'))}: rules\\.no-markdwn: unknown rule; use one of `));

    writeFileSync(join(folder, 'postlint.config.json'), '{ "channel": "sms", }');
    const mark2 = client.published.length - 1;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(folder, 'postlint.config.json')).href, type: FileChangeType.Changed }] });
    const unparsable = await client.diagnostics(draft, { after: mark2 });
    expect(unparsable.diagnostics[0]!.message).toMatch(new RegExp(`^${escape(join(folder, 'postlint.config.json'))}: .*JSON`));

    // A change to another watched file re-reads nothing (its handler would publish before the reply below).
    writeFileSync(join(folder, 'postlint.config.json'), JSON.stringify({ channel: 'sms' }));
    const mark3 = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('sms/notes.json'), type: FileChangeType.Changed }] });
    await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: draft }, range: WHOLE });
    expect(client.published.length).toBe(mark3);

    // A client that does not watch files still reports the save of a config file it edits.
    const configUri = pathToFileURL(join(folder, 'postlint.config.json')).href;
    await client.open(configUri, JSON.stringify({ channel: 'sms' }), 'json');
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: configUri } });
    const saved = await client.diagnostics(draft, { after: mark3 - 1 });
    expect(saved.diagnostics.map((d) => d.message)).toEqual(['SMS does not show bold: readers will see "**today**" as typed; write "today"']);
    expect(client.published.slice(mark3).map((p) => p.uri)).not.toContain(configUri);
  });

  it('survives malformed messages, bad params and unknown methods', async () => {
    client.child.stdin.write('Content-Length: 9\r\n\r\n{"bad": }');
    await expect(client.connection.sendRequest('postlint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    await expect(client.connection.sendRequest(CodeActionRequest.type.method, { nonsense: true })).rejects.toMatchObject({ code: expect.any(Number) });
    const none = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: 'file:///never/opened.md' }, range: WHOLE, context: { diagnostics: [] } });
    expect(none).toEqual([]);
    // Still serving.
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('draft.md') }, range: WHOLE });
    expect(hints?.map((h) => h.label)).toEqual(['x: 60/280 weighted characters']);
  });

  it('lints invalid and huge content without crashing', async () => {
    // Lone surrogates, NUL, lone CRs and U+FFFF (which X rejects): line 3 is "x\uFFFF".
    await client.open(uri('odd.txt'), '\uD800abc\uDC00\u0000\r\rx\uFFFF', 'plaintext');
    const odd = await client.diagnostics(uri('odd.txt'), { version: 1 });
    expect(summary(odd.diagnostics)).toEqual([['invalid-characters', 1, 2, 1, 2, 2]]);
    await client.open(uri('huge.txt'), 'a'.repeat(300_000), 'plaintext');
    const huge = await client.diagnostics(uri('huge.txt'), { version: 1 });
    expect(summary(huge.diagnostics)).toEqual([['max-length', 1, 0, 280, 0, 300_000]]);
    expect(huge.diagnostics[0]!.message).toBe('Too long for X: 300000/280 weighted characters, 299720 over: shorten it or split it into a thread');
  });

  it('clears diagnostics when a document closes', async () => {
    const mark = client.published.length - 1;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('huge.txt') } });
    const cleared = await client.diagnostics(uri('huge.txt'), { after: mark });
    expect(cleared.diagnostics).toEqual([]);
  });

  it('shuts down and exits with code 0', async () => {
    expect(await client.shutdown()).toBe(0);
  });
});

describe('the "Split into a thread" quick fix over stdio', () => {
  const LONG =
    'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. You can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm.';

  it('keeps the last part\'s number before the final line break, and the thread then lints post by post', async () => {
    const client = new TestClient();
    const workspace = mkdtempSync(join(tmpdir(), 'postlint-lsp-split-'));
    try {
      await client.initialize();
      const uri = pathToFileURL(join(workspace, 'long.txt')).href;
      const text = LONG + '\n';
      await client.open(uri, text, 'plaintext');
      const { diagnostics } = await client.diagnostics(uri, { version: 1 });
      const tooLong = diagnostics.find((d) => d.code === 'max-length')!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: tooLong.range, context: { diagnostics: [tooLong] } })) as CodeAction[];
      const splitting = actions.find((a) => a.title === 'Split into a 2-post thread')!;
      const threaded = TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), editsOf(splitting));
      expect(threaded).toBe(split(LONG, 'x').join(THREAD_SEPARATOR) + '\n');
      expect(threaded.endsWith(' 2/2\n')).toBe(true);

      await client.change(uri, 2, [{ text: threaded }]);
      const after = await client.diagnostics(uri, { version: 2 });
      expect(after.diagnostics).toEqual([]);
      const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE });
      expect(hints?.map((h) => [h.position.line, h.label])).toEqual([
        [0, 'x: 138/280 weighted characters'],
        [4, 'x: 154/280 weighted characters'],
      ]);
    } finally {
      client.kill();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('fix-all with codeAction/resolve', () => {
  it('offers fix-all without its edit and computes the edit only when resolved, for the version it was offered for', async () => {
    const client = new TestClient();
    try {
      await client.initialize(undefined, { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, codeAction: { resolveSupport: { properties: ['edit'] } } } });
      const uri = 'file:///tmp/postlint-resolve.md';
      const text = 'Join us **today**\nRead [our guide](https://example.org/guide)\n';
      await client.open(uri, text);
      await client.diagnostics(uri, { version: 1 });
      const request = { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll'] } };
      const [offered] = (await client.connection.sendRequest(CodeActionRequest.type, request)) as CodeAction[];
      expect(offered).toEqual({ title: 'Fix all postlint problems', kind: 'source.fixAll.postlint', data: { uri, version: 1 } });
      const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, offered!);
      expect(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), editsOf(resolved))).toBe('Join us today\nRead our guide https://example.org/guide\n');
      // Once the document has changed, the old offer resolves to no edit rather than a stale one.
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Hi. ' }]);
      await client.diagnostics(uri, { version: 2 });
      expect((await client.connection.sendRequest(CodeActionResolveRequest.type, offered!)).edit).toBeUndefined();
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });
});

describe('initializationOptions', () => {
  it('lints the configured languages and extensions and shows the counter as a hint diagnostic', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ languages: ['markdown'], extensions: ['.post'], lengthCounter: 'diagnostic', channel: 'mastodon' });
      await client.open('file:///tmp/notes.txt', 'Join us **today**', 'plaintext');
      await client.open('file:///tmp/launch.post', 'Join us **today**', 'plaintext');
      const { diagnostics } = await client.diagnostics('file:///tmp/launch.post', { version: 1 });
      expect(summary(diagnostics)).toEqual([
        ['no-markdown', 2, 0, 8, 0, 17],
        ['length', 4, 0, 0, 0, 17],
      ]);
      expect(diagnostics[1]!.message).toBe('mastodon: 17/500 characters');
      // notes.txt is plain text but neither its language nor its extension is configured.
      expect(client.published.map((p) => p.uri)).toEqual(['file:///tmp/launch.post']);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('offers code lenses when asked, and falls back to the defaults with a warning on a bad option', async () => {
    const lens = new TestClient();
    try {
      const result = await lens.initialize({ lengthCounter: 'codeLens' });
      expect(result.capabilities.codeLensProvider).toEqual({ resolveProvider: false });
      expect(result.capabilities.inlayHintProvider).toBeUndefined();
      await lens.open('file:///tmp/a.md', 'Hello\nworld');
      const lenses = await lens.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: 'file:///tmp/a.md' } });
      expect(lenses).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'x: 11/280 weighted characters', command: '' } }]);
    } finally {
      lens.kill();
    }
    const bad = new TestClient();
    try {
      const result = await bad.initialize({ lengthCounter: 'banner' });
      expect(result.capabilities.inlayHintProvider).toBe(true);
      await expect.poll(() => bad.messages.map((m) => m.message)).toEqual([expect.stringMatching(/^postlint: initializationOptions\.lengthCounter: Invalid type: Expected/)]);
    } finally {
      bad.kill();
    }
  });
});

describe('settings from the CLI config loader, and drafts linted as the CLI lints them', () => {
  let client: TestClient;
  let workspace: string;
  const path = (name: string) => join(workspace, name);
  const uri = (name: string) => pathToFileURL(path(name)).href;
  const write = (name: string, text: string) => {
    mkdirSync(dirname(path(name)), { recursive: true });
    writeFileSync(path(name), text);
  };
  const changed = (name: string) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(name), type: FileChangeType.Changed }] });
  // What the CLI (its Node API) reports for the same text as the same file, in LSP terms.
  const cli = async (name: string, text: string) => {
    const report = await lintText(text, { cwd: dirname(path(name)), filePath: path(name) });
    const severity = { error: 1, warning: 2, info: 3 } as const;
    return report.posts[0]!.result.messages.map((m) => [m.ruleId, severity[m.severity], m.start.line - 1, m.start.column - 1, m.end.line - 1, m.end.column - 1]);
  };

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'postlint-lsp-config-'));
    client = new TestClient();
    await client.initialize();
  });
  afterAll(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('applies the overrides of a .postlintrc.yaml: drafts/sms/** is linted for SMS', async () => {
    write('overrides/.postlintrc.yaml', 'channel: bluesky\noverrides:\n  - files: ["drafts/sms/**"]\n    channel: sms\n');
    const text = 'Join us **today**\n';
    await client.open(uri('overrides/drafts/sms/reminder.md'), text);
    await client.open(uri('overrides/drafts/web/launch.md'), text);
    const sms = await client.diagnostics(uri('overrides/drafts/sms/reminder.md'), { version: 1 });
    const web = await client.diagnostics(uri('overrides/drafts/web/launch.md'), { version: 1 });
    expect(sms.diagnostics.map((d) => d.message)).toEqual(['SMS does not show bold: readers will see "**today**" as typed; write "today"']);
    expect(web.diagnostics.map((d) => d.message)).toEqual(['Bluesky does not show bold: readers will see "**today**" as typed; write "today"']);
    const hint = async (name: string) => (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri(name) }, range: WHOLE }))?.map((h) => h.label);
    expect(await hint('overrides/drafts/sms/reminder.md')).toEqual(['sms: 1/1 segments (GSM-7, 17 characters)']);
    expect(await hint('overrides/drafts/web/launch.md')).toEqual(['bluesky: 17/300 graphemes, 17/3000 bytes']);
    expect(summary(sms.diagnostics)).toEqual(await cli('overrides/drafts/sms/reminder.md', text));
  });

  it('extends the health preset, with the same messages as the CLI', async () => {
    write('health/.postlintrc.json', JSON.stringify({ extends: 'health' }));
    const text = 'She lost her battle with cancer last year.\n';
    await client.open(uri('health/story.md'), text);
    await client.open(uri('plain/story.md'), text);
    const health = await client.diagnostics(uri('health/story.md'), { version: 1 });
    const plain = await client.diagnostics(uri('plain/story.md'), { version: 1 });
    expect(health.diagnostics.map((d) => d.code)).toContain('cancer-language');
    expect(plain.diagnostics.map((d) => d.code)).not.toContain('cancer-language');
    expect(summary(health.diagnostics)).toEqual(await cli('health/story.md', text));
    expect(summary(plain.diagnostics)).toEqual(await cli('plain/story.md', text));
  });

  it('honours a disable-next-line comment as the CLI does', async () => {
    const text = '<!-- postlint-disable-next-line no-markdown -->\nJoin us **today**\nand **tomorrow**\n';
    await client.open(uri('plain/directives.md'), text);
    const { diagnostics } = await client.diagnostics(uri('plain/directives.md'), { version: 1 });
    expect(summary(diagnostics)).toEqual([['no-markdown', 2, 2, 4, 2, 16]]);
    expect(summary(diagnostics)).toEqual(await cli('plain/directives.md', text));
    // The comment is not part of the post: the counter sits on the post's first line and does not count it.
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('plain/directives.md') }, range: WHOLE });
    expect(hints?.map((h) => [h.position, h.label])).toEqual([[{ line: 1, character: 17 }, 'x: 34/280 weighted characters']]);
  });

  it('shows a broken YAML config as one error naming the file, and recovers when it is fixed', async () => {
    write('broken/.postlintrc.yml', 'channel: [sms\n');
    await client.open(uri('broken/post.md'), 'Join us **today**\n');
    const broken = await client.diagnostics(uri('broken/post.md'), { version: 1 });
    expect(summary(broken.diagnostics)).toEqual([['config', 1, 0, 0, 0, 0]]);
    expect(broken.diagnostics[0]!.message).toMatch(new RegExp(`^${escape(path('broken/.postlintrc.yml'))}: \\(file\\): cannot parse: `));

    write('broken/.postlintrc.yml', 'channel: sms\n');
    const mark = client.published.length - 1;
    await changed('broken/.postlintrc.yml');
    const fixed = await client.diagnostics(uri('broken/post.md'), { after: mark });
    expect(fixed.diagnostics.map((d) => d.message)).toEqual(['SMS does not show bold: readers will see "**today**" as typed; write "today"']);
  });

  it('follows the "postlint" key of a watched package.json', async () => {
    write('pkg/package.json', JSON.stringify({ name: 'drafts', postlint: { channel: 'mastodon' } }));
    await client.open(uri('pkg/post.md'), 'Join us **today**\n');
    const first = await client.diagnostics(uri('pkg/post.md'), { version: 1 });
    expect(first.diagnostics.map((d) => d.message)).toEqual(['Mastodon does not show bold: readers will see "**today**" as typed; write "today"']);

    write('pkg/package.json', JSON.stringify({ name: 'drafts', postlint: { channel: 'sms', rules: { 'no-markdown': 'off' } } }));
    const mark = client.published.length - 1;
    await changed('pkg/package.json');
    const second = await client.diagnostics(uri('pkg/post.md'), { after: mark });
    expect(second.diagnostics).toEqual([]);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('pkg/post.md') }, range: WHOLE });
    expect(hints?.map((h) => h.label)).toEqual(['sms: 1/1 segments (GSM-7, 17 characters)']);
    expect(await client.shutdown()).toBe(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
