import { describe, expect, it } from 'vitest';
import { lint, measure } from '../src/index.js';
import gsm from '../rules/data/gsm-replacements.json';

const only = { preset: 'none', rules: { 'max-length': 'error' as const } };

describe('max-length on SMS: characters outside the SMS alphabet', () => {
  it('every replacement is in the GSM alphabet, and every character it replaces is not', () => {
    for (const [from, to] of Object.entries(gsm.replacements)) {
      expect(measure(from, 'sms').sms!.encoding, `${JSON.stringify(from)} should need UCS-2`).toBe('UCS-2');
      expect(measure(to, 'sms').sms!.encoding, `${JSON.stringify(to)} should be GSM-7`).toBe('GSM-7');
    }
  });

  it('offers the replacement, and says whether the message then fits', () => {
    const text = `Your kit is on its way – do the test. ${'Quick and private. '.repeat(4)}`.trim();
    const [message] = lint({ text, channel: 'sms' }, only).messages;
    expect(message!.message).toContain('"–" is not in the SMS alphabet, so each part holds 67 characters, not 153: replace "–" with "-" and it fits');
    expect(message!.suggestions![0]!.title).toBe('Replace "–" with "-"');
    const long = `Your kit is on its way – do the test. ${'Quick and private. '.repeat(12)}`.trim();
    expect(lint({ text: long, channel: 'sms' }, only).messages[0]!.message).toMatch(/replace "–" with "-" \(then 2 segments\), and shorten it or split it$/);
  });

  it('offers no replacement when a character has none (an emoji), and says to shorten', () => {
    const text = `Your kit is on its way 📦 do the test. ${'Quick and private. '.repeat(4)}`.trim();
    const [message] = lint({ text, channel: 'sms' }, only).messages;
    expect(message!.message).toMatch(/"📦" is not in the SMS alphabet, .*: shorten it or split it into messages$/);
    expect(message!.suggestions!.map((s) => s.title)).toEqual([expect.stringMatching(/^Split into \d+ messages$/)]);
  });
});
