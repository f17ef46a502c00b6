import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

// A third-party plugin as a package would ship it: plain objects, no import of postlint needed.
const PLUGIN = `export default {
  rules: {
    'no-shouting': {
      meta: {
        id: 'no-shouting',
        description: 'No word in capitals.',
        url: 'https://example.org/acme/no-shouting',
        severity: 'warning',
        fixable: true,
        messages: { shout: '"{word}" shouts' },
        defaults: {},
        docs: { why: 'Capitals read as shouting.', correct: [], incorrect: [] },
      },
      check({ analysis, report }) {
        for (const word of analysis.words) {
          if (word.text.length > 2 && word.text === word.text.toUpperCase() && /\\p{L}/u.test(word.text)) {
            report({ messageId: 'shout', data: { word: word.text }, start: word.start, end: word.end, fix: { edits: [{ range: [word.start, word.end], text: word.text.toLowerCase() }] } });
          }
        }
      },
    },
  },
};
`;

describe('plugins', () => {
  it('loads a plugin from a config file: its rules are configured and reported as plugin/rule', async () => {
    const dir = tempDir({
      'acme-plugin.mjs': PLUGIN,
      'postlint.config.mjs': "import acme from './acme-plugin.mjs';\nexport default { plugins: { acme }, rules: { 'acme/no-shouting': 'error' } };\n",
      'post.txt': 'Please DONATE today\n',
    });
    const run = await cli(dir, ['post.txt', '--format', 'json']);
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout);
    expect(file.messages.map((m: { ruleId: string; message: string; url: string }) => [m.ruleId, m.message, m.url])).toEqual([
      ['acme/no-shouting', '"DONATE" shouts', 'https://example.org/acme/no-shouting'],
    ]);
    const sarif = JSON.parse((await cli(dir, ['post.txt', '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('acme/no-shouting');
    const fixed = await cli(dir, ['post.txt', '--fix']);
    expect(fixed.code).toBe(0);
  });

  it('names the plugin and the key when a config gives a plugin of the wrong shape', async () => {
    const dir = tempDir({
      'postlint.config.mjs': "export default { plugins: { acme: { 'no-shouting': {} } } };\n",
      'post.txt': 'Hi\n',
    });
    const run = await cli(dir, ['post.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plugins.acme: expected a plugin { rules: { "rule-id": rule } }');
  });
});
