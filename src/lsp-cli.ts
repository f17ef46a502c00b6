#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createRequire } from 'node:module';
import { startServer } from './lsp/server.js';
import type { WordVectors } from './facts/word-vectors.js';
import { isVectorsPackageMissing, VECTORS_PACKAGE } from './node/word-vectors.js';

declare const __POSTLINT_VERSION__: string;

const USAGE = `Usage: postlint-language-server [--stdio | --node-ipc | --socket=<port>]

The postlint language server: live diagnostics, quick fixes and the length of each draft in any
editor that speaks the Language Server Protocol. Talks over standard input and output by default.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE + '\n');
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(__POSTLINT_VERSION__ + '\n');
} else {
  // vscode-languageserver reads --stdio, --node-ipc and --socket itself; with none given, stdio.
  const transport = args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='));
  const connection = transport ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // Campaigns (a plan with keyMessages in its front matter, or one in the config) read their key
  // messages by meaning. The vectors' 1.4 MB package (@postlint/vectors-en, when installed) is loaded on the first campaign, not at start-up,
  // and with require() (an ES module, Node >= 20.19) because linting a document is synchronous.
  const fromDist = createRequire(import.meta.url);
  let vectors: WordVectors | undefined;
  let loaded = false;
  const wordVectors = () => {
    if (!loaded) {
      try {
        vectors = (fromDist(VECTORS_PACKAGE) as { englishWordVectors(): WordVectors }).englishWordVectors();
      } catch (error) {
        // Not installed: key messages are read by the lexical matcher alone. A broken install fails each time, never quietly.
        if (!isVectorsPackageMissing(error)) throw error;
      }
      loaded = true;
    }
    return vectors;
  };
  startServer(connection, { version: __POSTLINT_VERSION__, wordVectors });
}
