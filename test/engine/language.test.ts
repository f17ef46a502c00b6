import { describe, expect, it } from 'vitest';
import { lint, linter, PostlintConfigError } from '../../src/index.js';

const cmq = { preset: 'none', rules: { 'complex-medical-question': 'error' } } as const;

describe('the language of a draft', () => {
  it.each([
    ['en', 'Our nurses are here for you this weekend: call us or read our guide.'],
    ['de', 'Unsere Pflegekräfte sind am Wochenende für Sie da: rufen Sie uns an oder lesen Sie unseren Ratgeber.'],
    ['fr', 'Nos infirmières sont là pour vous ce week-end : appelez-nous ou lisez notre guide.'],
    ['en', '🎉🎉🎉'],
    ['en', 'OK'],
  ])('is detected as %s: %s', (language, text) => {
    expect(lint({ text, channel: 'x' }, { preset: 'none' }).language).toBe(language);
  });

  it('follows the language option over detection', () => {
    const text = 'Unsere Pflegekräfte sind am Wochenende für Sie da.';
    expect(lint({ text, channel: 'x' }, { preset: 'none', language: 'fr' }).language).toBe('fr');
    expect(lint({ text, channel: 'x' }, { preset: 'none', language: 'auto' }).language).toBe('de');
  });

  it('rejects an unknown language, naming the option and the choices', () => {
    expect(() => lint({ text: 'x' }, { language: 'es' as never })).toThrow(PostlintConfigError);
    expect(() => lint({ text: 'x' }, { language: 'es' as never })).toThrow("language: unknown language \"es\"; use 'auto' or one of 'en', 'de', 'fr'");
  });

  it('picks the German and French models for complex-medical-question', () => {
    const de = lint({ text: 'Mein PSA-Wert liegt bei 6,1 – muss ich mir Sorgen machen oder kann ich bis zur nächsten Kontrolle warten?', channel: 'x' }, cmq);
    expect(de.language).toBe('de');
    expect(de.messages.map((m) => [m.ruleId, m.data?.language])).toEqual([['complex-medical-question', 'de']]);
    const fr = lint({ text: 'Mon taux de CA 125 est à 48, est-ce que ça veut dire que le cancer est revenu ? Je dois attendre le prochain rendez-vous ?', channel: 'x' }, cmq);
    expect(fr.language).toBe('fr');
    expect(fr.messages.map((m) => [m.ruleId, m.data?.language])).toEqual([['complex-medical-question', 'fr']]);
    const awareness = lint({ text: 'Ab 50 haben Sie Anspruch auf die Darmkrebsvorsorge. Informieren Sie sich jetzt: https://example.org/vorsorge', channel: 'x' }, cmq);
    expect(awareness.messages).toEqual([]);
  });
});

describe('a language set per file, per plan and per draft', () => {
  const GERMAN = 'Unsere Pflegekräfte sind am Wochenende für Sie da: rufen Sie uns an oder lesen Sie unseren Ratgeber.';
  const file = (text: string, options = {}) => linter.lintFile(text, { preset: 'none', markdown: true, ...options });
  const draftResult = (text: string, options = {}) => {
    const linted = file(text, options);
    if (linted.kind !== 'draft') throw new Error('expected one draft');
    return linted.result;
  };

  it("reads a draft's front matter lang:, a regional tag as its language, above the language option", () => {
    expect(draftResult(`---\nlang: fr\n---\n${GERMAN}\n`).language).toBe('fr');
    expect(draftResult(`---\nlang: de-CH\nchannel: bluesky\n---\nGrüezi mitenand!\n`)).toMatchObject({ language: 'de', channel: 'bluesky' });
    expect(draftResult(`---\nlang: fr\n---\n${GERMAN}\n`, { language: 'en' }).language).toBe('fr');
    expect(draftResult(`---\nlang: auto\n---\n${GERMAN}\n`, { language: 'en' }).language).toBe('de');
    expect(draftResult(`${GERMAN}\n`, { language: 'fr' }).language).toBe('fr');
  });

  it('reports an unknown lang: on the opening fence and detects the language instead', () => {
    const result = draftResult(`---\nlang: es\n---\n${GERMAN}\n`);
    expect(result.language).toBe('de');
    expect(result.messages.map((m) => [m.ruleId, m.message, m.start.offset, m.end.offset])).toEqual([
      ['front-matter', 'unknown language "es" in "lang"; use one of en, de, fr, auto', 0, 3],
    ]);
    expect(draftResult(`---\nlang: [de]\n---\nHallo\n`).messages[0]!.message).toBe('"lang" must be a language code, got ["de"]; use one of en, de, fr, auto');
  });

  const PLAN = [
    '---',
    'name: Vorsorge',
    'lang: de',
    'keyMessages:',
    '  - id: test',
    '    text: Machen Sie den Test',
    '---',
    '## x: Start',
    'Hello everyone, our nurses are here for you this weekend.',
    '## bluesky: Lancement {lang=fr}',
    'Bonjour à tous, nos infirmières sont là pour vous ce week-end.',
    '## mastodon {lang=es}',
    'Hola a todos.',
    '',
  ].join('\n');

  it("gives a plan's drafts its lang:, and a heading's {lang=…} to its own draft", () => {
    const { campaign } = file(PLAN) as Extract<ReturnType<typeof file>, { kind: 'campaign' }>;
    expect(campaign.posts.map((p) => [p.channel, p.label, p.result.language])).toEqual([
      ['x', 'Start', 'de'],
      ['bluesky', 'Lancement', 'fr'],
      ['mastodon', undefined, 'de'],
    ]);
    const problem = campaign.messages.find((m) => m.messageId === 'unknown-language')!;
    expect([problem.ruleId, problem.message, problem.start.line]).toEqual([
      'campaign-file',
      'Unknown language "es" in this heading\'s {lang=…}; use one of en, de, fr, auto, e.g. "## x: lancement {lang=fr}"',
      12,
    ]);
  });

  it("reports an unknown lang: in a plan's front matter at its value", () => {
    const { campaign } = file(PLAN.replace('lang: de', 'lang: german')) as Extract<ReturnType<typeof file>, { kind: 'campaign' }>;
    const problem = campaign.messages.find((m) => m.ruleId === 'front-matter')!;
    expect([problem.message, problem.start.line, problem.start.column, problem.end.column]).toEqual(['Unknown language "german" in "lang"; use one of en, de, fr, auto', 3, 7, 13]);
    expect(campaign.posts[0]!.result.language).toBe('en');
  });
});
