import { describeRuleDocs } from '../helpers/rule-docs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, presets, PostlintConfigError } from '../../src/index.js';
import { runCli } from '../../src/node/cli.js';

const run = (text: string, options?: Record<string, unknown>) =>
  lint({ text, channel: 'web' }, { preset: 'none', rules: { readability: options ? ['warn', options] : 'warn' } }).messages;
const brief = (text: string, options?: Record<string, unknown>) => run(text, options).map((m) => [m.messageId, m.start.offset, m.end.offset, m.message]);
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

// 8 words, 28 syllables, 6 of three or more (Immunotherapy 6, medications 4, occasionally 5, cause 1,
// inflammation 4, affecting 3, different 3, organs 2), as the syllable package counts them.
const HARD = 'Immunotherapy medications occasionally cause inflammation affecting different organs.';
// 5 words, 6 syllables, none of three or more.
const EASY = 'We can help you today.';

describe('readability: long sentences', () => {
  it('reports a sentence over 25 words with its range, and not one of 25', () => {
    expect(brief(`${words(25)}.`)).toEqual([]);
    const text = `Hello there. ${words(26)}. Bye.`;
    expect(brief(text)).toEqual([['longSentence', 13, 13 + 26 * 5, 'This sentence has 26 words: split it (aim for 25 or fewer)']]);
  });

  it('takes the limit from maxWords', () => {
    expect(brief(`${words(11)}!`, { maxWords: 10 })).toEqual([['longSentence', 0, 55, 'This sentence has 11 words: split it (aim for 10 or fewer)']]);
  });

  it('does not count hashtags, numbers, links or mentions as words; a line break ends a sentence', () => {
    expect(brief(`${words(25)} #WorldCancerDay 0808 808 00 00 https://example.org @charity`)).toEqual([]);
    expect(brief(`${words(20)}\n${words(20)}`)).toEqual([]);
  });
});

describe('readability: dense sentences', () => {
  it('reports a sentence with 4+ words of three or more syllables making 40%+ of it', () => {
    expect(brief(HARD)).toEqual([['dense', 0, 85, '6 of 8 words in this sentence have three or more syllables ("Immunotherapy", "medications", "occasionally", ...): use shorter words']]);
  });

  it('stops at the thresholds: 4 of 10 is dense, 4 of 11 and 3 of 5 are not', () => {
    const four = 'information available everyone understanding';
    expect(brief(`${four} a b c d e f.`).map((m) => m[3])).toEqual([
      '4 of 10 words in this sentence have three or more syllables ("information", "available", "everyone", ...): use shorter words',
    ]);
    expect(brief(`${four} a b c d e f g.`)).toEqual([]);
    expect(brief('information available everyone a b.')).toEqual([]);
    expect(brief('information available everyone a b.', { denseMinWords: 3 }).map((m) => m[0])).toEqual(['dense']);
  });

  it('names each long word once', () => {
    expect(brief('Totally totally totally totally fine.').map((m) => m[3])).toEqual(['4 of 5 words in this sentence have three or more syllables ("Totally", "totally"): use shorter words']);
  });
});

describe('readability: reading grade', () => {
  it('gives no grade below 100 words, however hard the words', () => {
    const text = `${HARD} `.repeat(12) + 'Immunotherapy medications occasionally.';
    expect(run(text).filter((m) => m.messageId === 'grade')).toEqual([]);
  });

  it('reports SMOG with Flesch-Kincaid from 100 words, over the draft', () => {
    const text = `${HARD} `.repeat(13).trim();
    const grade = run(text).filter((m) => m.messageId === 'grade');
    // SMOG 3.1291 + 1.043 * sqrt(78 * 30 / 13) = 17.12; FK 0.39 * 104/13 + 11.8 * 364/104 - 15.59 = 28.83.
    expect(grade.map((m) => [m.start.offset, m.end.offset, m.message])).toEqual([
      [0, text.length - 1, 'Hard to read: reading grade 17.1 (SMOG; Flesch-Kincaid 28.8), above 8: use shorter sentences and everyday words'],
    ]);
    expect(grade[0]!.data).toMatchObject({ smog: 17.1, fleschKincaid: 28.8, words: 104, sentences: 13, syllables: 364, polysyllables: 78 });
  });

  it('uses the formula and the maximum from the options', () => {
    const text = `${EASY} `.repeat(20).trim();
    expect(run(text)).toEqual([]);
    // SMOG 3.1291 + 0 = 3.1; FK 0.39 * 5 + 11.8 * 1.2 - 15.59 = 0.52.
    expect(run(text, { maxGrade: 3 }).map((m) => m.message)).toEqual(['Hard to read: reading grade 3.1 (SMOG; Flesch-Kincaid 0.5), above 3: use shorter sentences and everyday words']);
    expect(run(text, { maxGrade: 0, formula: 'flesch-kincaid' }).map((m) => m.message)).toEqual(['Hard to read: reading grade 0.5 (Flesch-Kincaid; SMOG 3.1), above 0: use shorter sentences and everyday words']);
    expect(run(`${EASY} `.repeat(4), { maxGrade: 3, minWordsForGrade: 20 }).map((m) => m.message)).toEqual(['Hard to read: reading grade 3.1 (SMOG; Flesch-Kincaid 0.5), above 3: use shorter sentences and everyday words']);
  });

  it('rejects bad options with the key path', () => {
    expect(() => run('x', { denseShare: 2 })).toThrow(PostlintConfigError);
    expect(() => run('x', { denseShare: 2 })).toThrow(/^rules\.readability\[1\]\.denseShare: expected a share between 0 and 1/);
    expect(() => run('x', { formula: 'fog' })).toThrow(/^rules\.readability\[1\]\.formula: expected "smog" or "flesch-kincaid"/);
    expect(() => run('x', { maxWords: '25' })).toThrow(/^rules\.readability\[1\]\.maxWords: expected a number/);
  });
});

describe('health preset', () => {
  it('is recommended plus the three health language rules', () => {
    expect(presets.health).toMatchObject({ ...presets.recommended, 'plain-language': 'warn', readability: 'warn', 'cancer-language': 'warn' });
    expect(Object.keys(presets.recommended!)).not.toContain('plain-language');
  });

  it('is selected with lint(post, { preset: "health" })', () => {
    const post = { text: 'Jo lost her battle with metastatic cancer.', channel: 'x' };
    expect(lint(post, { preset: 'health' }).messages.map((m) => `${m.ruleId} ${m.start.offset}-${m.end.offset}`)).toEqual(['cancer-language 3-23', 'plain-language 24-34']);
    expect(lint(post).messages).toEqual([]);
  });

  it('is selected on the CLI with --preset health, and listed in the help', async () => {
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (out += s), readStdin: () => '', color: false, version: '0' };
    expect(await runCli(['--preset', 'health', '--no-config', '--format', 'json', '--text', 'Ask your oncologist'], io)).toBe(0);
    expect(JSON.parse(out)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['plain-language']);
    out = '';
    await runCli(['--help'], io);
    expect(out).toMatch(/--preset <name> +base preset[^\n]*\bhealth\b/);
  });

  it('never throws and keeps every range inside the draft, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const m of lint({ text, channel: 'x' }, { preset: 'health' }).messages) {
          expect(m.messageId).not.toBe('internal-error');
          expect(0 <= m.start.offset && m.start.offset <= m.end.offset && m.end.offset <= text.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    const big = 'Our oncologist says she is battling cancer. '.repeat(25_000);
    expect(lint({ text: big, channel: 'web' }, { preset: 'health' }).messages.filter((m) => m.ruleId === 'cancer-language')).toHaveLength(25_000);
  });
});

describe('readability in German and French', () => {
  const inLanguage = (language: 'de' | 'fr', text: string, options?: Record<string, unknown>) =>
    lint({ text, channel: 'web' }, { preset: 'none', language, rules: { readability: options ? ['warn', options] : 'warn' } }).messages;
  // 9 words, 4 of four or more syllables (Duden: im-mun-the-ra-peu-ti-scher 7, Be-hand-lungs-mög-lich-kei-ten 7, in-di-vi-du-el-len 6, Vor-aus-set-zun-gen 5).
  const GERMAN = 'Die Wirksamkeit immuntherapeutischer Behandlungsmöglichkeiten hängt von individuellen Voraussetzungen ab.';
  // 10 words, 7 of three or more syllables as said (trai-te-ments 3, im-mu-no-thé-ra-peu-tiques 7, ...).
  const FRENCH = 'Les traitements immunothérapeutiques provoquent occasionnellement des inflammations affectant différents organes.';

  it('calls a German word long from four syllables, as German inflects and compounds', () => {
    expect(inLanguage('de', GERMAN).map((m) => [m.messageId, m.message])).toEqual([
      ['denseFourSyllables', '4 of 9 words in this sentence have four or more syllables ("immuntherapeutischer", "Behandlungsmöglichkeiten", "individuellen", ...): use shorter words'],
    ]);
    // Unsere, Ärztinnen and beraten have three syllables: everyday German, not a dense sentence.
    expect(inLanguage('de', 'Unsere Ärztinnen beraten heute alle Familien.')).toEqual([]);
  });

  it('calls a French word long from three syllables', () => {
    expect(inLanguage('fr', FRENCH).map((m) => m.message)).toEqual([
      '7 of 10 words in this sentence have three or more syllables ("traitements", "immunothérapeutiques", "provoquent", ...): use shorter words',
    ]);
  });

  it('grades German with the Wiener Sachtextformel and Amstad alongside, or Amstad alone', () => {
    const text = `${GERMAN} `.repeat(12).trim();
    const [grade] = inLanguage('de', text, { denseMinWords: 5 });
    // WSTF 0.1935 * 55.56 + 0.1672 * 9 + 0.1297 * 55.56 - 0.0327 * 44.44 - 0.875 = 17.13; Amstad 180 - 9 - 58.5 * 384/108 = -37.0.
    expect(grade!.message).toBe('Hard to read: reading grade 17.1 (Wiener Sachtextformel; Amstad reading ease -37), above 8: use shorter sentences and everyday words');
    expect(grade!.data).toMatchObject({ wienerSachtextformel: 17.1, amstad: -37, words: 108, sentences: 12, syllables: 384, polysyllables: 60, longWords: 60, monosyllables: 48 });
    expect(inLanguage('de', text, { denseMinWords: 5, germanFormula: 'amstad' }).map((m) => [m.messageId, m.message])).toEqual([
      ['ease', 'Hard to read: reading ease -37 (Amstad; Wiener Sachtextformel grade 17.1), below 60 (0 is hard, 100 easy): use shorter sentences and everyday words'],
    ]);
    expect(inLanguage('de', text, { denseMinWords: 5, maxGrade: 18 })).toEqual([]);
  });

  it('scores French with Kandel and Moles, against minEase', () => {
    const text = `${FRENCH} `.repeat(10).trim();
    // 207 - 1.015 * 10 - 73.6 * 330/100 = -46.0.
    const messages = inLanguage('fr', text, { denseMinWords: 8 });
    expect(messages.map((m) => m.message)).toEqual(['Hard to read: reading ease -46 (Kandel-Moles), below 60 (0 is hard, 100 easy): use shorter sentences and everyday words']);
    expect(messages[0]!.data).toMatchObject({ kandelMoles: -46, words: 100, sentences: 10, syllables: 330 });
    const easy = 'Appelez-nous. Nos infirmières sont là pour vous. '.repeat(15).trim();
    expect(inLanguage('fr', easy)).toEqual([]);
    expect(inLanguage('fr', easy, { minEase: 100 }).map((m) => m.messageId)).toEqual(['ease']);
  });

  it('gives no score below 100 words in any language', () => {
    expect(inLanguage('de', `${GERMAN} `.repeat(11), { denseMinWords: 5 })).toEqual([]);
    expect(inLanguage('fr', `${FRENCH} `.repeat(9), { denseMinWords: 8 })).toEqual([]);
  });

  it('rejects bad German and French options with the key path', () => {
    expect(() => run('x', { germanFormula: 'flesch' })).toThrow(/^rules\.readability\[1\]\.germanFormula: expected "wiener-sachtextformel" or "amstad"/);
    expect(() => run('x', { minEase: 120 })).toThrow(/^rules\.readability\[1\]\.minEase: expected a reading ease between 0 and 100/);
  });
});

describeRuleDocs('readability');
