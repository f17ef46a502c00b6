import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Characters, characterClasses } from '../../src/text/characters.js';
import { Analysis } from '../../src/facts/analysis.js';
import { extractEntities } from '../../src/text/entities.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// Each class as a regex says it: the plain reading of the one pass.
const PATTERNS: Record<keyof typeof Characters, RegExp> = {
  NonAscii: /[^\x00-\x7f]/,
  Digit: /[0-9]/,
  Hash: /[#＃]/,
  At: /[@＠]/,
  Dollar: /\$/,
  Dot: /\./,
  OpenBracket: /\[/,
  LessThan: /</,
  Asterisk: /\*/,
  Underscore: /_/,
  Backtick: /`/,
  Astral: /[\ud800-\udfff]/,
  CombiningMark: /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/,
  Zwj: /\u200d/,
  LineBreak: /[\n\r]/,
};
const byRegex = (text: string) => Object.entries(PATTERNS).reduce((classes, [name, pattern]) => (pattern.test(text) ? classes | Characters[name as keyof typeof Characters] : classes), 0);

describe('characterClasses: one pass gives each class its regex finds', () => {
  it('on random and adversarial drafts', () => {
    fc.assert(
      fc.property(drafts, (text) => {
        expect(characterClasses(text)).toBe(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on every BMP code unit alone, and its bits are distinct', () => {
    for (let code = 0; code < 0x10000; code++) {
      const text = String.fromCharCode(code);
      if (characterClasses(text) !== byRegex(text)) expect(characterClasses(text), code.toString(16)).toBe(byRegex(text));
    }
    const bits = Object.values(Characters);
    expect(new Set(bits).size).toBe(bits.length);
    expect(bits.every((bit) => bit > 0 && (bit & (bit - 1)) === 0)).toBe(true);
  });

  it('gates the entities exactly: a draft without a dot or a sign has none', () => {
    fc.assert(
      fc.property(drafts, (text) => {
        const analysis = new Analysis(text);
        expect(analysis.entities).toEqual(extractEntities(text).entities);
        expect(analysis.countedUrls).toEqual(extractEntities(text).urls);
      }),
      { numRuns: 1000 },
    );
  });
});
