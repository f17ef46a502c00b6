/**
 * Which classes of character a draft holds, from one pass over its UTF-16 units: a bitset every
 * cheap gate can read (no "#" means no hashtag, no "[" or "<" no Markdown link...). Test a class
 * with `(classes & Characters.Hash) !== 0`.
 */
export const Characters = {
  /** Any unit at or above U+0080. */
  NonAscii: 1 << 0,
  /** An ASCII digit 0-9. */
  Digit: 1 << 1,
  /** "#" or the full-width "＃" (twitter-text's hash signs). */
  Hash: 1 << 2,
  /** "@" or the full-width "＠" (twitter-text's at signs). */
  At: 1 << 3,
  Dollar: 1 << 4,
  /** The ASCII "." (twitter-text finds no URL without one). */
  Dot: 1 << 5,
  OpenBracket: 1 << 6,
  LessThan: 1 << 7,
  Asterisk: 1 << 8,
  Underscore: 1 << 9,
  Backtick: 1 << 10,
  /** A surrogate (a code point outside the BMP, or a lone surrogate). */
  Astral: 1 << 11,
  /** A unit of a combining-marks block: U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF, U+FE20-FE2F. */
  CombiningMark: 1 << 12,
  /** The zero-width joiner U+200D. */
  Zwj: 1 << 13,
  /** "\n" or "\r". */
  LineBreak: 1 << 14,
} as const;

const ASCII = new Uint16Array(0x80);
for (let code = 0x30; code <= 0x39; code++) ASCII[code] = Characters.Digit;
for (const [char, bit] of [['#', Characters.Hash], ['@', Characters.At], ['$', Characters.Dollar], ['.', Characters.Dot], ['[', Characters.OpenBracket], ['<', Characters.LessThan], ['*', Characters.Asterisk], ['_', Characters.Underscore], ['`', Characters.Backtick], ['\n', Characters.LineBreak], ['\r', Characters.LineBreak]] as const) {
  ASCII[char.charCodeAt(0)] = bit;
}

/** The `Characters` classes the text holds, OR-ed together. */
export function characterClasses(text: string): number {
  let classes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      classes |= ASCII[code]!;
      continue;
    }
    classes |= Characters.NonAscii;
    if (code >= 0xd800 && code <= 0xdfff) classes |= Characters.Astral;
    else if (code === 0x200d) classes |= Characters.Zwj;
    else if (code === 0xff03) classes |= Characters.Hash;
    else if (code === 0xff20) classes |= Characters.At;
    else if ((code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f)) {
      classes |= Characters.CombiningMark;
    }
  }
  return classes;
}
