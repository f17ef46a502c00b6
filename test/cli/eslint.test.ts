import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, overLongX, tempDir } from '../helpers/cli.js';

describe('the CLI behaves as ESLint users expect', () => {
  it('--print-config <file> prints the settings for that file and lints nothing', async () => {
    const dir = tempDir({
      '.postlintrc.yaml': 'channel: bluesky\nrules:\n  max-hashtags: [warn, { max: 2 }]\noverrides:\n  - files: "sms/**"\n    channel: sms\ncontacts:\n  phones: ["0808 800 4040"]\n',
    });
    const { code, stdout } = await cli(dir, ['--print-config', 'sms/reminder.md']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.channel).toBe('sms');
    expect(printed.rules['max-hashtags']).toEqual(['warn', { max: 2 }]);
    expect(printed.contacts).toEqual({ phones: ['0808 800 4040'] });
    expect(printed.configFile).toBe(path.join(dir, '.postlintrc.yaml'));
  });

  it('--init writes .postlintrc.yaml from flags, or from answers, and never over an existing config', async () => {
    const dir = tempDir();
    const flags = await cli(dir, ['--init', '--channel', 'bluesky', '--preset', 'health']);
    expect(flags.code).toBe(0);
    expect(flags.stdout).toContain('Wrote .postlintrc.yaml (channel bluesky, preset health)');
    const written = readFileSync(path.join(dir, '.postlintrc.yaml'), 'utf8');
    expect(written).toContain('extends: health\nchannel: bluesky\n');
    // The written config is one postlint reads.
    expect((await cli(dir, ['--text', 'Hello'])).code).toBe(0);
    expect((await cli(dir, ['--init'])).stderr).toContain('.postlintrc.yaml already exists here');

    const asked = tempDir();
    const questions: string[] = [];
    const answers = ['tiktok', 'sms', ''];
    let stderr = '';
    const { runCli } = await import('../../src/node/cli.js');
    const code = await runCli(['--init'], {
      stdout: () => {},
      stderr: (s) => (stderr += s),
      readStdin: () => '',
      color: false,
      version: 'test',
      cwd: asked,
      prompt: async (q) => (questions.push(q), answers.shift()!),
    });
    expect(code).toBe(0);
    expect(questions).toHaveLength(3);
    expect(stderr).toContain('"tiktok" is not one of');
    expect(readFileSync(path.join(asked, '.postlintrc.yaml'), 'utf8')).toContain('extends: recommended\nchannel: sms\n');
  });

  it('warns when a file named on the command line is ignored', async () => {
    const dir = tempDir({ '.postlintignore': 'archive/\n', 'archive/old.txt': 'Old draft', 'new.txt': 'New draft' });
    const { code, stderr } = await cli(dir, ['archive/old.txt', 'new.txt']);
    expect(code).toBe(0);
    expect(stderr).toBe('postlint: warning: archive/old.txt is ignored (by .postlintignore or the config\'s ignorePatterns), so it was not linted; use --no-ignore to lint it\n');
  });

  it('reports unknown rule ids in disable comments, with the nearest real one', async () => {
    const dir = tempDir({ 'post.md': '<!-- postlint-disable-next-line no-markdwn -->\n**Book** today\n' });
    const { stdout } = await cli(dir, ['post.md', '--channel', 'x']);
    expect(stdout).toContain('Unknown rule "no-markdwn" in this postlint-disable-next-line comment, so it disables nothing: did you mean "no-markdown"?');
    expect(stdout).toContain('X does not show bold');
  });

  it('--stdin --fix prints the fixed text alone on stdout, and the problems left on stderr', async () => {
    const { code, stdout, stderr } = await cli(tempDir(), ['--stdin', '--fix', '--channel', 'x'], `Join us **today**  at the clinic. ${'word '.repeat(60)}`);
    expect(stdout).toBe(`Join us today at the clinic. ${'word '.repeat(60).trimEnd()}`);
    expect(stderr).toContain('max-length');
    expect(code).toBe(1);
  });

  it('counts the problems --fix would fix, and suggests --split on a length error', async () => {
    const dir = tempDir({ 'long.txt': `**Free** screening.  ${overLongX}` });
    const { stdout } = await cli(dir, ['long.txt', '--channel', 'x']);
    expect(stdout).toContain('\n2 problems fixable with --fix\n');
    expect(stdout).toContain('Too long? postlint --split --channel x long.txt prints the draft as a thread (or SMS parts) whose every part fits.');
  });

  it('-f ./my-formatter.js runs a formatter module', async () => {
    const dir = tempDir({
      'draft.txt': '**Hi**',
      'my-formatter.mjs': 'export default (results, context) => results.map((r) => `${r.file}: ${r.posts[0].result.messages.length} (postlint ${context.version})`).join("\\n") + "\\n";',
    });
    const { code, stdout } = await cli(dir, ['draft.txt', '-f', './my-formatter.mjs']);
    expect(code).toBe(0);
    expect(stdout).toBe('draft.txt: 1 (postlint 0.0.0-test)\n');
    expect((await cli(dir, ['draft.txt', '-f', './missing.mjs'])).stderr).toContain('cannot load the formatter ./missing.mjs');
  });

  it('prints nothing for clean files unless --verbose; --quiet shows errors only', async () => {
    const dir = tempDir({ 'clean.txt': 'Book your screening today.', 'warn.txt': 'Book your **screening** today.' });
    expect((await cli(dir, ['clean.txt'])).stdout).toBe('');
    expect((await cli(dir, ['clean.txt', '--verbose'])).stdout).toBe('clean.txt\n  x: 26/280 weighted characters\n\n');
    const both = await cli(dir, ['clean.txt', 'warn.txt']);
    expect(both.stdout).not.toContain('clean.txt');
    expect(both.stdout).toContain('warn.txt\n  1:11  warning');
    expect((await cli(dir, ['warn.txt', '--quiet'])).stdout).toBe('');
  });

  it('stylish and compact count problems the same way, and show multi-line excerpts on one line', async () => {
    const dir = tempDir({ 'post.txt': 'Free **screening\nthis week** #worldcancerday' });
    const stylish = (await cli(dir, ['post.txt'])).stdout;
    const compact = (await cli(dir, ['post.txt', '-f', 'compact'])).stdout;
    expect(stylish).toContain('2 problems (0 errors, 1 warning, 1 info)');
    expect(compact).toContain('2 problems (0 errors, 1 warning, 1 info)');
    expect(stylish).toContain('readers will see "**screening⏎this week**" as typed');
    expect(compact).toContain('readers will see "**screening⏎this week**" as typed');
  });

  it('in campaign output each draft heading comes before its messages, naming the channel once', async () => {
    const { stdout } = await cli(path.resolve('.'), ['examples/bowel-cancer-awareness.md']);
    const heading = stdout.indexOf('  2 bluesky (');
    expect(heading).toBeGreaterThan(0);
    expect(stdout.indexOf('Bluesky does not show italics')).toBeGreaterThan(heading);
    expect(stdout).not.toMatch(/bluesky bluesky/);
    expect(stdout).not.toMatch(/  6 sms \(\d+\/1 segments/); // a clean draft is not listed
  });

  it('names an unknown option and its nearest real one, not Node parser text', async () => {
    expect((await cli(tempDir(), ['--chanel', 'x'])).stderr).toBe('postlint: unknown option "--chanel"; did you mean "--channel"? Run "postlint --help" for the options.\n');
    expect((await cli(tempDir(), ['--text'])).stderr).toBe('postlint: --text needs a value, e.g. --text "Book your screening today". Run "postlint --help" for the options.\n');
  });

  it('--preset pharma without products says so and exits 0', async () => {
    const { code, stderr } = await cli(tempDir(), ['--preset', 'pharma', '--text', 'Zelvaxa reduces flares.']);
    expect(code).toBe(0);
    expect(stderr).toContain('the pharma rules (fair-balance, risk-link, established-name, prescription-only-public) check nothing without products');
  });
});

describe('contacts: the organisation’s own details are not personal data', () => {
  it('passes the configured number and names the setting when a number is flagged', async () => {
    const dir = tempDir({ '.postlintrc.yaml': 'contacts:\n  phones: ["020 7946 0958"]\n  domains: [example.org]\n', 'post.txt': 'Call us on 020 7946 0958 or email nurses@example.org' });
    expect((await cli(dir, ['post.txt'])).stdout).toBe('');
    writeFileSync(path.join(dir, 'post.txt'), 'Call Jo on 07911 123456');
    const { stdout, code } = await cli(dir, ['post.txt']);
    expect(code).toBe(1);
    expect(stdout).toContain('Phone number in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)');
  });

  it('names the key of a mistake in contacts', async () => {
    const dir = tempDir({ '.postlintrc.yaml': 'contacts:\n  phone: ["020 7946 0958"]\n', 'post.txt': 'Hi' });
    const { code, stderr } = await cli(dir, ['post.txt']);
    expect(code).toBe(2);
    expect(stderr).toContain('contacts.phone: unknown key; contacts has phones, emails, addresses, handles, domains');
    expect(existsSync(path.join(dir, 'post.txt'))).toBe(true);
  });
});
