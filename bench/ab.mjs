// Before/after: two builds of postlint timed in turns, in one process, on the bench corpus (CPU time).
// Usage: node bench/ab.mjs <dist/index.js of the old build> [<dist/index.js of the new build>]
// e.g. git worktree add /tmp/old <commit> && (cd /tmp/old && npm ci && npm run build) && node bench/ab.mjs /tmp/old/dist/index.js
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus } from './corpus.mjs';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const [beforePath, afterPath = join(ROOT, 'dist/index.js')] = process.argv.slice(2);
if (!beforePath) {
  console.error('Usage: node bench/ab.mjs <old dist/index.js> [<new dist/index.js>]');
  process.exit(2);
}
const before = await import(pathToFileURL(resolve(beforePath)).href);
const after = await import(pathToFileURL(resolve(afterPath)).href);
const twitter = (await import('twitter-text')).default;
const posts = ensureCorpus().corpus;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const contenders = { parseTweet: (t) => twitter.parseTweet(t) };
for (const [name, build] of [['before', before], ['after', after]]) {
  for (const preset of ['none', 'recommended']) contenders[`${name} lint ${preset}`] = (t) => build.lint({ text: t, channel: 'x' }, { preset });
  for (const channel of ['x', 'bluesky']) contenders[`${name} measure ${channel}`] = (t) => build.measure(t, channel);
}
const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
// Rounds of slices of 100 posts, every contender on each slice in turn (see rounds() in run.mjs).
for (let round = 0; round <= 8; round++) {
  const spent = Object.fromEntries(Object.keys(contenders).map((k) => [k, 0]));
  for (let from = 0; from < posts.length; from += 100) {
    const slice = posts.slice(from, from + 100);
    for (const [name, fn] of Object.entries(contenders)) {
      const start = cpu();
      for (const text of slice) fn(text);
      spent[name] += cpu() - start;
    }
  }
  if (round > 0) for (const name of Object.keys(contenders)) times[name].push(spent[name] / posts.length);
}
for (const name of Object.keys(contenders)) {
  const ratio = median(times[name].map((x, i) => x / times.parseTweet[i]));
  console.log(`${name.padEnd(26)} ${median(times[name]).toFixed(1).padStart(7)} µs/post  ${ratio.toFixed(2)}x parseTweet`);
}
const once = (fn) => {
  const start = cpu();
  fn();
  return ((cpu() - start) / 1000).toFixed(0);
};
const setext = 'Some text\n---\n'.repeat(2000);
for (const [name, build] of [['before', before], ['after', after]]) {
  console.log(`${name.padEnd(26)} 2,000 "text\\n---" pairs: lint ${once(() => build.lint({ text: setext, channel: 'x' }))} ms`);
}
