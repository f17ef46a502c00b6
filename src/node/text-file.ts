import { isUtf8 } from 'node:buffer';

/** How a draft file's bytes hold its text, so that `--fix` writes it back the same way. */
export interface TextEncoding {
  name: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Whether the file starts with a byte order mark (always, for UTF-16). */
  bom: boolean;
}

export type DecodedFile = { text: string; encoding: TextEncoding } | { problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a draft file: UTF-8, with or without a BOM, or UTF-16 (little or big endian) with
 * its BOM, which is the file's and not part of the text. Anything else (invalid UTF-8, a NUL, a
 * binary file) is a problem that names the first byte at fault, never text with U+FFFD in it:
 * a fix written back from such text would destroy the file.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedFile {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xfe)) return decodeUtf16(bytes, 'utf-16le');
  if (starts(0xfe, 0xff)) return decodeUtf16(bytes, 'utf-16be');
  const bom = starts(...UTF8_BOM);
  const body = bytes.subarray(bom ? 3 : 0);
  const bad = isUtf8(body) && !body.includes(0) ? -1 : firstInvalidUtf8Byte(body);
  if (bad >= 0) return { problem: notText(`invalid byte ${hex(body[bad]!, 2)} at offset ${bad + (bom ? 3 : 0)}`) };
  return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), encoding: { name: 'utf-8', bom } };
}

/** The bytes of `text` in the file's encoding, its BOM first when it had one. */
export function encodeTextFile(text: string, encoding: TextEncoding): Buffer {
  if (encoding.name === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return encoding.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
  }
  // Node writes UTF-16 code units as they are, lone surrogates included: what was read comes back.
  const bytes = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding.name === 'utf-16be' ? bytes.swap16() : bytes;
}

function decodeUtf16(bytes: Uint8Array, name: 'utf-16le' | 'utf-16be'): DecodedFile {
  if (bytes.length % 2 !== 0) return { problem: notText(`odd number of bytes (${bytes.length}) for UTF-16`) };
  const units = Buffer.from(bytes.subarray(2));
  if (name === 'utf-16be') units.swap16();
  const text = units.toString('utf16le');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = (code & 0xfc00) === 0xd800;
    const low = (code & 0xfc00) === 0xdc00;
    if (high && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    }
    if (code === 0 || high || low) return { problem: notText(`invalid code unit ${hex(code, 4)} at offset ${2 + 2 * i}`) };
  }
  return { text, encoding: { name, bom: true } };
}

/** Offset of the first byte of `bytes` that is a NUL or not part of a well-formed UTF-8 sequence (the Unicode standard's table 3-7). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const continuation = (at: number, low = 0x80, high = 0xbf) => at < bytes.length && bytes[at]! >= low && bytes[at]! <= high;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte === 0) return i;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    if (byte >= 0xc2 && byte <= 0xdf) length = continuation(i + 1) ? 2 : 0;
    else if (byte >= 0xe0 && byte <= 0xef) {
      const [low, high] = byte === 0xe0 ? [0xa0, 0xbf] : byte === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      length = continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      const [low, high] = byte === 0xf0 ? [0x90, 0xbf] : byte === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      length = continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

const notText = (why: string) => `not a UTF-8 or UTF-16 text file (${why})`;
const hex = (value: number, digits: number) => '0x' + value.toString(16).toUpperCase().padStart(digits, '0');
