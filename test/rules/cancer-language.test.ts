import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, type Diagnostic } from '../../src/index.js';

const run = (text: string, options?: Record<string, unknown>) =>
  lint({ text, channel: 'x' }, { preset: 'none', rules: { 'cancer-language': options ? ['warn', options] : 'warn' } }).messages;

// Each finding as [start, end, message, ...suggestions as "title @start-end"].
const brief = (m: Diagnostic) => [
  m.start.offset,
  m.end.offset,
  m.message,
  ...(m.suggestions ?? []).map((s) => `${s.title} @${s.fix.edits.map((e) => `${e.range[0]}-${e.range[1]}`).join(',')}`),
];

const BATTLE = 'frames cancer as a battle to win or lose';

describe('cancer-language', () => {
  it.each([
    ['Jo lost her battle with cancer.', [[3, 23, `"lost her battle with" ${BATTLE}: try "died from"`, 'Replace with "died from" @3-23']]],
    ['Dad lost his long fight against leukaemia', [[4, 31, `"lost his long fight against" ${BATTLE}: try "died from"`, 'Replace with "died from" @4-31']]],
    ['They lost their battle last May', [[5, 22, `"lost their battle" ${BATTLE}: try "died"`, 'Replace with "died" @5-22']]],
    ['He is losing his battle to cancer', [[6, 26, `"losing his battle to" ${BATTLE}: try "dying from"`, 'Replace with "dying from" @6-26']]],
    ['After a brave battle with cancer, Dad died.', [[0, 25, `"After a brave battle with" ${BATTLE}: try "After living with"`, 'Replace with "After living with" @0-25']]],
    [
      'During her battle with cancer she ran',
      [[7, 22, `"her battle with" ${BATTLE}: try "her experience of" or "her treatment for"`, 'Replace "battle with" with "experience of" @11-22', 'Replace "battle with" with "treatment for" @11-22']],
    ],
    [
      "My mum's cancer battle",
      [[0, 22, `"My mum's cancer battle" ${BATTLE}: try "My mum's cancer treatment" or "My mum's cancer experience"`, 'Replace "battle" with "treatment" @16-22', 'Replace "battle" with "experience" @16-22']],
    ],
    [
      'Battling breast cancer at 30',
      [[0, 22, `"Battling breast cancer" ${BATTLE}: try "Living with breast cancer" or "Having treatment for breast cancer"`, 'Replace "Battling" with "Living with" @0-8', 'Replace "Battling" with "Having treatment for" @0-8']],
    ],
    [
      'He battled lymphoma for years',
      [[3, 19, `"battled lymphoma" ${BATTLE}: try "lived with lymphoma" or "had treatment for lymphoma"`, 'Replace "battled" with "lived with" @3-10', 'Replace "battled" with "had treatment for" @3-10']],
    ],
    [
      "She’s fighting stage 4 bowel cancer",
      [[0, 35, `"She’s fighting stage 4 bowel cancer" ${BATTLE}: try "She’s living with stage 4 bowel cancer" or "She’s having treatment for stage 4 bowel cancer"`, 'Replace "fighting" with "living with" @6-14', 'Replace "fighting" with "having treatment for" @6-14']],
    ],
    ['He succumbed to pancreatic cancer', [[3, 33, `"succumbed to pancreatic cancer" ${BATTLE}: try "died from pancreatic cancer"`, 'Replace "succumbed to" with "died from" @3-15']]],
    ['A brave fight', [[2, 13, `"brave fight" ${BATTLE}: say what happened plainly, e.g. "has cancer", "died from cancer"`]]],
    ['Calling all cancer warriors!', [[12, 27, '"cancer warriors" expects a person with cancer to be a fighter: try "people with cancer"', 'Replace with "people with cancer" @12-27']]],
    ["She's a fighter", [[0, 15, '"She\'s a fighter" expects a person with cancer to be a fighter: describe the person, e.g. "person with cancer"']]],
    ['Our little warriors', [[4, 19, '"little warriors" expects a person with cancer to be a fighter: describe the person, e.g. "person with cancer"']]],
    ['Meet our cancer heroes', [[9, 22, '"cancer heroes" expects a person with cancer to be a fighter: describe the person, e.g. "person with cancer"']]],
    [
      'Cancer victims deserve better',
      [[0, 14, '"Cancer victims" casts the person as a victim: try "People with cancer" or "People who died from cancer"', 'Replace with "People with cancer" @0-14', 'Replace with "People who died from cancer" @0-14']],
    ],
    ['a victim of cancer', [[2, 18, '"victim of cancer" casts the person as a victim: try "person with cancer"', 'Replace with "person with cancer" @2-18']]],
    ['Hay fever sufferers, beware', [[10, 19, '"sufferers" casts the person as a victim: say "person with" or "people with" the condition']]],
    ['People suffering from lung cancer', [[7, 33, '"suffering from lung cancer" casts the person as a victim: try "living with lung cancer"', 'Replace "suffering from" with "living with" @7-21']]],
    ['She suffers with myeloma', [[4, 24, '"suffers with myeloma" casts the person as a victim: try "has myeloma" or "lives with myeloma"', 'Replace "suffers with" with "has" @4-16', 'Replace "suffers with" with "lives with" @4-16']]],
    ['Jo was struck down by cancer', [[7, 28, '"struck down by cancer" casts the person as a victim: try "diagnosed with cancer"', 'Replace "struck down by" with "diagnosed with" @7-21']]],
    ['A cancer-stricken mum', [[2, 17, '"cancer-stricken" casts the person as a victim: say "person with cancer" or "has cancer"']]],
    ['LOST HIS BATTLE WITH CANCER', [[0, 20, `"LOST HIS BATTLE WITH" ${BATTLE}: try "DIED FROM"`, 'Replace with "DIED FROM" @0-20']]],
  ])('%j', (text, expected) => {
    expect(run(text).map(brief)).toEqual(expected);
  });

  it.each([
    'Join the fight against cancer',
    'Our fundraising battle bus tours the region in May',
    'New hero image for the campaign page',
    'Our volunteers are true heroes',
    'We fight for funding every year',
    'The war on cancer needs research',
    'Together we will beat cancer',
    'Cancer survivor and proud',
    'We are fighting cancer with research',
    'Many people suffering from side effects get help from our nurses',
    'Firefighters ran the 10k for us',
    '#battlingcancer #cancerwarrior',
    "I'm battling. Cancer is hard to talk about",
    'She has lived with cancer for six years',
  ])('leaves %j alone', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('suggests, never fixes, and the suggestion reads right', () => {
    const text = 'Our friend Jo lost her battle with cancer last week.';
    const [message] = run(text);
    expect(message!.fix).toBeUndefined();
    const edit = message!.suggestions![0]!.fix.edits[0]!;
    expect(text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1])).toBe('Our friend Jo died from cancer last week.');
  });

  it('ignores listed phrases, as written in the draft', () => {
    expect(run('Go Cancer Warriors!', { ignore: ['cancer warriors'] })).toEqual([]);
    expect(run('Go Cancer Warriors! A cancer victim', { ignore: ['cancer-warriors'] }).map((m) => m.start.offset)).toEqual([22]);
  });

  it('rejects bad options with the key path', () => {
    expect(() => run('x', { ignore: [1] })).toThrow(PostlintConfigError);
    expect(() => run('x', { ignore: 'x' })).toThrow(/^rules\.cancer-language\[1\]\.ignore: expected a list of phrases/);
    expect(() => run('x', { allow: [] })).toThrow(/^rules\.cancer-language\[1\]\.allow: unknown option; use "ignore"/);
  });
});

describeRuleDocs('cancer-language');
