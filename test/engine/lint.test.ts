import { describe, expect, it } from 'vitest';
import { channels, defineRule, lint, PostlintConfigError, rules, toVFileMessage } from '../../src/index.js';

describe('lint', () => {
  it('defaults to X and reports the overflow exactly, with 1-based line/column and 0-based offsets', () => {
    const text = 'Line one\n' + 'a'.repeat(280);
    const result = lint({ text });
    expect(result.channel).toBe('x');
    expect(result.measure).toMatchObject({ count: 289, limit: 280, fits: false, overflowStart: 280 });
    expect(result.messages).toEqual([
      {
        ruleId: 'max-length',
        severity: 'error',
        message: 'Too long for X: 289/280 weighted characters, 9 over: shorten it or split it into a thread',
        messageId: 'tooLong',
        start: { line: 2, column: 272, offset: 280 },
        end: { line: 2, column: 281, offset: 289 },
        url: rules['max-length']!.meta.url ?? 'https://github.com/postlint/postlint/blob/main/docs/rules.md#max-length',
        data: { count: 289, limit: 280, unit: 'weighted characters', channel: 'X', over: 9 },
        suggestions: [{ title: 'Split into a 2-post thread', fix: { edits: [{ range: [145, 145], text: ' 1/2\n\n---\n\n' }, { range: [289, 289], text: ' 2/2' }] } }],
      },
    ]);
  });

  it('sorts messages by position and returns plain JSON', () => {
    const text = 'Read **this** and [that](https://example.org)\uFEFF';
    const result = lint({ text, channel: 'x' });
    expect(result.messages.map((m) => [m.ruleId, m.start.offset, m.end.offset])).toEqual([
      ['no-markdown', 5, 13],
      ['no-markdown', 18, 45],
      ['invalid-characters', 45, 46],
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('counts CRLF and CR as line ends for positions', () => {
    const result = lint({ text: 'a\r\nb\r**c**', channel: 'bluesky' });
    expect(result.messages[0]).toMatchObject({ ruleId: 'no-markdown', start: { line: 3, column: 1, offset: 5 }, end: { line: 3, column: 6, offset: 10 } });
  });

  it('turns rules off, changes severity and passes options, as ESLint users expect', () => {
    const text = '**bold** ' + 'a'.repeat(300);
    expect(lint({ text }, { rules: { 'max-length': 'off' } }).messages.map((m) => m.ruleId)).toEqual(['no-markdown']);
    expect(lint({ text }, { rules: { 'no-markdown': 'error' } }).messages.map((m) => m.severity)).toEqual(['error', 'error']);
    expect(lint({ text }, { rules: { 'no-markdown': 'info' } }).messages.map((m) => m.severity)).toEqual(['info', 'error']);
    const tags = '#a #b #c';
    expect(lint({ text: tags, channel: 'x' }, { rules: { 'max-hashtags': ['warn', { max: 2 }] } }).messages).toMatchObject([
      { ruleId: 'max-hashtags', severity: 'warning', message: '3 hashtags, over your limit of 2: remove 1', start: { offset: 6 }, end: { offset: 8 } },
    ]);
  });

  it('is silent on long-form channels for length and on Markdown channels for Markdown', () => {
    expect(lint({ text: '**Join us** ' + 'a'.repeat(5000), channel: 'email' }).messages).toEqual([]);
  });

  it('gives a clear error naming the key for bad options', () => {
    expect(() => lint({ text: 'hi' }, { rules: { 'max-lenght': 'error' } })).toThrow(PostlintConfigError);
    expect(() => lint({ text: 'hi' }, { rules: { 'max-lenght': 'error' } })).toThrow(/^rules\.max-lenght: unknown rule; use one of /);
    expect(() => lint({ text: 'hi' }, { rules: { 'max-length': 'loud' as never } })).toThrow("rules.max-length: unknown severity \"loud\"; use 'off', 'warn', 'error' or 'info'");
    expect(() => lint({ text: 'hi' }, { preset: 'strict' })).toThrow('preset: unknown preset "strict"; use one of');
    expect(() => lint({ text: 'hi', channel: 'tiktok' })).toThrow('channel: unknown channel "tiktok"');
    expect(() => lint({ text: 42 } as never)).toThrow('post.text: expected { text: string, channel?: string }');
    expect(() => lint({ text: 'hi' }, { rules: { 'max-hashtags': ['error', 'lots' as never] } })).toThrow('rules.max-hashtags[1]: options must be an object');
  });

  it('never throws on odd strings: lone surrogates, controls, a megabyte', () => {
    for (const text of ['\uD800', '\uDC00abc', '\u0000\u0001\u001F', '\u202E\u2066', 'a'.repeat(1_000_000), '#'.repeat(100_000), '']) {
      for (const channel of Object.keys(channels)) {
        const result = lint({ text, channel });
        expect(result.messages.filter((m) => m.messageId === 'internal-error')).toEqual([]);
      }
    }
  });

  it('runs custom rules, and turns a crashing rule into a diagnostic instead of a crash', () => {
    const shout = defineRule({
      meta: { id: 'no-shouting', description: 'No words in capitals.', severity: 'warning', fixable: false, messages: { shout: '"{word}" shouts' }, defaults: {}, docs: { why: '', correct: [], incorrect: [] } },
      check({ analysis, report }) {
        for (const word of analysis.words) if (word.text.length > 2 && word.text === word.text.toUpperCase()) report({ messageId: 'shout', data: { word: word.text }, start: word.start, end: word.end });
      },
    });
    const broken = defineRule({
      meta: { id: 'broken', description: 'Always fails.', severity: 'warning', fixable: false, messages: {}, defaults: {}, docs: { why: '', correct: [], incorrect: [] } },
      check() {
        throw new Error('boom');
      },
    });
    const result = lint({ text: 'Please DONATE now' }, { plugins: { acme: { rules: { 'no-shouting': shout, broken } } }, rules: { 'acme/no-shouting': 'warn', 'acme/broken': 'warn' } });
    expect(result.messages.map((m) => [m.ruleId, m.message, m.start.offset])).toEqual([
      ['acme/broken', 'Rule "acme/broken" failed on this draft: boom. Please report it.', 0],
      ['acme/no-shouting', '"DONATE" shouts', 7],
    ]);
  });

  it('converts diagnostics to vfile messages for unified tooling', () => {
    const [diagnostic] = lint({ text: 'a'.repeat(281) }).messages;
    const message = toVFileMessage(diagnostic!, 'draft.txt');
    expect(message.reason).toBe('Too long for X: 281/280 weighted characters, 1 over: shorten it or split it into a thread');
    expect(message.ruleId).toBe('max-length');
    expect(message.source).toBe('postlint');
    expect(message.fatal).toBe(true);
    expect(message.file).toBe('draft.txt');
    expect(message.place).toEqual({ start: { line: 1, column: 281, offset: 280 }, end: { line: 1, column: 282, offset: 281 } });
  });
});
