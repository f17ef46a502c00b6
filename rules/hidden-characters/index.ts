import * as v from 'valibot';
import { describeRun } from './code-points.js';
import { defineRule } from '../../src/rule/index.js';

// A character worth a closer look: default-ignorable (invisible by definition), the interlinear
// annotation controls, or a "fancy" letter (mathematical alphanumerics, circled and squared letters).
const CANDIDATE = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\u24B6-\u24E9\u{1D400}-\u{1D7FF}\u{1F130}-\u{1F149}]/u;
const CANDIDATES = new RegExp(CANDIDATE.source, 'gu');
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;
const FANCY = /[\u24B6-\u24E9\u{1D400}-\u{1D7FF}\u{1F130}-\u{1F149}]/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
// Scripts whose spelling needs ZWJ and ZWNJ (Persian, Indic, Sinhala...): a letter or mark outside Latin, Greek, Cyrillic.
const LETTER = /^[\p{L}\p{M}]$/u;
const EUROPEAN = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const HAN = /^\p{Script=Han}$/u;
const MONGOLIAN = /^\p{Script=Mongolian}$/u;
const FANCY_GAP = /^[ \-'’,.!?:]{1,3}$/;

type Kind = 'bidi' | 'invisible' | 'fancy';

interface Options {
  /** Characters never flagged, e.g. ["\u00AD"] for a CMS that adds soft hyphens on purpose. */
  allow: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'hidden-characters',
    description: 'No invisible characters, bidirectional controls or "fancy" Unicode letters hiding in the draft.',
    severity: 'warning',
    fixable: true,
    hasSuggestions: true,
    messages: {
      bidi: 'Hidden text-direction character {characters} can reorder what readers see: remove it',
      invisible: 'Invisible character {characters}, often pasted from a document or website: remove it',
      fancy: 'Screen readers spell out or skip "{text}": write "{plain}"',
      plain: 'Write "{plain}"',
    },
    schema: v.strictObject({ allow: v.array(v.pipe(v.string(), v.minLength(1))) }),
    defaults: { allow: [] },
    docs: {
      why:
        'Text pasted from documents, chat apps and "font generator" sites carries characters the reader cannot see: zero-width spaces break hashtags, search and links; bidirectional overrides reorder what is shown (the "Trojan Source" trick); tag characters can smuggle hidden instructions. Mathematical "bold" or "italic" letters (𝗙𝗿𝗲𝗲) are not letters to a screen reader, which reads them one by one or not at all, and search ignores them. Emoji ZWJ sequences (👩‍⚕️), flags, keycaps, and the joiners Persian and Indic scripts need are left alone. The fix removes the invisible characters; fancy letters get a suggestion with plain ones (their NFKC form), as a styled word may be meant. A warning in `recommended`: these characters nearly always arrive by accident and the fix is safe, but they do not stop a post from being published.',
      sources: [
        'Unicode Standard §5.21 and DerivedCoreProperties.txt: Default_Ignorable_Code_Point',
        'Unicode UAX #9 (Bidirectional Algorithm) and CVE-2021-42574 "Trojan Source"',
        'Unicode UAX #29 (grapheme clusters, rule GB11 for emoji ZWJ sequences)',
        'W3C/WAI and AbilityNet guidance on "fancy fonts" and screen readers',
      ],
      correct: [
        { text: 'Our nurses 👩‍⚕️ answer your questions. 🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣', channel: 'x' },
        { text: 'می‌خواهم', channel: 'x' },
        { text: 'Join\u00ADing us', options: { allow: ['\u00AD'] } },
      ],
      incorrect: [
        { text: 'Join us\u200B on World Cancer Day\u2060', channel: 'x', messages: ['Invisible character U+200B (zero width space), often pasted from a document or website: remove it', 'Invisible character U+2060 (word joiner), often pasted from a document or website: remove it'], output: 'Join us on World Cancer Day' },
        { text: 'Dose: \u202E01 gm\u202C', channel: 'bluesky', messages: ['Hidden text-direction character U+202E (right-to-left override) can reorder what readers see: remove it', 'Hidden text-direction character U+202C (pop directional formatting) can reorder what readers see: remove it'], output: 'Dose: 01 gm' },
        { text: '𝗙𝗿𝗲𝗲 𝘀𝗰𝗿𝗲𝗲𝗻𝗶𝗻𝗴 today', channel: 'x', messages: ['Screen readers spell out or skip "𝗙𝗿𝗲𝗲 𝘀𝗰𝗿𝗲𝗲𝗻𝗶𝗻𝗴": write "Free screening"'], suggestions: [{ title: 'Write "Free screening"', output: 'Free screening today' }] },
      ],
    },
  },
  check({ text, analysis, channel, options, report }) {
    if (!CANDIDATE.test(text)) return;
    const skip = new Set([...options.allow, ...(channel.invalidCharacters ?? [])]);
    let rtl: boolean | undefined;
    let run: { kind: Kind; start: number; end: number; codePoints: number[] } | undefined;

    const flush = () => {
      if (!run) return;
      const { kind, start, end, codePoints } = run;
      if (kind === 'fancy') {
        const shown = text.slice(start, end);
        const plain = shown.normalize('NFKC');
        const fix = { edits: [{ range: [start, end] as [number, number], text: plain }] };
        report({ messageId: 'fancy', data: { text: shown, plain }, start, end, suggestions: [{ title: `Write "${plain}"`, fix }] });
      } else {
        report({ messageId: kind, data: { characters: describeRun(codePoints) }, start, end, fix: { edits: [{ range: [start, end], text: '' }] } });
      }
      run = undefined;
    };

    // Only the clusters holding a candidate are segmented and sliced: a draft with one emoji would
    // otherwise build a string and an object per cluster on every keystroke, and a long draft an
    // array of every cluster's start.
    const nextCandidate = (from: number) => {
      CANDIDATES.lastIndex = from;
      return CANDIDATES.exec(text)?.index ?? text.length;
    };
    analysis.forEachClusterHolding(nextCandidate, (index, clusterEnd) => {
      const segment = text.slice(index, clusterEnd);
      let pictographicBefore = false;
      for (let i = 0; i < segment.length; ) {
        const codePoint = segment.codePointAt(i)!;
        const char = String.fromCodePoint(codePoint);
        const start = index + i;
        const end = start + char.length;
        const kind = classify(codePoint, char, start, segment, i, pictographicBefore);
        if (PICTOGRAPHIC.test(char)) pictographicBefore = true;
        i += char.length;
        if (!kind) continue;
        const joins = run && run.kind === kind && (run.end === start || (kind === 'fancy' && FANCY_GAP.test(text.slice(run.end, start))));
        if (run && joins) {
          run.end = end;
          run.codePoints.push(codePoint);
        } else {
          flush();
          run = { kind, start, end, codePoints: [codePoint] };
        }
      }
    });
    flush();

    function classify(codePoint: number, char: string, start: number, segment: string, at: number, pictographicBefore: boolean): Kind | undefined {
      if (skip.has(char)) return undefined;
      if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069)) return 'bidi';
      if (FANCY.test(char)) return 'fancy';
      if (!IGNORABLE.test(char)) return undefined;
        const before = codePointBefore(text, start);
      switch (true) {
        case codePoint === 0x200e || codePoint === 0x200f || codePoint === 0x061c:
          return (rtl ??= RTL.test(text)) ? undefined : 'invisible';
        case codePoint === 0x200d && pictographicBefore && at + 1 < segment.length:
          return undefined; // inside an emoji ZWJ sequence: one grapheme cluster
        case codePoint === 0x200c || codePoint === 0x200d:
          return joiningLetter(before) ? undefined : 'invisible'; // Malayalam chillu: letter, virama, ZWJ
        case codePoint >= 0xfe00 && codePoint <= 0xfe0f:
          return before === '' || /^[A-Za-z]$/.test(before) || IGNORABLE.test(before) ? 'invisible' : undefined;
        case codePoint >= 0xe0100 && codePoint <= 0xe01ef:
          return HAN.test(before) ? undefined : 'invisible';
        case codePoint >= 0xe0020 && codePoint <= 0xe007f:
          return segment.codePointAt(0) === 0x1f3f4 ? undefined : 'invisible'; // subdivision flags 🏴󠁧󠁢󠁥󠁮󠁧󠁿
        case codePoint >= 0x180b && codePoint <= 0x180f:
          return MONGOLIAN.test(before) ? undefined : 'invisible';
        default:
          return 'invisible';
      }
    }
  },
});

function joiningLetter(char: string): boolean {
  return LETTER.test(char) && !EUROPEAN.test(char);
}

function codePointBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  const pair = (low & 0xfc00) === 0xdc00 && offset >= 2 && (text.charCodeAt(offset - 2) & 0xfc00) === 0xd800;
  return text.slice(pair ? offset - 2 : offset - 1, offset);
}
