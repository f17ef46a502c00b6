import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/node.js';

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '', color: false, version: '0.0.0' });
  return { code, stdout, stderr };
}

describe('postlint <campaign>.md', () => {
  const file = 'examples/bowel-cancer-awareness.md';
  const source = readFileSync(file, 'utf8');
  const lineOf = (needle: string) => source.slice(0, source.indexOf(needle)).split('\n').length;

  it('lints every draft for its own channel, at source line:column, with what each carries', () => {
    const { code, stdout } = cli(file);
    expect(code).toBe(0);
    expect(stdout).toContain(`  1 x: launch day (line ${lineOf('Blood in your poo, a change')})`);
    expect(stdout).toContain('    x: 185/280 weighted characters\n    carries: know-the-symptoms, see-your-gp\n');
    const hashtagLine = lineOf('#bowelcancerawareness');
    const column = source.split('\n')[hashtagLine - 1]!.indexOf('#bowelcancerawareness') + 1;
    expect(stdout).toContain(`    ${hashtagLine}:${column}  warning  Write the campaign hashtag as #BowelCancerAwareness, the same on every channel, not #bowelcancerawareness  campaign-hashtag`);
    expect(stdout).toContain('    sms: 1/1 segments (GSM-7, 110 characters)\n    carries: do-the-test\n');
  });

  it('prints the coverage matrix of key messages by drafts', () => {
    const { stdout } = cli(file);
    const matrix = stdout.slice(stdout.indexOf('  coverage'));
    expect(matrix.split('\n').slice(0, 8).join('\n')).toBe(
      [
        '  coverage (key messages x drafts)',
        '    key message        1 2 3 4 5 6',
        '    know-the-symptoms  ✓ · ✓ ✓ · ·  3 drafts',
        '    see-your-gp        ✓ · ✓ ✓ · ·  3 drafts',
        '    do-the-test        · ✓ ✓ · · ✓  3 drafts',
        '    early-diagnosis    · · ✓ · · ·  1 draft, none on facebook',
        '    1 x: launch day  2 bluesky  3 linkedin: employers  4 instagram  5 facebook  6 sms',
        '',
      ].join('\n'),
    );
  });

  it('gives the whole campaign result as JSON', () => {
    const { stdout } = cli(file, '--format', 'json');
    const [result] = JSON.parse(stdout) as { file: string; posts: { channel: string }[]; coverage: unknown[] }[];
    expect(result!.file).toBe(file);
    expect(result!.posts.map((p) => p.channel)).toEqual(['x', 'bluesky', 'linkedin', 'instagram', 'facebook', 'sms']);
    expect(result!.coverage).toHaveLength(4);
  });
});
