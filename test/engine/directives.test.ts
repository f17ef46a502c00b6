import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { applyDirectives, parseDirectives } from '../../src/text/directives.js';
import { splitDraft, toFileOffset, withoutDirectives } from '../../src/text/draft.js';
import { cli, tempDir } from '../helpers/cli.js';

// lint() applies the directives itself, as the CLI and the language server see them.
const summary = (text: string, reportUnused?: 'error' | 'warning') =>
  lint({ text, channel: 'x' }, reportUnused ? { reportUnusedDisableDirectives: reportUnused } : {}).messages.map((m) => `${m.start.line}:${m.start.column} ${m.ruleId}`);

describe('parseDirectives', () => {
  it('reads kinds, rule lists and descriptions, and skips other comments', () => {
    const text = '<!-- postlint-disable max-length, no-markdown -- agreed with comms -->\n<!-- a note -->\n<!--postlint-enable-->\n<!-- postlint-disable-next-line no-markdown -->\n<!-- postlint-disable-line -->\n<!-- postlint-disabled x -->';
    expect(parseDirectives(text).map((d) => [d.kind, d.rules, d.start])).toEqual([
      ['disable', ['max-length', 'no-markdown'], 0],
      ['enable', [], 87],
      ['disable-next-line', ['no-markdown'], 110],
      ['disable-line', [], 158],
    ]);
  });

  it('stops at an unclosed comment and never throws', () => {
    expect(parseDirectives('<!-- postlint-disable x')).toEqual([]);
    expect(parseDirectives('\uD800<!---->')).toEqual([]);
  });
});

describe('directives in lint()', () => {
  it('disables a rule from a comment on, until enabled', () => {
    const text = '**a**\n<!-- postlint-disable no-markdown -->\n**b**\n<!-- postlint-enable -->\n**c**';
    expect(summary(text)).toEqual(['1:1 no-markdown', '5:1 no-markdown']);
  });

  it('disables every rule without ids, and re-enables one by id', () => {
    const text = '<!-- postlint-disable -->\n**a** \uFEFF\n<!-- postlint-enable no-markdown -->\n**b** \uFEFF';
    expect(summary(text)).toEqual(['4:1 no-markdown']);
  });

  it('disables the next line only, for the named rule only', () => {
    const text = '<!-- postlint-disable-next-line no-markdown -->\n**a** \uFEFF\n**b**';
    expect(summary(text)).toEqual(['2:7 invalid-characters', '3:1 no-markdown']);
  });

  it('reports unused directives when asked, per rule id, with a fix that removes the comment', () => {
    const text = '<!-- postlint-disable-next-line no-markdown, max-links -->\n**a**\n<!-- postlint-disable max-length -->';
    expect(summary(text)).toEqual([]);
    const reported = lint({ text, channel: 'x' }, { reportUnusedDisableDirectives: 'error' }).messages;
    expect(reported.map((m) => [m.start.line, m.start.column, m.severity, m.message])).toEqual([
      [1, 1, 'error', "Unused postlint-disable-next-line directive (no problems were reported from 'max-links')"],
      [3, 1, 'error', "Unused postlint-disable directive (no problems were reported from 'max-length')"],
    ]);
    expect(reported[1]!.fix).toEqual({ edits: [{ range: [65, 101], text: '' }] });
    expect(applyDirectives('a <!-- postlint-disable x -->\n', [], { reportUnused: 'error' })[0]!.fix).toEqual({ edits: [{ range: [2, 29], text: '' }] });
    expect(applyDirectives('a\n  <!-- postlint-disable x -->\nb', [], { reportUnused: 'error' })[0]!.fix).toEqual({ edits: [{ range: [2, 32], text: '' }] });
  });
});

describe('splitDraft and withoutDirectives', () => {
  it('leave front matter, directive lines and the final line break out of the body, and map offsets back', () => {
    const text = '---\nchannel: sms\n---\n\n<!-- postlint-disable max-length -->\nHello **there** <!-- postlint-disable-line -->\nBye\n';
    const draft = splitDraft(text, { markdown: true });
    expect(draft.body).toBe('<!-- postlint-disable max-length -->\nHello **there** <!-- postlint-disable-line -->\nBye');
    expect(draft.frontMatter?.yaml).toBe('channel: sms\n');
    expect(draft.removed).toEqual([[0, 22], [109, 110]]);
    const post = withoutDirectives(draft.body);
    expect(post.body).toBe('Hello **there**\nBye');
    expect(post.removed).toEqual([[0, 37], [52, 83]]);
    const inFile = (offset: number, bias: 'before' | 'after') => toFileOffset(draft, toFileOffset(post, offset, bias), bias);
    expect(text.slice(inFile(6, 'after'), inFile(15, 'before'))).toBe('**there**');
    expect(text.slice(inFile(16, 'after'), inFile(19, 'before'))).toBe('Bye');
  });

  it('reads front matter only in Markdown', () => {
    expect(splitDraft('---\nchannel: sms\n---\nHi', { markdown: false }).body).toBe('---\nchannel: sms\n---\nHi');
  });
});

describe('directives and front matter through the CLI', () => {
  it('measures the body only, honours directives and the front-matter channel, reports positions in the file', async () => {
    const dir = tempDir({
      'sms.md': '---\nchannel: sms\n---\n\n<!-- postlint-disable-next-line no-markdown -->\n**Book** your screening today.\n',
      'bad.md': '---\nchannel: myspace\n---\nHi\n',
      'unused.md': 'Hi <!-- postlint-disable-line max-hashtags -->\n',
    });
    const result = await cli(dir, ['.', '--format', 'compact', '--report-unused-disable-directives']);
    expect(result.stdout).toBe(
      [
        'bad.md: line 1, col 1, Error - unknown channel "myspace"; use one of x, x-140, bluesky, mastodon, threads, linkedin, instagram, facebook, sms, email, web, helpline (front-matter)',
        "unused.md: line 1, col 4, Error - Unused postlint-disable-line directive (no problems were reported from 'max-hashtags') (unused-disable-directive)",
        '',
        '2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await cli(dir, ['sms.md', '--format', 'json'])).stdout);
    expect(json[0].channel).toBe('sms');
    expect(json[0].measure.count).toBe(1);
    expect(json[0].measure.sms.characters).toBe(30);
    expect(json[0].messages).toEqual([]);
  });
});
