import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, type Diagnostic } from '../../src/index.js';
import { compileLexicon, expandPhrase, matchLexicon } from '../../src/facts/lexicon.js';

const run = (text: string, options?: Record<string, unknown>) =>
  lint({ text, channel: 'x' }, { preset: 'none', rules: { 'plain-language': options ? ['warn', options] : 'warn' } }).messages;

// Each finding as [start, end, message, ...suggestions as "title @start-end"].
const brief = (m: Diagnostic) => [
  m.start.offset,
  m.end.offset,
  m.message,
  ...(m.suggestions ?? []).map((s) => `${s.title} @${s.fix.edits.map((e) => `${e.range[0]}-${e.range[1]}`).join(',')}`),
];

const applied = (text: string, m: Diagnostic, index = 0) => {
  const edit = m.suggestions![index]!.fix.edits[0]!;
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
};

describe('plain-language', () => {
  it.each([
    ['The biopsy showed a carcinoma.', [[20, 29, '"carcinoma" is jargon to many readers: try "cancer"', 'Replace with "cancer" @20-29']]],
    ['Smoking is a carcinogen', [[13, 23, '"carcinogen" is jargon to many readers: try "something that causes cancer"', 'Replace with "something that causes cancer" @13-23']]],
    ['A malignant lump', [[2, 11, '"malignant" is jargon to many readers: try "cancerous"', 'Replace with "cancerous" @2-11']]],
    [
      'The lump was benign',
      [[13, 19, '"benign" is jargon to many readers: try "non-cancerous" or "not cancer"', 'Replace with "non-cancerous" @13-19', 'Replace with "not cancer" @13-19']],
    ],
    ['See an oncologist', [[7, 17, '"oncologist" is jargon to many readers: try "cancer doctor"', 'Replace with "cancer doctor" @7-17']]],
    ['Treat hypertension early', [[6, 18, '"hypertension" is jargon to many readers: try "high blood pressure"', 'Replace with "high blood pressure" @6-18']]],
    // British and American spellings.
    ['Ask a haematologist', [[6, 19, '"haematologist" is jargon to many readers: try "blood specialist"', 'Replace with "blood specialist" @6-19']]],
    ['Ask a hematologist', [[6, 18, '"hematologist" is jargon to many readers: try "blood specialist"', 'Replace with "blood specialist" @6-18']]],
    ['It has metastasized', [[7, 19, '"metastasized" is jargon to many readers: try "spread"', 'Replace with "spread" @7-19']]],
    ['Leg oedema or edema', [
      [4, 10, '"oedema" is jargon to many readers: try "swelling"', 'Replace with "swelling" @4-10'],
      [14, 19, '"edema" is jargon to many readers: try "swelling"', 'Replace with "swelling" @14-19'],
    ]],
    // The longest phrase wins at a place.
    ['Living with metastatic disease', [[12, 30, '"metastatic disease" is jargon to many readers: try "cancer that has spread"', 'Replace with "cancer that has spread" @12-30']]],
    ['The cancer is metastatic.', [[11, 24, '"is metastatic" is jargon to many readers: try "has spread"', 'Replace with "has spread" @11-24']]],
    // Capitalisation follows the original.
    ['Carcinoma of the skin', [[0, 9, '"Carcinoma" is jargon to many readers: try "Cancer"', 'Replace with "Cancer" @0-9']]],
    ['CARCINOMA AWARENESS', [[0, 9, '"CARCINOMA" is jargon to many readers: try "CANCER"', 'Replace with "CANCER" @0-9']]],
    // Possessives keep their "'s", straight or curly.
    ['Your oncologist’s advice', [[5, 17, '"oncologist’s" is jargon to many readers: try "cancer doctor’s"', 'Replace "oncologist" with "cancer doctor" @5-15']]],
    ["Your haematologist's advice", [[5, 20, '"haematologist\'s" is jargon to many readers: try "blood specialist\'s"', 'Replace "haematologist" with "blood specialist" @5-18']]],
  ])('%j', (text, expected) => {
    expect(run(text).map(brief)).toEqual(expected);
  });

  it('reports with suggestions, never an autofix, and the suggestion reads right', () => {
    const text = 'Your oncologist will explain.';
    const [message] = run(text);
    expect(message!.fix).toBeUndefined();
    expect(message!.severity).toBe('warning');
    expect(applied(text, message!)).toBe('Your cancer doctor will explain.');
  });

  it('counts offsets in UTF-16 code units after emoji', () => {
    expect(run('💛 A carcinoma').map(brief)).toEqual([[5, 14, '"carcinoma" is jargon to many readers: try "cancer"', 'Replace with "cancer" @5-14']]);
  });

  it('leaves hashtags, links, mentions and Title Case names alone', () => {
    expect(run('#carcinoma #MetastaticBreastCancer https://example.org/oncology @oncologist')).toEqual([]);
    expect(run('Vacancy: Clinical Research Fellow in Paediatric Oncology')).toEqual([]);
    expect(run('Metastatic Breast Cancer Awareness Day is on 13 October')).toEqual([]);
    expect(run('Bake sale for the paediatric oncology ward').map((m) => m.message)).toEqual(['"oncology" is jargon to many readers: try "cancer" or "cancer care"']);
  });

  it('does not match inside longer words or across sentences', () => {
    expect(run('Benignity, renalist, precarcinoma')).toEqual([]);
    expect(run('Smoking cessation. Cessation')).toHaveLength(1);
  });

  it('adds terms from the options (a string or a list) and they win over the built-in list', () => {
    expect(run('Neutropenic fever', { terms: { neutropenic: 'low white blood cell' } }).map(brief)).toEqual([
      [0, 11, '"Neutropenic" is jargon to many readers: try "Low white blood cell"', 'Replace with "Low white blood cell" @0-11'],
    ]);
    expect(run('a carcinoma', { terms: { carcinoma: ['cancer', 'tumour'] } }).map((m) => m.message)).toEqual(['"carcinoma" is jargon to many readers: try "cancer" or "tumour"']);
  });

  it('ignores listed phrases, whatever their case or hyphens', () => {
    expect(run('Oncology and palliative care', { ignore: ['ONCOLOGY', 'Palliative-Care'] })).toEqual([]);
    expect(run('Oncology and palliative care', { ignore: ['palliative'] }).map((m) => m.message)).toEqual([
      '"Oncology" is jargon to many readers: try "Cancer" or "Cancer care"',
      '"palliative care" is jargon to many readers: try "care to ease symptoms"',
    ]);
  });

  it('rejects bad options with the key path', () => {
    expect(() => run('x', { terms: { a: 3 } })).toThrow(PostlintConfigError);
    expect(() => run('x', { terms: { a: 3 } })).toThrow(/^rules\.plain-language\[1\]\.terms\.a: expected a replacement/);
    expect(() => run('x', { ignore: 'oncology' })).toThrow(/^rules\.plain-language\[1\]\.ignore: expected a list of phrases/);
    expect(() => run('x', { extra: {} })).toThrow(/^rules\.plain-language\[1\]\.extra: unknown option; use "terms" or "ignore"/);
  });
});

describe('lexicon phrase alternatives', () => {
  it('expands groups in order, an empty alternative making words optional', () => {
    expect(expandPhrase('lost (his|her) (|long )battle')).toEqual(['lost his battle', 'lost his long battle', 'lost her battle', 'lost her long battle']);
    expect(expandPhrase('(a (b|c)|d) e')).toEqual(['a b e', 'd e', 'a c e']);
    expect(expandPhrase('plain words')).toEqual(['plain words']);
  });

  it('stops at 1000 phrases however many groups a phrase has', () => {
    expect(expandPhrase('(a|b) '.repeat(11))).toHaveLength(1000);
    expect(expandPhrase('(a|b) '.repeat(60))[999]).toBe('a '.repeat(50).trim() + ' b b b b b a a b b b'); // the 1000th in binary order: 999 = 1111100111
  });
});

describe('plain-language in German and French', () => {
  const inLanguage = (language: 'de' | 'fr', text: string, options?: Record<string, unknown>) =>
    lint({ text, channel: 'x' }, { preset: 'none', language, rules: { 'plain-language': options ? ['warn', options] : 'warn' } }).messages.map(brief);
  const JARGON = 'is jargon to many readers';

  it.each([
    ['Bei ihr wurde ein Mammakarzinom festgestellt.', [[18, 31, `"Mammakarzinom" ${JARGON}: try "Brustkrebs"`, 'Replace with "Brustkrebs" @18-31']]],
    ['Es ist ein maligner Tumor.', [[11, 19, `"maligner" ${JARGON}: try "bösartiger"`, 'Replace with "bösartiger" @11-19']]],
    ['Der Knoten war benigne.', [[11, 22, `"war benigne" ${JARGON}: try "war gutartig"`, 'Replace "benigne" with "gutartig" @15-22']]],
    ['Lebermetastasen sind behandelbar.', [[0, 15, `"Lebermetastasen" ${JARGON}: try "Tochtergeschwülste in der Leber"`, 'Replace with "Tochtergeschwülste in der Leber" @0-15']]],
    ['Der Krebs ist metastasiert.', [[10, 26, `"ist metastasiert" ${JARGON}: try "hat gestreut"`, 'Replace with "hat gestreut" @10-26']]],
    ['Bei metastasiertem Darmkrebs', [[4, 18, `"metastasiertem" ${JARGON}: try "fortgeschrittenem"`, 'Replace with "fortgeschrittenem" @4-18']]],
    ['Mit einer adjuvanten Therapie', [[10, 29, `"adjuvanten Therapie" ${JARGON}: try "Behandlung nach der Operation"`, 'Replace with "Behandlung nach der Operation" @10-29']]],
    ['Die Biopsie ist morgen.', [[4, 11, `"Biopsie" ${JARGON}: try "Gewebeprobe"`, 'Replace with "Gewebeprobe" @4-11']]],
    // German capitalises nouns: a capital neighbour does not make a name.
    ['Mein Onkologe Dr. Weber', [[5, 13, `"Onkologe" ${JARGON}: try "Krebsspezialist"`, 'Replace with "Krebsspezialist" @5-13']]],
  ])('German: %j', (text, expected) => {
    expect(inLanguage('de', text)).toEqual(expected);
  });

  it.each([
    ['Le carcinome a été retiré.', [[3, 12, `"carcinome" ${JARGON}: try "cancer"`, 'Replace with "cancer" @3-12']]],
    ['Des métastases osseuses', [[4, 23, `"métastases osseuses" ${JARGON}: try "tumeurs secondaires dans les os"`, 'Replace with "tumeurs secondaires dans les os" @4-23']]],
    ['Un cancer du sein métastatique', [[18, 30, `"métastatique" ${JARGON}: try "à un stade avancé"`, 'Replace with "à un stade avancé" @18-30']]],
    ['Un cancer métastatique', [[3, 22, `"cancer métastatique" ${JARGON}: try "cancer qui s'est propagé" or "cancer à un stade avancé"`, `Replace with "cancer qui s'est propagé" @3-22`, 'Replace with "cancer à un stade avancé" @3-22']]],
    ['Un mélanome malin', [[3, 17, `"mélanome malin" ${JARGON}: try "mélanome cancéreux"`, 'Replace "malin" with "cancéreux" @12-17']]],
    ['Une chimiothérapie adjuvante', [[4, 28, `"chimiothérapie adjuvante" ${JARGON}: try "chimiothérapie après l'opération"`, `Replace "adjuvante" with "après l'opération" @19-28`]]],
    ["Demandez l’avis de l’oncologue.", [[16, 30, `"de l’oncologue" ${JARGON}: try "du cancérologue" or "de la cancérologue"`, 'Replace with "du cancérologue" @16-30', 'Replace with "de la cancérologue" @16-30']]],
    ['Une biopsie est prévue.', [[0, 11, `"Une biopsie" ${JARGON}: try "Un prélèvement"`, 'Replace with "Un prélèvement" @0-11']]],
  ])('French: %j', (text, expected) => {
    expect(inLanguage('fr', text)).toEqual(expected);
  });

  it.each([
    ['fr', "C'est malin ! Un accident bénin, rien de grave."],
    ['fr', 'Le Centre Hospitalier et son service de Cancérologie'],
    ['de', 'Der Krebs hat gestreut; Ihr Krebsspezialist bespricht die Behandlung.'],
  ] as const)('leaves %s %j alone', (language, text) => {
    expect(inLanguage(language, text)).toEqual([]);
  });

  it('keeps Title Case names in French, and adds terms in every language', () => {
    expect(inLanguage('fr', 'Bienvenue au Service Oncologie Pédiatrique')).toEqual([]);
    expect(inLanguage('de', 'Die Neutropenie ist vorbei.', { terms: { neutropenie: 'Mangel an Abwehrzellen' } })).toEqual([
      [4, 15, `"Neutropenie" ${JARGON}: try "Mangel an Abwehrzellen"`, 'Replace with "Mangel an Abwehrzellen" @4-15'],
    ]);
    expect(inLanguage('de', 'Die Onkologie zieht um.', { ignore: ['onkologie'] })).toEqual([]);
  });
});

describe('lexicon word sets', () => {
  it('matches a group of single words as the phrases it stands for, with the phrase as expanded', () => {
    const lexicon = compileLexicon([{ phrases: ['lost (his|her|their) (|long )battle', '(Big|Small) (|* )Risk'] }]);
    const words = (text: string) => [...text.matchAll(/\S+/g)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length }));
    expect(matchLexicon(lexicon, words('she lost her long battle')).map((h) => [h.phrase, h.start, h.end])).toEqual([['lost her long battle', 4, 24]]);
    expect(matchLexicon(lexicon, words('a big new risk')).map((h) => h.phrase)).toEqual(['Big * Risk']);
    expect(matchLexicon(lexicon, words('lost our battle'))).toEqual([]);
    // Groups with an empty, a multi-word, a prefix or an attached alternative still expand.
    expect(matchLexicon(compileLexicon([{ phrases: ['oncologist(|s)', '(fight*|war) on'] }]), words('oncologists fighting on')).map((h) => h.phrase)).toEqual(['oncologists', 'fight* on']);
  });
});

describeRuleDocs('plain-language');
