import { SegmentedMessage } from 'sms-segments-calculator';
import type { Counter, SmsDetails } from '../types.js';

const SINGLE_PART = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const MULTI_PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;
// sms-segments-calculator splits graphemes with Array.concat in a loop, which is quadratic in the
// length: 50,000 characters took 9-40 s. It is fed pieces of at most this many code units instead.
const PIECE = 400;

/**
 * SMS parts as sms-segments-calculator (Twilio's) computes them: GSM-7 160/153 per part, UCS-2
 * 70/67, extension characters count 2, one non-GSM character switches the whole message to UCS-2.
 * The limit is a number of parts.
 */
export const smsCounter: Counter = {
  unit: 'segments',
  count(text, limit) {
    if (text === '') {
      return { count: 0, sms: { encoding: 'GSM-7', charactersPerSegment: 160, characters: 0, nonGsmCharacters: [] } };
    }
    const pieces = splitPieces(text);
    let messages = pieces.map((piece) => new SegmentedMessage(piece));
    const encoding = messages.some((m) => m.encodingName === 'UCS-2') ? 'UCS-2' : 'GSM-7';
    // One non-GSM character anywhere switches every piece to UCS-2.
    if (encoding === 'UCS-2' && messages.some((m) => m.encodingName !== 'UCS-2')) {
      messages = pieces.map((piece) => new SegmentedMessage(piece, 'UCS-2'));
    }
    const units: number[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (const message of messages) {
      for (const char of message.encodedChars) {
        offsets.push(offset);
        units.push(char.codeUnits.length);
        offset += char.raw.length;
      }
    }
    const parts = messages.length === 1 ? messages[0]!.segmentsCount : countParts(encoding, units);
    const characters = units.reduce((sum, n) => sum + n, 0);
    const sms: SmsDetails = {
      encoding,
      charactersPerSegment: parts > 1 ? MULTI_PART[encoding] : SINGLE_PART[encoding],
      characters,
      nonGsmCharacters: encoding === 'UCS-2' ? [...new Set(messages.flatMap((m) => m.getNonGsmCharacters()))] : [],
    };
    if (parts <= limit) return { count: parts, sms };
    return { count: parts, sms, overflowStart: firstCharacterPast(limit, encoding, units, offsets) };
  },
};

/**
 * Pieces of at most PIECE code units, cut only between two ASCII characters (never inside CR LF),
 * where a grapheme boundary is certain; a text with no such place is cut at a code point boundary.
 */
function splitPieces(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    let cut = start + PIECE;
    while (cut > start + PIECE / 2 && !asciiBoundary(text, cut)) cut--;
    if (cut <= start + PIECE / 2) {
      cut = start + PIECE;
      if ((text.charCodeAt(cut) & 0xfc00) === 0xdc00 && (text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
    }
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function asciiBoundary(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before < 0x80 && after < 0x80 && !(before === 13 && after === 10);
}

/** Parts of a multi-part message: each holds 153 septets or 67 UCS-2 units, and no character straddles two. */
function countParts(encoding: 'GSM-7' | 'UCS-2', units: number[]): number {
  const total = units.reduce((sum, n) => sum + n, 0);
  if (total <= SINGLE_PART[encoding]) return 1;
  let used = 0;
  let parts = 1;
  for (const size of units) {
    if (used + size > MULTI_PART[encoding]) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
}

/** Where the text stops fitting `limit` parts; a character never straddles two parts. */
function firstCharacterPast(limit: number, encoding: 'GSM-7' | 'UCS-2', units: number[], offsets: number[]): number {
  if (limit < 1) return 0;
  const perPart = limit === 1 ? SINGLE_PART[encoding] : MULTI_PART[encoding];
  let used = 0;
  let part = 1;
  for (let i = 0; i < units.length; i++) {
    const size = units[i]!;
    if (used + size > perPart) {
      part++;
      used = 0;
      if (part > limit) return offsets[i]!;
    }
    used += size;
  }
  return offsets[offsets.length - 1] ?? 0;
}
