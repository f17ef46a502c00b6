// Latency of the language server from a change to its diagnostics, as an editor sees it: the built
// server runs as a child process over stdio; each edit is an incremental didChange, timed until the
// publishDiagnostics of that version arrives (one edit at a time), then a burst of edits at once.
// Run: npm run bench:lsp   (builds first; or `node bench/lsp-latency.mjs` after `npm run build`)
// LSP_BENCH_LARGE_RUNS=20 times fewer edits on the 100-draft file (default 200), for when each lint takes seconds.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { lint } from '../dist/index.js';

const server = fileURLToPath(new URL('../dist/language-server.js', import.meta.url));
const spawned = performance.now();
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
const lints = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => {
  lints.set(uri, (lints.get(uri) ?? 0) + 1);
  waiting.get(`${uri}@${version}`)?.(diagnostics);
});
connection.listen();
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
const started = performance.now() - spawned;
await connection.sendNotification(InitializedNotification.type, {});

const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, (d) => (waiting.delete(`${uri}@${version}`), resolve(d))));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
// Type a character at (line, character), or delete it again: the document keeps its size.
const keystroke = (line, character, type) =>
  type ? { range: { start: { line, character }, end: { line, character } }, text: 'a' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };

const versions = new Map();
async function open(uri, text) {
  versions.set(uri, 1);
  const opened = published(uri, 1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return opened;
}

async function oneAtATime(name, uri, text, line, character, { warmup, runs }) {
  const first = await open(uri, text);
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const version = versions.get(uri) + 1;
    versions.set(uri, version);
    const done = published(uri, version);
    const start = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [keystroke(line, character, i % 2 === 0)] });
    await done;
    if (i >= warmup) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${text.length} UTF-16 code units, ${first.length} diagnostics; ${runs} edits one at a time: p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms`);
  // The core alone on the same text, in this process: the rest of the figure above is the server and the pipe.
  const alone = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    lint({ text: i % 2 === 0 ? text : text + 'a', channel: 'x' });
    alone.push(performance.now() - start);
  }
  alone.sort((a, b) => a - b);
  console.log(`  lint() alone on the same text: p50 ${percentile(alone, 0.5).toFixed(2)} ms, p99 ${percentile(alone, 0.99).toFixed(2)} ms`);
}

async function bursts(name, uri, line, character, { size, rounds }) {
  const times = [];
  const counts = [];
  for (let round = 0; round < rounds; round++) {
    const base = versions.get(uri);
    const before = lints.get(uri);
    const last = published(uri, base + size);
    const start = performance.now();
    for (let k = 1; k <= size; k++) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: base + k }, contentChanges: [keystroke(line, character, k % 2 === 1)] });
    }
    await last;
    times.push(performance.now() - start);
    counts.push(lints.get(uri) - before);
    versions.set(uri, base + size);
  }
  times.sort((a, b) => a - b);
  counts.sort((a, b) => a - b);
  console.log(`${name}: bursts of ${size} changes sent at once, ${rounds} rounds: to the last version's diagnostics p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms; lints per burst median ${percentile(counts, 0.5)}, max ${counts.at(-1)}`);
}

const draft = (i) =>
  `Cancer found early is more likely to be treated successfully. Noticed a change that isn't normal for you? Talk to your GP today: https://example.org/signs-${i} #SpotCancerEarly @NHSuk 💙`;

console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`start-up: spawn to the initialize reply ${started.toFixed(0)} ms`);

// 1. One X draft of 280 characters, typed at near its end.
const single = (draft(0) + ' Find out more about the signs on our website, and share this post with someone you love today.'.repeat(2)).slice(0, 280);
await oneAtATime('280-character draft', 'file:///bench/draft.txt', single, 0, 270, { warmup: 50, runs: 500 });

// 2. A campaign-like Markdown file: front matter, then 100 drafts under `## channel` headings; the edits are in draft 50.
const channels = ['x', 'bluesky', 'mastodon', 'linkedin', 'threads'];
const lines = ['---', 'name: Spot cancer early', 'hashtags: ["#SpotCancerEarly"]', 'keyMessages:', '  - id: early', '    text: Cancer found early is more likely to be treated successfully.', '---', ''];
let editLine = 0;
for (let i = 0; i < 100; i++) {
  lines.push(`## ${channels[i % channels.length]}: draft ${i + 1}`, '');
  if (i === 49) editLine = lines.length;
  lines.push(draft(i).replace('Talk to your GP', 'Talk to **your GP**'), '');
}
const largeRuns = Number(process.env.LSP_BENCH_LARGE_RUNS ?? 200);
await oneAtATime('100-draft campaign file', 'file:///bench/campaign.md', lines.join('\n'), editLine, 20, { warmup: Math.ceil(largeRuns / 10), runs: largeRuns });
await bursts('100-draft campaign file', 'file:///bench/campaign.md', editLine, 20, { size: 10, rounds: Math.ceil(largeRuns / 10) });

await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
connection.dispose();
console.log(`load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
