import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, type Diagnostic } from '../../src/index.js';
import { expandPhrase } from '../../src/facts/lexicon.js';

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

describeRuleDocs('plain-language');
