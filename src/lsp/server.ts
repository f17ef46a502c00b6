import { basename } from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMarkdownPath } from '../node/engine.js';
import { CONFIG_FILE_NAMES, ConfigCache, toFilePath, type LoadedConfig } from './config.js';
import { codeActions, codeLenses, FIX_ALL_KIND, fixAllEdit, inlayHints, toLspDiagnostics, type FixAllData } from './convert.js';
import type { WordVectors } from '../facts/word-vectors.js';
import { fixAll, lintDocument, type DocumentTarget, type LintedDocument } from './document.js';
import { parseServerOptions, type ServerOptions } from './options.js';

/** A document's last lint, what it was linted as, and its fix-all result once asked for. */
type LintedEntry = LintedDocument & { target?: DocumentTarget; fixed?: { output: string | undefined } };

/**
 * The postlint language server on a connection: lints a document when it opens or changes (only
 * that document, as soon as the changes already received are applied, so a burst lints once),
 * publishes diagnostics, offers fixes and suggestions as code actions, and shows each draft's length.
 * Each document is linted as the CLI lints its file: the config the CLI's loader finds for its folder
 * (read once, re-read when a watched config file changes), the overrides for its path, its
 * front-matter channel and its `<!-- postlint-disable -->` comments; a Markdown file whose front
 * matter has `keyMessages` as a campaign plan, draft by draft, each draft's counter at its heading.
 * `wordVectors` (from lsp-cli.ts) gives the vectors for key messages by meaning, called only when
 * a campaign (a plan, or a campaign in the config) is linted.
 */
export function startServer(connection: Connection, { version, wordVectors }: { version: string; wordVectors?: () => WordVectors | undefined }): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, LintedEntry>();
  const pending = new Map<string, () => void>();
  let options: ServerOptions = parseServerOptions(undefined).options;
  let optionsProblem: string | undefined;
  let configs = new ConfigCache(options);
  let client: ClientCapabilities = {};

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    ({ options, problem: optionsProblem } = parseServerOptions(params.initializationOptions));
    configs = new ConfigCache(options);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        ...(options.lengthCounter === 'inlayHint' ? { inlayHintProvider: true } : {}),
        ...(options.lengthCounter === 'codeLens' ? { codeLensProvider: { resolveProvider: false } } : {}),
      },
      serverInfo: { name: 'postlint-language-server', version },
    };
  });

  connection.onInitialized(() => {
    if (optionsProblem) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: optionsProblem });
    // Config files are read once and then watched: nothing is re-read per keystroke.
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
      });
    }
  });

  const isConfigFile = (uri: string) => CONFIG_FILE_NAMES.includes(basename(uri.split(/[?#]/)[0]!));

  const isLinted = (document: TextDocument) => {
    if (isConfigFile(document.uri)) return false;
    if (options.languages.includes(document.languageId)) return true;
    const path = document.uri.toLowerCase().split(/[?#]/)[0]!;
    return options.extensions.some((extension) => path.endsWith(extension.toLowerCase()));
  };

  /** Lints with the document's config, already loaded: synchronous, as on every keystroke. */
  const lintAndPublish = (document: TextDocument, loaded: LoadedConfig): LintedEntry => {
    cancel(document.uri);
    let result: LintedEntry;
    try {
      if (loaded.problem !== undefined) {
        // A broken config file: one error naming the file and the key, until the file is fixed.
        result = { version: document.version, messages: [], measures: [], problems: [{ message: loaded.problem, start: 0, end: 0 }] };
      } else {
        const filePath = toFilePath(document.uri);
        const target: DocumentTarget = {
          filePath,
          markdown: document.languageId === 'markdown' || isMarkdownPath(filePath),
          config: loaded.config,
          defaultChannel: options.channel,
        };
        if (wordVectors) target.wordVectors = wordVectors;
        result = { ...lintDocument(document.version, document.getText(), target), target };
      }
    } catch (error) {
      connection.console.error(`postlint: linting ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      result = { version: document.version, messages: [], measures: [], problems: [{ message: `postlint failed on this document: ${String(error)}`, start: 0, end: 0 }] };
    }
    linted.set(document.uri, result);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toLspDiagnostics(document, result, options.lengthCounter) });
    return result;
  };

  /**
   * The lint of the document's current version; a request that arrives before the scheduled lint
   * runs it now. Waits only for a config not read yet (the first document of a folder).
   */
  const current = (document: TextDocument): LintedEntry | Promise<LintedEntry> => {
    const last = linted.get(document.uri);
    if (last?.version === document.version) return last;
    const loaded = configs.get(toFilePath(document.uri));
    if (loaded instanceof Promise) return loaded.then(() => current(documents.get(document.uri) ?? document));
    return lintAndPublish(document, loaded);
  };

  const cancel = (uri: string) => {
    pending.get(uri)?.();
    pending.delete(uri);
  };

  const schedule = (document: TextDocument) => {
    const uri = document.uri;
    cancel(uri);
    const run = () => {
      pending.delete(uri);
      const latest = documents.get(uri);
      if (!latest || linted.get(uri)?.version === latest.version) return;
      const loaded = configs.get(toFilePath(uri));
      if (loaded instanceof Promise) {
        // The first document of a folder: lint once its config is read (never throws: a problem is a result).
        void loaded.then(() => {
          const now = documents.get(uri);
          if (now) schedule(now);
        });
        return;
      }
      try {
        lintAndPublish(latest, loaded);
      } catch (error) {
        // Outside a request nothing else would catch it, and the editor would lose its server.
        connection.console.error(`postlint: ${error instanceof Error ? error.stack : String(error)}`);
      }
    };
    if (options.debounceMs > 0) {
      const timer = setTimeout(run, options.debounceMs);
      pending.set(uri, () => clearTimeout(timer));
    } else {
      // Two turns of the event loop: vscode-jsonrpc handles one queued message per turn, so the lint
      // waits until the changes already received are applied, and a burst of them lints once.
      let immediate = setImmediate(() => (immediate = setImmediate(run)));
      pending.set(uri, () => clearImmediate(immediate));
    }
  };

  /** After a config file changed: every config is read again, every open document re-linted with it. */
  const reloadConfigs = () => {
    configs.invalidate();
    linted.clear();
    const open = documents.all().filter(isLinted);
    for (const document of open) cancel(document.uri);
    // Every config read first, then every document re-linted in one go: the editor never shows a mix of old and new settings.
    void Promise.all(open.map((document) => configs.get(toFilePath(document.uri)))).then(() => {
      for (const { uri } of open) {
        const document = documents.get(uri);
        if (!document) continue;
        const loaded = configs.get(toFilePath(uri));
        if (loaded instanceof Promise) schedule(document);
        else lintAndPublish(document, loaded);
      }
      if (client.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
      if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh');
    });
  };

  // Fires on open too.
  documents.onDidChangeContent(({ document }) => {
    if (isLinted(document)) schedule(document);
  });

  documents.onDidClose(({ document }) => {
    cancel(document.uri);
    linted.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // A client that cannot watch files still tells us when a config file it edits is saved.
  documents.onDidSave(({ document }) => {
    if (isConfigFile(document.uri)) reloadConfigs();
  });

  // Some clients report every file they watch: only a config file's change re-reads settings.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((change) => isConfigFile(change.uri))) reloadConfigs();
  });

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document)) return [];
    const versioned = client.workspace?.workspaceEdit?.documentChanges === true;
    const resolvable = client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    const entry = await current(document);
    return codeActions(document, entry, { range, versioned, resolvable, ...(context?.only ? { only: context.only } : {}) }, () => fixAllOutput(document, entry));
  });

  // Fix all, chosen: its edit, unless the document changed since the action was offered.
  connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    const document = data && action.kind === FIX_ALL_KIND ? documents.get(data.uri) : undefined;
    if (!document || document.version !== data!.version || !isLinted(document)) return action;
    const output = fixAllOutput(document, await current(document));
    if (output !== undefined) action.edit = fixAllEdit(document, client.workspace?.workspaceEdit?.documentChanges === true, output);
    return action;
  });

  /** Several passes of fixes cost a few lints: run once per document version, and only when fix-all is wanted. */
  const fixAllOutput = (document: TextDocument, entry: LintedEntry) => {
    if (!entry.target) return undefined;
    entry.fixed ??= { output: fixAll(document.getText(), entry.target) };
    return entry.fixed.output;
  };

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document) || options.lengthCounter !== 'inlayHint') return [];
    return inlayHints(document, await current(document), range);
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document) || options.lengthCounter !== 'codeLens') return [];
    return codeLenses(document, await current(document));
  });

  connection.onShutdown(() => {
    for (const uri of [...pending.keys()]) cancel(uri);
  });

  documents.listen(connection);
  connection.listen();
}
