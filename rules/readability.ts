import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import * as v from 'valibot';
import { type Word, defineRule } from '../src/rule/index.js';

interface Options {
  /** A sentence with more words than this is reported. */
  maxWords: number;
  /** A sentence is dense when at least this many of its words have three or more syllables... */
  denseMinWords: number;
  /** ...and they are at least this share of its words. */
  denseShare: number;
  /** Below this many words a grade formula says more about chance than about the draft, so none is given. */
  minWordsForGrade: number;
  /** Reading grade above which the draft is reported. */
  maxGrade: number;
  formula: 'smog' | 'flesch-kincaid';
}

const FORMULA_NAMES = { smog: 'SMOG', 'flesch-kincaid': 'Flesch-Kincaid' } as const;
const HAS_LETTER = /\p{L}/u;

// Syllables by word, shared across drafts: an editor lints the same words on every keystroke.
const syllableCache = new Map<string, number>();
const CACHE_LIMIT = 20_000;
function syllables(word: Word): number {
  let count = syllableCache.get(word.lower);
  if (count === undefined) {
    count = syllable(word.lower);
    if (syllableCache.size >= CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(word.lower, count);
  }
  return count;
}

// Words a reader reads: not hashtag or cashtag bodies, not bare numbers. Words are letters, marks and
// digits, so one that starts with an ASCII letter needs no Unicode test.
function isProse(word: Word): boolean {
  if (word.tag) return false;
  const code = word.text.charCodeAt(0) | 0x20;
  return (code >= 0x61 && code <= 0x7a) || HAS_LETTER.test(word.text);
}
const round = (n: number) => Math.round(n * 10) / 10;
const positive = (what: string) => v.pipe(v.number(`expected a number (${what})`), v.minValue(0, `expected 0 or more (${what})`));

export default defineRule<Options>({
  meta: {
    id: 'readability',
    description: 'Short sentences and everyday words; a reading grade for drafts long enough to measure.',
    severity: 'warning',
    fixable: false,
    messages: {
      longSentence: 'This sentence has {count} words: split it (aim for {max} or fewer)',
      dense: '{count} of {total} words in this sentence have three or more syllables ({examples}): use shorter words',
      grade: 'Hard to read: reading grade {grade} ({formula}; {otherFormula} {other}), above {max}: use shorter sentences and everyday words',
    },
    schema: v.strictObject(
      {
        maxWords: positive('words per sentence'),
        denseMinWords: positive('long words in a dense sentence'),
        denseShare: v.pipe(v.number('expected a share between 0 and 1'), v.minValue(0, 'expected a share between 0 and 1'), v.maxValue(1, 'expected a share between 0 and 1')),
        minWordsForGrade: positive('words before a grade is given'),
        maxGrade: positive('reading grade'),
        formula: v.picklist(['smog', 'flesch-kincaid'], 'expected "smog" or "flesch-kincaid"'),
      },
      'unknown option; use maxWords, denseMinWords, denseShare, minWordsForGrade, maxGrade or formula',
    ),
    defaults: { maxWords: 25, denseMinWords: 4, denseShare: 0.4, minWordsForGrade: 100, maxGrade: 8, formula: 'smog' },
    docs: {
      why:
        'Health information should be readable at about age 11 to 14 (US grade 6 to 8); long sentences and long words are what make text hard. Grade formulas are averages that mislead on a short post (one long word can move a 20-word tweet by several grades), so on short drafts the rule reports the sentences that are long (more than 25 words) or dense (at least 4 words of three or more syllables, making up at least 40% of the sentence), and gives a grade only from 100 words: SMOG, preferred for health text, with Flesch-Kincaid alongside. Syllables are counted by the `syllable` package; hashtags and numbers are not counted as words.',
      sources: [
        'McLaughlin, G. H. (1969) SMOG grading: a new readability formula. Journal of Reading 12(8)',
        'Kincaid, J. P. et al. (1975) Derivation of new readability formulas for Navy enlisted personnel',
        'NHS digital service manual, content style guide: aim for a reading age of 9 to 11 where possible',
        'Wang, L.-W. et al. (2013) Assessing readability formula differences with written health information materials. Research in Social and Administrative Pharmacy 9(5): SMOG recommended for health text',
      ],
      correct: [
        { text: 'Worried about a symptom? Our nurses are here to help. Call us free on 0808 808 00 00.' },
        { text: 'Immunotherapy medication information for everyone.', options: { denseMinWords: 5 } },
      ],
      incorrect: [
        {
          text: 'If you have been diagnosed with cancer and you are worried about money, work or family, you can call our support line any day of the week to talk to someone who understands.',
          messages: ['This sentence has 33 words: split it (aim for 25 or fewer)'],
          ranges: [[0, 173]],
        },
        {
          text: 'Immunotherapy medications occasionally cause inflammation affecting different organs.',
          messages: ['6 of 8 words in this sentence have three or more syllables ("Immunotherapy", "medications", "occasionally", ...): use shorter words'],
          ranges: [[0, 85]],
        },
        {
          // 104 words, 13 sentences, 78 words of three or more syllables, 364 syllables; dense sentences not reported here.
          text: 'Immunotherapy medications occasionally cause inflammation affecting different organs. '.repeat(13).trim(),
          options: { denseMinWords: 9 },
          messages: ['Hard to read: reading grade 17.1 (SMOG; Flesch-Kincaid 28.8), above 8: use shorter sentences and everyday words'],
          ranges: [[0, 1116]],
        },
      ],
    },
  },
  check({ analysis, options, report }) {
    const words = analysis.words;
    let sentenceCount = 0;
    let wordCount = 0;
    let syllableCount = 0;
    let polysyllableCount = 0;
    for (const sentence of analysis.sentences) {
      let prose = 0;
      const long: Word[] = [];
      for (let i = sentence.firstWord; i < sentence.endWord; i++) {
        const word = words[i]!;
        if (!isProse(word)) continue;
        prose++;
        const count = syllables(word);
        syllableCount += count;
        if (count >= 3) long.push(word);
      }
      if (prose === 0) continue;
      sentenceCount++;
      wordCount += prose;
      polysyllableCount += long.length;
      if (prose > options.maxWords) {
        report({ messageId: 'longSentence', data: { count: prose, max: options.maxWords }, start: sentence.start, end: sentence.end });
      }
      if (long.length >= options.denseMinWords && long.length / prose >= options.denseShare) {
        const distinct = [...new Set(long.map((w) => w.text))];
        const examples = distinct.slice(0, 3).map((w) => `"${w}"`).join(', ') + (distinct.length > 3 ? ', ...' : '');
        report({ messageId: 'dense', data: { count: long.length, total: prose, examples }, start: sentence.start, end: sentence.end, details: { words: distinct } });
      }
    }
    if (wordCount < options.minWordsForGrade || wordCount === 0) return;
    const smog = round(smogFormula({ sentence: sentenceCount, polysillabicWord: polysyllableCount }));
    const fk = round(fleschKincaid({ sentence: sentenceCount, word: wordCount, syllable: syllableCount }));
    const [grade, other] = options.formula === 'smog' ? [smog, fk] : [fk, smog];
    if (!(grade > options.maxGrade)) return;
    const first = words.find(isProse)!;
    const last = words.findLast(isProse)!;
    report({
      messageId: 'grade',
      data: { grade, formula: FORMULA_NAMES[options.formula], otherFormula: FORMULA_NAMES[options.formula === 'smog' ? 'flesch-kincaid' : 'smog'], other, max: options.maxGrade },
      start: first.start,
      end: last.end,
      details: { smog, fleschKincaid: fk, words: wordCount, sentences: sentenceCount, syllables: syllableCount, polysyllables: polysyllableCount },
    });
  },
});
