import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachWord, plainWordForms, tokenize, WORD, type Word } from '../../src/facts/words.js';
import { detectLanguage, detectLanguageOfText } from '../../src/facts/language.js';
import { extractEntities } from '../../src/text/entities.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// The readings tokenize and plainWordForms had before the scanner: the WORD regex over the text.
const byRegex = (text: string) => [...text.matchAll(new RegExp(WORD.source, 'gu'))].map((m) => [m.index!, m.index! + m[0].length]);
const lower = (word: string) => word.toLowerCase().replace(/’/g, "'");
function tokenizeByRegex(text: string, entities: ReturnType<typeof extractEntities>['entities']): Word[] {
  const words: Word[] = [];
  for (const [start, end] of byRegex(text)) {
    const entity = entities.find((e) => e.start < end! && e.end > start!);
    if (entity && (entity.type === 'url' || entity.type === 'mention')) continue;
    const raw = text.slice(start, end);
    const word: Word = { text: raw, lower: lower(raw), start: start!, end: end!, sentence: 0 };
    if (entity) word.tag = entity.type as Word['tag'];
    words.push(word);
  }
  return words;
}

const PARTS = [
  'und', 'the', 'le', 'Über', 'l’hôpital', "isn't", "it's", "c'est", "J'AI", 'DER', 'İstanbul', 'ǅ', 'ﬀ', 'ß', 'e\u0301', '\u0301', '٣', '𝗙𝗿𝗲𝗲', '𐐀', '\ud800', '\udc00',
  '😀', '👩‍⚕️', '漢字', 'ｆｕｌｌ', '’', "'", "''", "a'", "'a", 'a’’b', ' ', '\n', '.', '#tag', '@jane', '$ABC', 'x.org/a', 'https://example.org/über', '_', '-',
];
const wordy = fc.array(fc.oneof(fc.constantFrom(...PARTS), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(''));
const texts = fc.oneof(wordy, drafts);

describe('the word scanner reads the words the WORD regex matches', () => {
  it('forEachWord gives the matches of WORD', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found: number[][] = [];
        forEachWord(text, (start, end) => found.push([start, end]));
        expect(found).toEqual(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on every code point of the BMP and a sample of astral ones, alone and between letters', () => {
    const found = (text: string) => {
      const words: number[][] = [];
      forEachWord(text, (start, end) => words.push([start, end]));
      return words;
    };
    for (let code = 0; code < 0x10000; code += 1) {
      const unit = String.fromCharCode(code);
      for (const text of [unit, `a${unit}b`, `a'${unit}`]) if (JSON.stringify(found(text)) !== JSON.stringify(byRegex(text))) expect(found(text)).toEqual(byRegex(text));
    }
    for (let code = 0x10000; code < 0x110000; code += 97) {
      const text = `a${String.fromCodePoint(code)}b`;
      if (JSON.stringify(found(text)) !== JSON.stringify(byRegex(text))) expect(found(text)).toEqual(byRegex(text));
    }
  });

  it('tokenize, plainWordForms and the language read the same words as before', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { entities } = extractEntities(text);
        const words = tokenizeByRegex(text, entities);
        expect(tokenize(text, entities)).toEqual(words);
        const forms = words.filter((w) => !w.tag).map((w) => w.lower);
        expect(plainWordForms(text, entities)).toEqual(forms);
        expect(plainWordForms(text, entities, 4)).toEqual(forms.filter((_, i) => words.filter((w) => !w.tag)[i]!.text.length <= 4));
        expect(detectLanguageOfText(text, entities)).toBe(detectLanguage(text, forms));
      }),
      { numRuns: 2000 },
    );
  });

  it('detects German and French from their function words as before', () => {
    for (const text of ['Wir sind für Sie da und helfen gern, wenn Sie Fragen haben.', "C'est une journée pour la santé et nous sommes là.", 'We are here for you.']) {
      const { entities } = extractEntities(text);
      expect(detectLanguageOfText(text, entities)).toBe(detectLanguage(text, plainWordForms(text, entities)));
    }
    expect(detectLanguageOfText('Wir sind für Sie da und helfen gern, wenn Sie Fragen haben.', [])).toBe('de');
    expect(detectLanguageOfText("C'est une journée pour la santé et nous sommes là.", [])).toBe('fr');
  });
});
