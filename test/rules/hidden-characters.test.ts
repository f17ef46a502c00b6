import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const only = (options?: Record<string, unknown>) => ({ preset: 'none', rules: { 'hidden-characters': options ? (['warn', options] as ['warn', Record<string, unknown>]) : ('warn' as const) } });
const found = (text: string, channel = 'bluesky', options?: Record<string, unknown>) =>
  lint({ text, channel }, only(options)).messages.map((m) => ({ id: m.messageId, start: m.start.offset, end: m.end.offset, message: m.message, fix: m.fix?.edits, suggestions: m.suggestions }));

describe('hidden-characters', () => {
  it('reports a run of zero-width characters once, with its exact range and a fix that removes it', () => {
    expect(found('Join\u200B\u200B\u200Bus')).toEqual([
      { id: 'invisible', start: 4, end: 7, message: 'Invisible character U+200B (zero width space) ×3, often pasted from a document or website: remove it', fix: [{ range: [4, 7], text: '' }], suggestions: undefined },
    ]);
  });

  it('names up to three distinct characters of a mixed run', () => {
    expect(found('a\u200B\u2060\u00AD\u3164b')[0]!.message).toBe(
      'Invisible character U+200B (zero width space), U+2060 (word joiner), U+00AD (soft hyphen) and 1 more, often pasted from a document or website: remove it',
    );
  });

  it('reports bidi overrides and isolates separately from invisible characters', () => {
    expect(found('\u2066x\u2069 \u202Eabc').map((m) => [m.id, m.start, m.end])).toEqual([
      ['bidi', 0, 1],
      ['bidi', 2, 3],
      ['bidi', 4, 5],
    ]);
  });

  it('leaves emoji ZWJ sequences, keycaps, skin tones and subdivision flags alone', () => {
    expect(found('👨‍👩‍👧‍👦 👩🏽‍⚕️ 1️⃣ #️⃣ 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ❤️')).toEqual([]);
  });

  it('flags a ZWJ that joins no emoji, after an emoji or between Latin letters', () => {
    expect(found('👍\u200D ok').map((m) => [m.id, m.start, m.end])).toEqual([['invisible', 2, 3]]);
    expect(found('a\u200Db').map((m) => [m.start, m.end])).toEqual([[1, 2]]);
  });

  it('keeps the joiners Persian and Indic scripts need', () => {
    expect(found('می‌خواهم')).toEqual([]);
    expect(found('ക്ഷ\u200D')).toEqual([]);
  });

  it('keeps direction marks in right-to-left text, and flags them in text without any', () => {
    expect(found('שלום\u200F 2024')).toEqual([]);
    expect(found('Hello\u200F world').map((m) => [m.start, m.end])).toEqual([[5, 6]]);
  });

  it('flags tag characters outside a flag (hidden "ASCII smuggling")', () => {
    const text = 'Hi\u{E0049}\u{E0047}\u{E004E}';
    expect(found(text).map((m) => [m.start, m.end, m.message])).toEqual([[2, 8, 'Invisible character U+E0049 (tag character), U+E0047 (tag character), U+E004E (tag character), often pasted from a document or website: remove it']]);
  });

  it('flags a variation selector after a Latin letter or another selector', () => {
    expect(found('a\uFE0F ✔\uFE0F\uFE0F').map((m) => [m.start, m.end])).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  it('suggests plain letters for fancy ones, one run across spaces and punctuation', () => {
    const text = '𝗙𝗿𝗲𝗲 𝘀𝗰𝗿𝗲𝗲𝗻𝗶𝗻𝗴! Book Ⓗⓘ';
    const messages = found(text);
    expect(messages.map((m) => [m.id, m.start, m.end, m.message])).toEqual([
      ['fancy', 0, 27, 'Screen readers spell out or skip "𝗙𝗿𝗲𝗲 𝘀𝗰𝗿𝗲𝗲𝗻𝗶𝗻𝗴": write "Free screening"'],
      ['fancy', 34, 36, 'Screen readers spell out or skip "Ⓗⓘ": write "Hi"'],
    ]);
    expect(messages[0]!.fix).toBeUndefined();
    expect(messages[0]!.suggestions).toEqual([{ title: 'Write "Free screening"', fix: { edits: [{ range: [0, 27], text: 'Free screening' }] } }]);
  });

  it('leaves U+FEFF to invalid-characters on X, so it is reported once', () => {
    expect(found('a\uFEFFb', 'x')).toEqual([]);
    expect(found('a\uFEFFb', 'bluesky').map((m) => [m.start, m.end])).toEqual([[1, 2]]);
  });

  it('allows characters listed in its options and rejects a bad option with the key', () => {
    expect(found('co\u00ADoperate', 'x', { allow: ['\u00AD'] })).toEqual([]);
    expect(() => found('x', 'x', { allow: 'x' })).toThrow('rules.hidden-characters[1].allow: Invalid type: Expected Array but received "x"');
  });

  it('never flags lone surrogates as hidden (they are not default-ignorable)', () => {
    expect(found('\uD800a\uDC00')).toEqual([]);
  });
});

describeRuleDocs('hidden-characters');
