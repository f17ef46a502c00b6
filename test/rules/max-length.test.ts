import { describe, expect, it } from 'vitest';
import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { lint, measure, rules } from '../../src/index.js';
import { readLexicon } from '../../src/facts/lexicon.js';
import gsm from '../../rules/data/gsm-replacements.json';

// Edge cases beyond the docs examples, through the same tester.
tester.run('max-length', rules['max-length']!, {
  valid: [
    { text: 'x'.repeat(280), channel: 'x' },
    { text: 'x'.repeat(5000), channel: 'email' },
  ],
  invalid: [
    // Bluesky's second cap: 300 graphemes fit, 3000 UTF-8 bytes do not.
    {
      text: '👩🏽‍⚕️'.repeat(200),
      channel: 'bluesky',
      errors: [
        {
          message: 'Too long for Bluesky: 3400/3000 bytes, 400 over (emoji and letters outside English take 2 to 4 bytes each): shorten it or split it into a thread',
          suggestions: [{ title: 'Split into a 2-post thread', output: '👩🏽‍⚕️'.repeat(100) + ' 1/2\n\n---\n\n' + '👩🏽‍⚕️'.repeat(100) + ' 2/2' }],
        },
      ],
    },
  ],
});

describeRuleDocs('max-length');

const only = { preset: 'none', rules: { 'max-length': 'error' as const } };

describe('max-length on SMS: characters outside the SMS alphabet', () => {
  it('every replacement is in the GSM alphabet, and every character it replaces is not', () => {
    for (const { phrases, replace } of readLexicon(gsm, 'gsm-replacements.json').entries) {
      expect(replace, `${phrases.join(' ')}: one plain character`).toHaveLength(1);
      for (const from of phrases) expect(measure(from, 'sms').sms!.encoding, `${JSON.stringify(from)} should need UCS-2`).toBe('UCS-2');
      expect(measure(replace![0]!, 'sms').sms!.encoding, `${JSON.stringify(replace![0])} should be GSM-7`).toBe('GSM-7');
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

