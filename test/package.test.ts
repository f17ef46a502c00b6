import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the built package', () => {
  it("works with import from ESM ('postlint' resolves through the exports map)", () => {
    const { stdout, stderr } = node(['--input-type=module', '-e', "import { lint } from 'postlint'; console.log(lint({ text: 'a'.repeat(281) }).messages[0].message)"]);
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe('Too long for X: 281/280 weighted characters, 1 over: shorten it or split it into a thread');
  });

  it('works with require from CommonJS', () => {
    const { stdout, stderr } = node(['-e', "const { measure } = require('postlint'); console.log(JSON.stringify(measure('👩🏽‍⚕️', 'x')))"]);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ channel: 'x', count: 2, limit: 280, unit: 'weighted characters', remaining: 278, fits: true });
  });

  it('bundles the pure core for a browser with no Node built-in', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => /^node:|^(fs|path|process|os|child_process)$/.test(file))).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});
