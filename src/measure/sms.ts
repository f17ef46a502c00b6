import { SegmentedMessage } from 'sms-segments-calculator';
import type { Counter, SmsDetails } from '../types.js';

const SINGLE_PART = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const MULTI_PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;

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
    const message = new SegmentedMessage(text);
    const encoding = message.encodingName;
    const parts = message.segmentsCount;
    const units: number[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (const char of message.encodedChars) {
      offsets.push(offset);
      units.push(char.codeUnits.length);
      offset += char.raw.length;
    }
    const characters = units.reduce((sum, n) => sum + n, 0);
    const sms: SmsDetails = {
      encoding,
      charactersPerSegment: parts > 1 ? MULTI_PART[encoding] : SINGLE_PART[encoding],
      characters,
      nonGsmCharacters: encoding === 'UCS-2' ? [...new Set(message.getNonGsmCharacters())] : [],
    };
    if (parts <= limit) return { count: parts, sms };
    return { count: parts, sms, overflowStart: firstCharacterPast(limit, encoding, units, offsets) };
  },
};

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
