import { defineRule } from '../src/rule/index.js';

const codePoint = (char: string) => 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

export default defineRule({
  meta: {
    id: 'invalid-characters',
    description: 'The draft has no character the channel rejects.',
    severity: 'error',
    fixable: true,
    messages: { invalid: '{channel} rejects a post containing the invisible character {codePoint} (often pasted from a document): remove it' },
    defaults: {},
    docs: {
      why: 'X refuses a post that contains U+FFFE, U+FEFF or U+FFFF; they often arrive invisibly when text is pasted from a document.',
      sources: ['twitter-text 3.1.0 hasInvalidCharacters'],
      correct: [{ text: 'Hello world', channel: 'x' }],
      incorrect: [{ text: 'Hello\uFEFF world', channel: 'x', messages: ['X rejects a post containing the invisible character U+FEFF (often pasted from a document): remove it'], ranges: [[5, 6]], output: 'Hello world' }],
    },
  },
  check({ text, channel, report }) {
    const invalid = channel.invalidCharacters;
    if (!invalid?.length) return;
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (!invalid.includes(char)) continue;
      report({
        messageId: 'invalid',
        data: { channel: channel.name, codePoint: codePoint(char) },
        start: i,
        end: i + 1,
        fix: { edits: [{ range: [i, i + 1], text: '' }] },
      });
    }
  },
});
