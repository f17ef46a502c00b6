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

describe('cancer-language in German and French', () => {
  const inLanguage = (language: 'de' | 'fr', text: string, options?: Record<string, unknown>) =>
    lint({ text, channel: 'x' }, { preset: 'none', language, rules: { 'cancer-language': options ? ['warn', options] : 'warn' } }).messages.map(brief);
  const HERO = 'expects a person with cancer to be a fighter';
  const VICTIM = 'casts the person as a victim';

  it.each([
    ['Meine Mutter hat ihren langen Kampf gegen den Krebs verloren.', [[13, 60, `"hat ihren langen Kampf gegen den Krebs verloren" ${BATTLE}: try "ist an Krebs gestorben"`, 'Replace with "ist an Krebs gestorben" @13-60']]],
    ['Er verlor den Kampf gegen den Krebs.', [[3, 35, `"verlor den Kampf gegen den Krebs" ${BATTLE}: try "starb an Krebs"`, 'Replace with "starb an Krebs" @3-35']]],
    ['Nach langem, schwerem Kampf gegen den Krebs ist er gestorben.', [[0, 43, `"Nach langem, schwerem Kampf gegen den Krebs" ${BATTLE}: try "Nach langer Krankheit"`, 'Replace with "Nach langer Krankheit" @0-43']]],
    ['Ihr Kampf gegen den Brustkrebs hat uns bewegt.', [[0, 30, `"Ihr Kampf gegen den Brustkrebs" ${BATTLE}: say what happens, e.g. "ihre Krebserkrankung", "seine Behandlung"`]]],
    ['Sie kämpft seit zwei Jahren gegen den Krebs.', [[0, 43, `"Sie kämpft seit zwei Jahren gegen den Krebs" ${BATTLE}: say "lebt mit Krebs" or "wird wegen Krebs behandelt"`]]],
    ['Sie erlag ihrem Krebsleiden.', [[4, 27, `"erlag ihrem Krebsleiden" ${BATTLE}: try "starb an ihrem Krebsleiden"`, 'Replace "erlag" with "starb an" @4-9']]],
    ['Er hat den Krebs besiegt!', [[3, 24, `"hat den Krebs besiegt" ${BATTLE}: try "hat die Krebsbehandlung abgeschlossen"`, 'Replace with "hat die Krebsbehandlung abgeschlossen" @3-24']]],
    ['Ein Abend für Krebskämpferinnen', [[14, 31, `"Krebskämpferinnen" ${HERO}: try "Frauen mit Krebs"`, 'Replace with "Frauen mit Krebs" @14-31']]],
    ['Unsere kleinen Kämpfer auf Station 4', [[7, 22, `"kleinen Kämpfer" ${HERO}: describe the person, e.g. "Frau mit Krebs", "Mensch mit Krebs"`]]],
    ['Sie leidet an einem Hirntumor.', [[4, 29, `"leidet an einem Hirntumor" ${VICTIM}: try "hat einen Hirntumor"`, 'Replace "leidet an einem" with "hat einen" @4-19']]],
    ['Menschen, die an Krebs leiden, rufen uns an.', [[14, 29, `"an Krebs leiden" ${VICTIM}: try "Krebs haben"`, 'Replace with "Krebs haben" @14-29']]],
    ['Hilfe für an Krebs leidende Kinder', [[10, 27, `"an Krebs leidende" ${VICTIM}: try "an Krebs erkrankte"`, 'Replace "leidende" with "erkrankte" @19-27']]],
    ['Er fiel dem Krebs zum Opfer.', [[3, 27, `"fiel dem Krebs zum Opfer" ${VICTIM}: try "starb an Krebs"`, 'Replace with "starb an Krebs" @3-27']]],
  ])('German: %j', (text, expected) => {
    expect(inLanguage('de', text)).toEqual(expected);
  });

  it.each([
    ['Il a perdu sa longue bataille contre la leucémie.', [[5, 29, `"perdu sa longue bataille" ${BATTLE}: say what happened plainly, e.g. "a un cancer", "est mort d'un cancer"`]]],
    ['Elle est décédée après un long combat contre le cancer.', [[17, 54, `"après un long combat contre le cancer" ${BATTLE}: try "des suites d'un cancer"`, `Replace with "des suites d'un cancer" @17-54`]]],
    ['Après un long combat contre la maladie, il nous a quittés.', [[0, 38, `"Après un long combat contre la maladie" ${BATTLE}: try "Après une longue maladie"`, 'Replace with "Après une longue maladie" @0-38']]],
    ['Son combat contre le cancer nous inspire.', [[0, 27, `"Son combat contre le cancer" ${BATTLE}: try "Son parcours avec le cancer"`, 'Replace "combat contre" with "parcours avec" @4-17']]],
    ['Sa lutte contre la leucémie', [[0, 27, `"Sa lutte contre la leucémie" ${BATTLE}: try "Sa vie avec la leucémie"`, 'Replace "lutte contre" with "vie avec" @3-15']]],
    ['Elle se bat contre un cancer du pancréas.', [[5, 28, `"se bat contre un cancer" ${BATTLE}: try "vit avec un cancer" or "est en traitement pour un cancer"`, 'Replace "se bat contre" with "vit avec" @5-18', 'Replace "se bat contre" with "est en traitement pour" @5-18']]],
    ["Il s'est battu contre un lymphome.", [[3, 33, `"s'est battu contre un lymphome" ${BATTLE}: try "a vécu avec un lymphome"`, `Replace "s'est battu contre" with "a vécu avec" @3-21`]]],
    ['Il a succombé à un cancer.', [[3, 25, `"a succombé à un cancer" ${BATTLE}: try "est morte d'un cancer" or "est mort d'un cancer"`, `Replace with "est morte d'un cancer" @3-25`, `Replace with "est mort d'un cancer" @3-25`]]],
    ['Une guerrière du cancer', [[4, 23, `"guerrière du cancer" ${HERO}: try "femme vivant avec un cancer"`, 'Replace with "femme vivant avec un cancer" @4-23']]],
    ['Les personnes souffrant d’un cancer nous appellent.', [[14, 35, `"souffrant d’un cancer" ${VICTIM}: try "ayant un cancer" or "vivant avec un cancer"`, 'Replace "souffrant d’un" with "ayant un" @14-28', 'Replace "souffrant d’un" with "vivant avec un" @14-28']]],
    ['Je souffre d’une leucémie.', [[0, 25, `"Je souffre d’une leucémie" ${VICTIM}: try "J'ai une leucémie" or "Je vis avec une leucémie"`, 'Replace "Je souffre d’une" with "J\'ai une" @0-16', 'Replace "Je souffre d’une" with "Je vis avec une" @0-16']]],
    ['Il a été victime d’un cancer.', [[3, 28, `"a été victime d’un cancer" ${VICTIM}: try "a eu un cancer"`, 'Replace with "a eu un cancer" @3-28']]],
    ['Les cancéreux ont droit à un accompagnement.', [[0, 13, `"Les cancéreux" ${VICTIM}: try "Les personnes atteintes d'un cancer"`, `Replace "cancéreux" with "personnes atteintes d'un cancer" @4-13`]]],
  ])('French: %j', (text, expected) => {
    expect(inLanguage('fr', text)).toEqual(expected);
  });

  it.each([
    ['de', 'Gemeinsam im Kampf gegen den Krebs: jetzt spenden.'],
    ['de', 'Die Deutsche Krebshilfe kämpft gegen Krebs.'],
    ['de', 'Unsere Krebspatientinnen und ihre Angehörigen'],
    ['de', 'Sie ist an Brustkrebs erkrankt und lebt seit Jahren damit.'],
    ['de', 'Ihr Kampf gegen die Krankenkasse hat lange gedauert.'],
    ['fr', 'La Ligue contre le cancer soutient la lutte contre le cancer.'],
    ['fr', "Elle est atteinte d'un cancer du sein depuis deux ans."],
    ['fr', 'Les cellules cancéreuses se multiplient.'],
    ['fr', 'Un accident bénin, un combat syndical : rien à voir.'],
  ] as const)('leaves %s %j alone', (language, text) => {
    expect(inLanguage(language, text)).toEqual([]);
  });

  it('reads the language from the analysis: the German list is not used on an English draft', () => {
    expect(inLanguage('de', 'Jo lost her battle with cancer.')).toEqual([]);
    expect(run('Unsere liebe Anna hat den Kampf gegen den Krebs verloren, und wir sind sehr traurig.').map((m) => m.message)).toEqual([
      `"hat den Kampf gegen den Krebs verloren" ${BATTLE}: try "ist an Krebs gestorben"`,
    ]);
  });

  it('ignores listed German and French phrases too', () => {
    expect(inLanguage('fr', "C'est une vraie battante !", { ignore: ["c'est une vraie battante"] })).toEqual([]);
  });
});

describeRuleDocs('cancer-language');
