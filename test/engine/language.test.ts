import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError } from '../../src/index.js';

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
