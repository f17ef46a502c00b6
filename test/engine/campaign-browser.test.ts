import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// lintCampaign runs in a browser: bundle the pure core for the browser platform and run it in a
// context with neither Node (process, require, Buffer, fs) nor a DOM. The `worker` condition is the
// one Web Workers and editor extensions get; in a page, remark's entity decoder uses the DOM instead.
it('lintCampaign works from a browser (worker) bundle with no Node globals and no DOM', async () => {
  const bundle = await build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', conditions: ['worker'], format: 'iife', globalName: 'postlint', write: false, logLevel: 'silent' });
  const code = bundle.outputFiles[0]!.text;
  const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, URL, console };
  runInNewContext(code + '\nglobalThis.result = postlint.lintCampaign(markdown);', Object.assign(sandbox, { markdown: readFileSync('examples/bowel-cancer-awareness.md', 'utf8') }));
  const result = sandbox.result as { posts: { channel: string; result: { keyMessages: { carried: string[] } } }[]; coverage: { id: string; carriedBy: number[] }[] };
  expect(result.posts.map((p) => p.channel)).toEqual(['x', 'bluesky', 'linkedin', 'instagram', 'facebook', 'sms']);
  expect(result.posts[0]!.result.keyMessages.carried).toEqual(['know-the-symptoms', 'see-your-gp']);
  expect(result.coverage.map((c) => c.carriedBy.length)).toEqual([3, 3, 3, 1]);
});

it('reads key messages by meaning in a browser bundle too: the vectors decode without Buffer or atob', async () => {
  const entry = "export { lintCampaign } from './src/index.ts'; export { englishWordVectors } from './packages/vectors-en/src/index.ts';";
  const bundle = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'browser', conditions: ['worker'], format: 'iife', globalName: 'postlint', write: false, logLevel: 'silent' });
  const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, URL, console };
  runInNewContext(bundle.outputFiles[0]!.text + '\nglobalThis.result = postlint.lintCampaign(markdown, { wordVectors: postlint.englishWordVectors() });', Object.assign(sandbox, { markdown: readFileSync('examples/bowel-cancer-awareness.md', 'utf8') }));
  const result = sandbox.result as { posts: { result: { keyMessages: { carried: string[]; phrases: { id: string; text: string }[] } } }[] };
  expect(result.posts).toHaveLength(6);
  for (const post of result.posts) expect(post.result.keyMessages.phrases.map((p) => p.id)).toEqual(post.result.keyMessages.carried);
});
