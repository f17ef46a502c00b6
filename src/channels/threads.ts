import type { Counter } from '../core/types.js';
import { forEachCluster, measureUtf8 } from './graphemes.js';

// An emoji is what Unicode recommends for general interchange (RGI_Emoji: emoji-test.txt's fully
// qualified sequences). Built at run time: TypeScript's ES2022 target does not accept the v flag.
// Built on the first non-ASCII Threads draft, not at import: V8 compiles this class of strings
// eagerly, ~30 ms that every start of the library, the CLI and the editors paid for one channel.
let rgiEmoji: RegExp | undefined;

/**
 * Threads, as Meta's Threads API "Posts" page states it: "Text posts are limited to 500 characters.
 * Emojis are counted as the number of UTF-8 bytes." An emoji counts its UTF-8 bytes (😀 4, ❤️ 6, a
 * family ZWJ sequence 25); any other character counts its UTF-16 code units, what an HTML maxlength
 * counts: Meta does not say what a character is, and that is the strictest reading for astral letters.
 */
export const threadsCounter: Counter = {
  unit: 'characters',
  count(text, limit) {
    let count = 0;
    let overflowStart: number | undefined;
    const add = (amount: number, offset: number) => {
      count += amount;
      if (overflowStart === undefined && count > limit) overflowStart = offset;
    };
    forEachCluster(text, (cluster, index) => {
      if (cluster.length === 1 && cluster.charCodeAt(0) < 0x80) {
        add(1, index);
        return;
      }
      // Emoji inside the cluster count their bytes; what lies between them (a stray mark) counts as text.
      const RGI_EMOJI = (rgiEmoji ??= new RegExp('\\p{RGI_Emoji}', 'vy'));
      for (let at = 0; at < cluster.length; ) {
        RGI_EMOJI.lastIndex = at;
        const emoji = RGI_EMOJI.exec(cluster)?.[0];
        if (emoji) {
          add(measureUtf8(emoji, Infinity).bytes, index + at);
          at += emoji.length;
        } else {
          const pair = (cluster.charCodeAt(at) & 0xfc00) === 0xd800 && (cluster.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
          add(pair ? 2 : 1, index + at);
          at += pair ? 2 : 1;
        }
      }
    });
    return overflowStart === undefined ? { count } : { count, overflowStart };
  },
};
