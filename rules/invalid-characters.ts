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
    // Each code unit once against the list was a string per unit of every draft; the list's own
    // characters are looked up instead (one code unit each: a longer entry never equals text[i]).
    const at = new Set<number>();
    for (const char of invalid) {
      if (char.length !== 1) continue;
      for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) at.add(i);
    }
    if (at.size === 0) return;
    for (const i of [...at].sort((a, b) => a - b)) {
      const char = text[i]!;
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
