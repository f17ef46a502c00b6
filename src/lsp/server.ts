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
import { codeActions, codeLenses, FIX_ALL_KIND, inlayHints, toLspDiagnostics } from './convert.js';
import { lintDocument, type CampaignLinter, type LintedDocument } from './document.js';
import { parseServerOptions, type ServerOptions } from './options.js';
import { CONFIG_FILE_NAMES, SettingsResolver } from './settings.js';

/**
 * The postlint language server on a connection: lints a document when it opens or changes (only
 * that document, as soon as the changes already received are applied, so a burst lints once),
 * publishes diagnostics, offers fixes and suggestions as code actions, and shows each draft's length.
 */
export function startServer(connection: Connection, { version, lintCampaign }: { version: string; lintCampaign?: CampaignLinter }): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, LintedDocument>();
  const pending = new Map<string, () => void>();
  let options: ServerOptions = parseServerOptions(undefined).options;
  let optionsProblem: string | undefined;
  let resolver = new SettingsResolver(options);
  let client: ClientCapabilities = {};

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    ({ options, problem: optionsProblem } = parseServerOptions(params.initializationOptions));
    resolver = new SettingsResolver(options);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
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

  const isLinted = (document: TextDocument) => {
    if (options.languages.includes(document.languageId)) return true;
    const path = document.uri.toLowerCase().split(/[?#]/)[0]!;
    return options.extensions.some((extension) => path.endsWith(extension.toLowerCase()));
  };

  const isConfigFile = (uri: string) => (CONFIG_FILE_NAMES as readonly string[]).includes(basename(uri.split(/[?#]/)[0]!));

  const lintAndPublish = (document: TextDocument): LintedDocument => {
    cancel(document.uri);
    let result: LintedDocument;
    try {
      const text = document.getText();
      result = lintDocument(document.version, text, resolver.resolveSettings(document.uri, text), lintCampaign);
    } catch (error) {
      connection.console.error(`postlint: linting ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      result = { version: document.version, findings: [], measures: [], problems: [{ message: `postlint failed on this document: ${String(error)}`, start: 0, end: 0, blocking: true }] };
    }
    linted.set(document.uri, result);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toLspDiagnostics(document, result, options.lengthCounter) });
    return result;
  };

  /** The lint of the document's current version; a request that arrives before the scheduled lint runs it now. */
  const current = (document: TextDocument): LintedDocument => {
    const last = linted.get(document.uri);
    return last?.version === document.version ? last : lintAndPublish(document);
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
      try {
        if (latest && linted.get(uri)?.version !== latest.version) lintAndPublish(latest);
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

  const relintAll = () => {
    for (const document of documents.all()) if (isLinted(document)) lintAndPublish(document);
    if (client.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
    if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh');
  };

  // Fires on open too.
  documents.onDidChangeContent(({ document }) => {
    if (isLinted(document)) schedule(document);
  });

  documents.onDidClose(({ document }) => {
    cancel(document.uri);
    linted.delete(document.uri);
    resolver.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // A client that cannot watch files still tells us when a config file it edits is saved.
  documents.onDidSave(({ document }) => {
    if (isConfigFile(document.uri)) {
      resolver.invalidate();
      relintAll();
    }
  });

  // Some clients report every file they watch: only a config file's change re-reads settings.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!changes.some((change) => isConfigFile(change.uri))) return;
    resolver.invalidate();
    relintAll();
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document)) return [];
    const versioned = client.workspace?.workspaceEdit?.documentChanges === true;
    return codeActions(document, current(document), { range, versioned, ...(context?.only ? { only: context.only } : {}) });
  });

  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document) || options.lengthCounter !== 'inlayHint') return [];
    return inlayHints(document, current(document), range);
  });

  connection.onCodeLens(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isLinted(document) || options.lengthCounter !== 'codeLens') return [];
    return codeLenses(document, current(document));
  });

  connection.onShutdown(() => {
    for (const uri of [...pending.keys()]) cancel(uri);
  });

  documents.listen(connection);
  connection.listen();
}
