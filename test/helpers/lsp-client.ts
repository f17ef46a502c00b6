import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The built server, as `postlint-language-server` runs it; `npm test` builds before vitest runs. */
export const SERVER = fileURLToPath(new URL('../../dist/language-server.js', import.meta.url));
if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" (npm test does) before these tests`);

export const CAPABILITIES: ClientCapabilities = {
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, inlayHint: { refreshSupport: true } },
  textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true }, inlayHint: {}, codeAction: {} },
  general: { positionEncodings: ['utf-16'] },
};

/** A real LSP client over stdio: the server is a child process, as an editor starts it. */
export class TestClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  stderr = '';
  readonly #waiters: { test: (p: PublishDiagnosticsParams, index: number) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const index = this.published.push(params) - 1;
      for (const waiter of [...this.#waiters]) {
        if (waiter.test(params, index)) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    this.connection.listen();
  }

  async initialize(initializationOptions?: unknown, capabilities: ClientCapabilities = CAPABILITIES): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next diagnostics published for `uri` (after the `after`-th publish overall) matching `version` when given. */
  diagnostics(uri: string, options: { version?: number; after?: number } = {}): Promise<PublishDiagnosticsParams> {
    const after = options.after ?? -1;
    const test = (p: PublishDiagnosticsParams, index: number) => index > after && p.uri === uri && (options.version === undefined || p.version === options.version);
    const seen = this.published.findIndex(test);
    if (seen >= 0) return Promise.resolve(this.published[seen]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} ${JSON.stringify(options)}; got ${JSON.stringify(this.published.map((p) => [p.uri, p.version]))}\n${this.stderr}`)), 10_000);
      this.#waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
