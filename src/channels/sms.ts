import gsmTable from 'sms-segments-calculator/dist/libs/UnicodeToGSM.js';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import type { Counter, SmsDetails } from '../core/types.js';

// The GSM-7 table of sms-segments-calculator (Twilio's): UTF-16 code -> septets (extension characters
// have two). The module is CommonJS with __esModule: Node's ESM loader hands over module.exports,
// bundlers hand over its default.
const table = gsmTable as unknown as Record<string, number[]> & { default?: Record<string, number[]> };
const GSM: Record<string, number[]> = table.default ?? table;

const SINGLE_PART = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const MULTI_PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;

/**
 * SMS parts, computed as sms-segments-calculator does (GSM-7 160/153 per part, UCS-2 70/67,
 * extension characters count 2, one non-GSM character switches the whole message to UCS-2, a
 * character never straddles two parts) but in one linear pass: the library splits graphemes with
 * an O(n²) concatenation and costs milliseconds per post. test/channels/agreement.test.ts checks both agree.
 * The limit is a number of parts.
 */
export const smsCounter: Counter = {
  unit: 'segments',
  count(text, limit) {
    // One entry per character at most one per code unit: typed arrays of that size, filled once
    // (growing plain arrays made long drafts cost more than their length in garbage collection).
    const offsets = new Int32Array(text.length);
    const gsmSize = new Uint32Array(text.length);
    const ucsSize = new Uint32Array(text.length);
    let length = 0;
    const nonGsm = new Set<string>();
    for (const { segment, index } of graphemeSegments(text)) {
      // Like the library, CRLF is two characters.
      const characters = segment === '\r\n' ? ['\r', '\n'] : [segment];
      for (const [k, character] of characters.entries()) {
        const septets = character.length === 1 ? GSM[character.charCodeAt(0)] : undefined;
        offsets[length] = index + k;
        gsmSize[length] = septets ? septets.length : 0;
        ucsSize[length] = septets ? 1 : character.length;
        length++;
        if (!septets) nonGsm.add(character);
      }
    }
    const encoding = nonGsm.size > 0 ? 'UCS-2' : 'GSM-7';
    const units = (encoding === 'GSM-7' ? gsmSize : ucsSize).subarray(0, length);
    const characters = units.reduce((sum: number, n: number) => sum + n, 0);
    const single = characters <= SINGLE_PART[encoding];
    const parts = text === '' ? 0 : single ? 1 : packInto(MULTI_PART[encoding], units).parts;
    const sms: SmsDetails = {
      encoding,
      charactersPerSegment: single ? SINGLE_PART[encoding] : MULTI_PART[encoding],
      characters,
      nonGsmCharacters: [...nonGsm],
    };
    if (parts <= limit) return { count: parts, sms };
    // Where the text stops fitting `limit` parts: one part holds 160 (70); several hold 153 (67) each.
    const perPart = limit === 1 ? SINGLE_PART[encoding] : MULTI_PART[encoding];
    const overflow = limit < 1 ? 0 : packInto(perPart, units, limit).overflowIndex;
    return { count: parts, sms, overflowStart: offsets[overflow] ?? 0 };
  },
};

/** Packs characters of the given sizes into parts of `capacity`; none straddles two parts. */
function packInto(capacity: number, sizes: ArrayLike<number>, maxParts = Infinity): { parts: number; overflowIndex: number } {
  let parts = 1;
  let used = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    if (used + size > capacity) {
      if (parts === maxParts) return { parts, overflowIndex: i };
      parts++;
      used = 0;
    }
    used += size;
  }
  return { parts, overflowIndex: sizes.length };
}
