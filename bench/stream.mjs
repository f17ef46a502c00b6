// Child process of run.mjs: lints every line of a JSONL file through the Node API, streaming, and
// reports RSS at checkpoints, so the parent can show memory does not grow with the input.
// Usage: node bench/stream.mjs <file.jsonl> <checkpoint,checkpoint,...>
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { lint } from '../dist/node.js';

const [file, checkpointList] = process.argv.slice(2);
const checkpoints = new Set(checkpointList.split(',').map(Number));
const options = { preset: 'recommended' };
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const report = { checkpoints: [], messages: 0 };
const started = performance.now();
let posts = 0;

const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  report.messages += lint({ text: JSON.parse(line), channel: 'x' }, options).messages.length;
  posts++;
  if (checkpoints.has(posts)) {
    // maxRSS is the peak so far (KiB); rss is now.
    report.checkpoints.push({ posts, rssMB: mb(process.memoryUsage().rss), peakRssMB: mb(process.resourceUsage().maxRSS * 1024), seconds: (performance.now() - started) / 1000 });
  }
}
report.posts = posts;
process.stdout.write(JSON.stringify(report));
