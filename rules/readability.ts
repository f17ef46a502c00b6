import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import * as v from 'valibot';
import { type Language, type Word, defineRule } from '../src/rule/index.js';

interface Options {
  /** A sentence with more words than this is reported. */
  maxWords: number;
  /** A sentence is dense when at least this many of its words have three or more syllables... */
  denseMinWords: number;
  /** ...and they are at least this share of its words. */
  denseShare: number;
  /** Below this many words a grade formula says more about chance than about the draft, so none is given. */
  minWordsForGrade: number;
  /** Reading grade above which the draft is reported (SMOG, Flesch-Kincaid, Wiener Sachtextformel). */
  maxGrade: number;
  /** Reading ease (0 hard to 100 easy) below which the draft is reported (Amstad, Kandel-Moles). */
  minEase: number;
  /** The grade formula for English drafts. */
  formula: 'smog' | 'flesch-kincaid';
  /** The formula for German drafts: a school grade, or Amstad's reading ease. */
  germanFormula: 'wiener-sachtextformel' | 'amstad';
}

const FORMULA_NAMES = { smog: 'SMOG', 'flesch-kincaid': 'Flesch-Kincaid' } as const;
const HAS_LETTER = /\p{L}/u;

// Words a reader reads: not hashtag or cashtag bodies, not bare numbers. Words are letters, marks and
// digits, so one that starts with an ASCII letter needs no Unicode test.
function isProse(word: Word): boolean {
  if (word.tag) return false;
  const code = word.text.charCodeAt(0) | 0x20;
  return (code >= 0x61 && code <= 0x7a) || HAS_LETTER.test(word.text);
}
// A word is long, for dense sentences, from this many syllables: German inflects and compounds, so its
// words of four or more syllables are as common (7.7% of the German corpus's words) as English words of
// three or more (8.4%); French words of three or more make 12.6%, and of four 3.2%.
const LONG_WORD: Record<Language, { syllables: number; messageId: 'dense' | 'denseFourSyllables' }> = {
  en: { syllables: 3, messageId: 'dense' },
  de: { syllables: 4, messageId: 'denseFourSyllables' },
  fr: { syllables: 3, messageId: 'dense' },
};
const GERMAN_AFTERCARE =
  'Die Nachsorge nach einer Brustkrebserkrankung umfasst regelmäßige ärztliche Untersuchungen, bildgebende Verfahren und die Besprechung möglicher Spätfolgen der Behandlung. In den ersten drei Jahren finden die Termine in der Regel vierteljährlich statt, danach halbjährlich und ab dem sechsten Jahr jährlich. Zusätzlich empfehlen die Leitlinien eine jährliche Mammographie beider Brüste. Bei Beschwerden wie anhaltenden Knochenschmerzen, Atemnot oder ungewöhnlicher Müdigkeit sollten Betroffene nicht bis zum nächsten Nachsorgetermin warten, sondern zeitnah ihre behandelnde Ärztin oder ihren behandelnden Arzt kontaktieren. Auch psychoonkologische Unterstützung, Rehabilitationsmaßnahmen und sozialrechtliche Beratung gehören zu einer umfassenden Nachsorge und können über das Brustzentrum vermittelt werden. Fragen dazu beantworten wir gern am Krebsinformationstelefon.';
const FRENCH_AFTERCARE =
  "Le suivi après un cancer du sein comprend des consultations médicales régulières, des examens d'imagerie et l'évaluation des effets secondaires tardifs des traitements. Pendant les trois premières années, les rendez-vous ont généralement lieu tous les trois à six mois, puis une fois par an. Une mammographie annuelle des deux seins est également recommandée par les autorités sanitaires. En cas de symptômes persistants comme des douleurs osseuses, un essoufflement inhabituel ou une fatigue importante, les personnes concernées ne doivent pas attendre la prochaine consultation programmée mais contacter rapidement leur équipe soignante. Un accompagnement psychologique, des soins de support et des conseils sociaux font également partie d'un suivi complet.";
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
      denseFourSyllables: '{count} of {total} words in this sentence have four or more syllables ({examples}): use shorter words',
      grade: 'Hard to read: reading grade {grade} ({formula}; {otherFormula} {other}), above {max}: use shorter sentences and everyday words',
      ease: 'Hard to read: reading ease {ease} ({formula}), below {min} (0 is hard, 100 easy): use shorter sentences and everyday words',
    },
    schema: v.strictObject(
      {
        maxWords: positive('words per sentence'),
        denseMinWords: positive('long words in a dense sentence'),
        denseShare: v.pipe(v.number('expected a share between 0 and 1'), v.minValue(0, 'expected a share between 0 and 1'), v.maxValue(1, 'expected a share between 0 and 1')),
        minWordsForGrade: positive('words before a grade is given'),
        maxGrade: positive('reading grade'),
        minEase: v.pipe(v.number('expected a reading ease between 0 and 100'), v.minValue(0, 'expected a reading ease between 0 and 100'), v.maxValue(100, 'expected a reading ease between 0 and 100')),
        formula: v.picklist(['smog', 'flesch-kincaid'], 'expected "smog" or "flesch-kincaid"'),
        germanFormula: v.picklist(['wiener-sachtextformel', 'amstad'], 'expected "wiener-sachtextformel" or "amstad"'),
      },
      'unknown option; use maxWords, denseMinWords, denseShare, minWordsForGrade, maxGrade, minEase, formula or germanFormula',
    ),
    defaults: { maxWords: 25, denseMinWords: 4, denseShare: 0.4, minWordsForGrade: 100, maxGrade: 8, minEase: 60, formula: 'smog', germanFormula: 'wiener-sachtextformel' },
    docs: {
      why:
        'Health information should be readable at about age 11 to 14 (US grade 6 to 8); long sentences and long words are what make text hard. Grade formulas are averages that mislead on a short post (one long word can move a 20-word tweet by several grades), so on short drafts the rule reports the sentences that are long (more than 25 words) or dense (at least 4 long words, making up at least 40% of the sentence), and gives a score only from 100 words, with a formula made for the draft\'s language. English: SMOG, preferred for health text, with Flesch-Kincaid alongside, above grade 8; a long word has three or more syllables, counted by the `syllable` package. German: the first Wiener Sachtextformel (a school grade, above 8) with Amstad\'s Flesch reading ease alongside, or Amstad alone (`germanFormula: "amstad"`, below a reading ease of 60); a long word has four or more syllables, since German inflects and compounds (in our German corpus 7.7% of words have four or more, as 8.4% of English words have three or more). French: Kandel and Moles\' Flesch reading ease, below 60; a long word has three or more syllables. German and French syllables are counted from the spelling (German as Duden divides them, French as said in careful speech, a final mute e not counted): no npm package counts them, and hyphenation patterns agreed with hand counts less often. Hashtags and numbers are not counted as words.',
      sources: [
        'McLaughlin, G. H. (1969) SMOG grading: a new readability formula. Journal of Reading 12(8)',
        'Kincaid, J. P. et al. (1975) Derivation of new readability formulas for Navy enlisted personnel',
        'NHS digital service manual, content style guide: aim for a reading age of 9 to 11 where possible',
        'Wang, L.-W. et al. (2013) Assessing readability formula differences with written health information materials. Research in Social and Administrative Pharmacy 9(5): SMOG recommended for health text',
        'Amstad, T. (1978) Wie verständlich sind unsere Zeitungen? Dissertation, Universität Zürich: Flesch reading ease for German, 180 - ASL - 58.5 × ASW',
        'Bamberger, R. and Vanecek, E. (1984) Lesen - Verstehen - Lernen - Schreiben. Jugend und Volk, Wien: the Wiener Sachtextformel, 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875',
        'Kandel, L. and Moles, A. (1958) Application de l\'indice de Flesch à la langue française. Cahiers Études de Radio-Télévision 19: 207 - 1.015 × ASL - 73.6 × ASW',
      ],
      languages: ['en', 'de', 'fr'],
      correct: [
        { text: 'Worried about a symptom? Our nurses are here to help. Call us free on 0808 808 00 00.' },
        { text: 'Immunotherapy medication information for everyone.', options: { denseMinWords: 5 } },
        { text: 'Hast du Fragen zu deiner Behandlung? Unser Team ist für dich da. Ruf uns kostenlos an: 0800 000 0000.', language: 'de' },
        { text: 'Une question sur votre traitement ? Nos infirmières vous répondent. Appelez-nous gratuitement au 0800 000 000.', language: 'fr' },
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
        {
          text: 'Die Wirksamkeit immuntherapeutischer Behandlungsmöglichkeiten hängt von individuellen Voraussetzungen ab.',
          language: 'de',
          messages: ['4 of 9 words in this sentence have four or more syllables ("immuntherapeutischer", "Behandlungsmöglichkeiten", "individuellen", ...): use shorter words'],
          ranges: [[0, 105]],
        },
        {
          // 101 words, 6 sentences, 255 syllables; 42 words of three or more syllables, 49 of more than six letters, 31 of one syllable.
          text: GERMAN_AFTERCARE,
          language: 'de',
          messages: [
            'Hard to read: reading grade 15.3 (Wiener Sachtextformel; Amstad reading ease 15.5), above 8: use shorter sentences and everyday words',
            'This sentence has 27 words: split it (aim for 25 or fewer)',
          ],
          ranges: [[0, 868], [386, 622]],
        },
        {
          text: GERMAN_AFTERCARE,
          language: 'de',
          options: { germanFormula: 'amstad', maxWords: 30 },
          messages: ['Hard to read: reading ease 15.5 (Amstad; Wiener Sachtextformel grade 15.3), below 60 (0 is hard, 100 easy): use shorter sentences and everyday words'],
          ranges: [[0, 868]],
        },
        {
          // 108 words, 5 sentences, 204 syllables.
          text: FRENCH_AFTERCARE,
          language: 'fr',
          messages: ['Hard to read: reading ease 46.1 (Kandel-Moles), below 60 (0 is hard, 100 easy): use shorter sentences and everyday words', 'This sentence has 33 words: split it (aim for 25 or fewer)'],
          ranges: [[0, 758], [389, 639]],
        },
      ],
    },
  },
  check({ analysis, options, report }) {
    const words = analysis.words;
    const syllables = analysis.syllables;
    const longWord = LONG_WORD[analysis.language];
    const counts: Counts = { sentences: 0, words: 0, syllables: 0, polysyllables: 0, monosyllables: 0, longWords: 0 };
    for (const sentence of analysis.sentences) {
      let prose = 0;
      const long: Word[] = [];
      for (let i = sentence.firstWord; i < sentence.endWord; i++) {
        const word = words[i]!;
        if (!isProse(word)) continue;
        prose++;
        const count = syllables[i]!;
        counts.syllables += count;
        if (count >= longWord.syllables) long.push(word);
        if (count >= 3) counts.polysyllables++;
        else if (count === 1) counts.monosyllables++;
        if (word.text.length > 6) counts.longWords++;
      }
      if (prose === 0) continue;
      counts.sentences++;
      counts.words += prose;
      if (prose > options.maxWords) {
        report({ messageId: 'longSentence', data: { count: prose, max: options.maxWords }, start: sentence.start, end: sentence.end });
      }
      if (long.length >= options.denseMinWords && long.length / prose >= options.denseShare) {
        const distinct = [...new Set(long.map((w) => w.text))];
        const examples = distinct.slice(0, 3).map((w) => `"${w}"`).join(', ') + (distinct.length > 3 ? ', ...' : '');
        report({ messageId: longWord.messageId, data: { count: long.length, total: prose, examples }, start: sentence.start, end: sentence.end, details: { words: distinct } });
      }
    }
    if (counts.words < options.minWordsForGrade || counts.words === 0) return;
    const score = SCORES[analysis.language](counts, options);
    if (score.kind === 'grade' ? !(score.value > options.maxGrade) : !(score.value < options.minEase)) return;
    const first = words.find(isProse)!;
    const last = words.findLast(isProse)!;
    const { sentences, words: wordCount, syllables: syllableCount, polysyllables } = counts;
    const details = { ...score.details, words: wordCount, sentences, syllables: syllableCount, polysyllables };
    if (score.kind === 'grade') {
      report({ messageId: 'grade', data: { grade: score.value, formula: score.formula, otherFormula: score.otherFormula, other: score.other, max: options.maxGrade }, start: first.start, end: last.end, details });
    } else {
      report({ messageId: 'ease', data: { ease: score.value, formula: score.formula, min: options.minEase }, start: first.start, end: last.end, details });
    }
  },
});

interface Counts {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of three or more syllables. */
  polysyllables: number;
  monosyllables: number;
  /** Words of more than six letters. */
  longWords: number;
}

type Score =
  | { kind: 'grade'; value: number; formula: string; otherFormula: string; other: number; details: Record<string, number> }
  | { kind: 'ease'; value: number; formula: string; details: Record<string, number> };

// Each language's formulas, made for it and cited in the docs: SMOG and Flesch-Kincaid for English;
// the first Wiener Sachtextformel and Amstad's Flesch for German; Kandel and Moles' Flesch for French.
const SCORES: Record<Language, (c: Counts, options: Options) => Score> = {
  en(c, options) {
    const smog = round(smogFormula({ sentence: c.sentences, polysillabicWord: c.polysyllables }));
    const fk = round(fleschKincaid({ sentence: c.sentences, word: c.words, syllable: c.syllables }));
    const [value, other] = options.formula === 'smog' ? [smog, fk] : [fk, smog];
    const otherFormula = FORMULA_NAMES[options.formula === 'smog' ? 'flesch-kincaid' : 'smog'];
    return { kind: 'grade', value, formula: FORMULA_NAMES[options.formula], otherFormula, other, details: { smog, fleschKincaid: fk } };
  },
  de(c, options) {
    const percent = (n: number) => (100 * n) / c.words;
    const wstf = round(0.1935 * percent(c.polysyllables) + 0.1672 * (c.words / c.sentences) + 0.1297 * percent(c.longWords) - 0.0327 * percent(c.monosyllables) - 0.875);
    const amstad = round(180 - c.words / c.sentences - 58.5 * (c.syllables / c.words));
    const details = { wienerSachtextformel: wstf, amstad, monosyllables: c.monosyllables, longWords: c.longWords };
    if (options.germanFormula === 'amstad') return { kind: 'ease', value: amstad, formula: `Amstad; Wiener Sachtextformel grade ${wstf}`, details };
    return { kind: 'grade', value: wstf, formula: 'Wiener Sachtextformel', otherFormula: 'Amstad reading ease', other: amstad, details };
  },
  fr(c) {
    const kandelMoles = round(207 - 1.015 * (c.words / c.sentences) - 73.6 * (c.syllables / c.words));
    return { kind: 'ease', value: kandelMoles, formula: 'Kandel-Moles', details: { kandelMoles } };
  },
};
