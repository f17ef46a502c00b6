import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

describe('postlint <campaign>.md', () => {
  const file = 'examples/bowel-cancer-awareness.md';
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const at = (needle: string) => {
    const before = source.slice(0, source.indexOf(needle)).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  };

  it('lints every draft for its own channel, at source line:column, and says what each carries', async () => {
    const { code, stdout } = await cli(ROOT, [file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`  ${at('#bowelcancerawareness')}  warning  Campaign hashtag spelled #bowelcancerawareness: write #BowelCancerAwareness, the same on every channel`);
    expect(stdout).toContain(`  ${at('https://example.org/fun-run')}  warning  This link goes to https://example.org/fun-run, not the campaign's page: link to https://example.org/bowel-cancer-awareness`);
    // Each draft with problems gets a heading (number, channel, label, count) above its messages; a clean one none.
    expect(stdout).toContain('  1 x: launch day (189/280 weighted characters)\n    27:86 ');
    expect(stdout).not.toContain('  6 sms (1/1 segments');
    expect(stdout).toContain(`  1 x: launch day (line ${source.slice(0, source.indexOf('Blood in your poo, a change')).split('\n').length}) carries: know-the-symptoms, see-your-gp\n`);
    expect(stdout).toContain('  5 facebook (line 51) carries: no key message\n');
  });

  it('prints the coverage matrix of key messages by drafts', async () => {
    const { stdout } = await cli(ROOT, [file]);
    const matrix = stdout.slice(stdout.indexOf('  coverage'));
    expect(matrix).toBe(
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

  it('gives each draft as a labelled post in JSON, with campaign-level messages first', async () => {
    const { stdout } = await cli(ROOT, [file, '--format', 'json']);
    const [result] = JSON.parse(stdout) as { warningCount: number; messages: { ruleId: string }[]; posts: { label: string; channel: string; messages: { ruleId: string }[]; keyMessages: { carried: string[] } }[] }[];
    expect(result!.warningCount).toBe(12);
    expect(result!.posts.map((p) => [p.label, p.channel])).toEqual([
      ['1 x: launch day', 'x'],
      ['2 bluesky', 'bluesky'],
      ['3 linkedin: employers', 'linkedin'],
      ['4 instagram', 'instagram'],
      ['5 facebook', 'facebook'],
      ['6 sms', 'sms'],
    ]);
    expect(result!.messages[0]!.ruleId).toBe('campaign-coverage');
    expect(result!.posts[5]!.keyMessages.carried).toEqual(['do-the-test']);
  });

  it('fixes a campaign file in place at the right source offsets', async () => {
    const plan = `---\nname: WCD\nhashtags: ["#WorldCancerDay"]\nkeyMessages:\n  - id: a\n    text: Cancer found early is easier to treat.\n---\n## x\nFound **early**, cancer is easier to treat. #worldcancerday\n`;
    const dir = tempDir({ 'plan.md': plan });
    const { code } = await cli(dir, ['plan.md', '--fix']);
    expect(code).toBe(0);
    // The campaign's spelling of its hashtag, and the Markdown X would show as asterisks.
    expect(readFileSync(path.join(dir, 'plan.md'), 'utf8')).toBe(plan.replace('#worldcancerday', '#WorldCancerDay').replace('**early**', 'early'));
  });
});
