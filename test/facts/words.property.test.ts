import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachWord, plainWordForms, SENTENCE_END, splitSentences, tokenize, tokenizeDistinct, WORD, type Sentence, type Word } from '../../src/facts/words.js';
import { detectLanguage, detectLanguageOfText, detectLanguageOfWords } from '../../src/facts/language.js';
import { extractEntities } from '../../src/text/entities.js';
import { stemWords } from '../../src/facts/stems.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';
import languageWords from '../../src/facts/data/language-words.json';

// detectLanguage as it read before it counted without arrays: scores, a stable sort, the margin.
const FUNCTION_WORDS = new Map<string, string[]>();
for (const { id, phrases } of languageWords.entries) for (const word of phrases) (FUNCTION_WORDS.get(word) ?? FUNCTION_WORDS.set(word, []).get(word)!).push(id);
function detectLanguageBySort(text: string, words: readonly string[]): string {
  const score = { en: 0, de: 0, fr: 0 };
  for (const lower of words) for (const language of FUNCTION_WORDS.get(lower) ?? []) score[language as keyof typeof score]++;
  score.de += Math.min(3, text.match(/[äöüß]/giu)?.length ?? 0) * 0.5;
  score.fr += Math.min(3, text.match(/[éèêëçàâîïôûùœ]/giu)?.length ?? 0) * 0.5;
  const [best, second] = (['en', 'de', 'fr'] as const).map((l) => [l, score[l]] as const).sort((a, b) => b[1] - a[1]);
  if (best![0] === 'en') return 'en';
  return best![1] - Math.max(second![1], score.en * 0.5) >= 2 || (best![1] >= 2 && score.en === 0) ? best![0] : 'en';
}

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

// splitSentences as it read before its scanner: the ends SENTENCE_END matches.
function splitSentencesByRegex(text: string, words: Word[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let wordIndex = 0;
  const close = (end: number) => {
    const first = wordIndex;
    while (wordIndex < words.length && words[wordIndex]!.start < end) words[wordIndex++]!.sentence = sentences.length;
    if (wordIndex > first) {
      const from = words[first]!.start;
      sentences.push({ start: from, end, text: text.slice(from, end), firstWord: first, endWord: wordIndex });
    }
    start = end;
  };
  for (const match of text.matchAll(new RegExp(SENTENCE_END.source, 'gu'))) close(match[0] === '\n' ? match.index! : match.index! + match[0].length);
  if (start < text.length) close(text.length);
  return sentences;
}

// Both readings over the same text: the sentences and the words' sentence indices, keys in order too.
function sentencesBoth(text: string, withEntities = true) {
  const entities = withEntities ? extractEntities(text).entities : [];
  const words = tokenize(text, entities);
  const before = tokenizeByRegex(text, entities);
  return { now: JSON.stringify([splitSentences(text, words), words]), before: JSON.stringify([splitSentencesByRegex(text, before), before]) };
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
        expect(detectLanguageOfWords(text, words)).toBe(detectLanguage(text, forms));
        expect(detectLanguage(text, forms)).toBe(detectLanguageBySort(text, forms));
      }),
      { numRuns: 2000 },
    );
  });

  it('tokenize builds each word with the same keys in the same order as before', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { entities } = extractEntities(text);
        expect(JSON.stringify(tokenize(text, entities))).toBe(JSON.stringify(tokenizeByRegex(text, entities)));
        // Twice, so that the second reads the lower forms remembered from the first.
        expect(tokenize(text, entities).map((word) => Object.keys(word))).toEqual(tokenizeByRegex(text, entities).map((word) => Object.keys(word)));
      }),
      { numRuns: 2000 },
    );
  });

  it('a long draft, whose equal word texts are shared, has the same words as before', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 8 }), fc.nat(), (parts, seed) => {
        let text = parts.join('\n') + ' ';
        while (text.length < 100_000) text += `${parts[seed++ % parts.length]} Word${seed % 50} word${seed % 7} #Tagged${seed % 5}. `;
        const { entities } = extractEntities(text);
        expect(JSON.stringify(tokenize(text, entities))).toBe(JSON.stringify(tokenizeByRegex(text, entities)));
        // Its words numbered by distinct text, in order of first use: equal ids exactly for equal texts.
        const { words, ids, distinct } = tokenizeDistinct(text, entities);
        const firstUse = new Map<string, number>();
        const expected = words.map((w) => firstUse.get(w.text) ?? (firstUse.set(w.text, firstUse.size), firstUse.size - 1));
        expect([...ids!]).toEqual(expected);
        expect(distinct).toBe(firstUse.size);
        // What reads the words by their ids reads them as word by word.
        expect(detectLanguageOfWords(text, words, { ids: ids!, distinct })).toBe(detectLanguageOfWords(text, words));
        for (const language of ['en', 'de', 'fr'] as const) expect(stemWords(words, language, { ids: ids!, distinct })).toEqual(stemWords(words, language));
      }),
      { numRuns: 10 },
    );
  });

  it('the language and the stems read by distinct ids are those read word by word', () => {
    // Short drafts of repeated words, numbered as tokenizeDistinct numbers a long draft's.
    const functionWords = [...FUNCTION_WORDS.keys()];
    const piece = fc.oneof(fc.constantFrom(...functionWords), fc.constantFrom(...functionWords).map((w) => `#${w}`), fc.constantFrom(...PARTS), fc.constantFrom('treatments', 'Behandlungen', 'traitements', 'ä', 'é'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const words = tokenize(text, extractEntities(text).entities);
        const seen = new Map<string, number>();
        const ids = Int32Array.from(words, (w) => seen.get(w.text) ?? (seen.set(w.text, seen.size), seen.size - 1));
        const distinct = { ids, distinct: seen.size };
        expect(detectLanguageOfWords(text, words, distinct)).toBe(detectLanguageOfWords(text, words));
        for (const language of ['en', 'de', 'fr'] as const) expect(stemWords(words, language, distinct)).toEqual(stemWords(words, language));
      }),
      { numRuns: 2000 },
    );
  });

  it('remembers lower forms without mixing them up across many different words', () => {
    const letters = fc.constantFrom('A', 'b', 'Z', 'é', 'É', '’', "'", 'İ', 'ß', 'ǅ', 'Σ', '1', 'x');
    const capitalised = fc.array(fc.array(letters, { minLength: 1, maxLength: 14 }).map((l) => `Q${l.join('')}`), { minLength: 1, maxLength: 300 }).map((w) => w.join(' ') + ' 😀');
    fc.assert(
      fc.property(capitalised, (text) => {
        const { entities } = extractEntities(text);
        expect(tokenize(text, entities)).toEqual(tokenizeByRegex(text, entities));
      }),
      { numRuns: 300 },
    );
  });

  it('splitSentences ends the sentences SENTENCE_END ends', () => {
    const SENTENCE_PARTS = ['.', '..', '!', '?', '…', '?!', '"', "'", '’', '”', ')', ']', ' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u2028', '\r\n', 'a', 'Word', '#tag', '😀', '\ud800', 'x.org', '.5', '(', '['];
    const sentenceText = fc.array(fc.oneof(fc.constantFrom(...SENTENCE_PARTS), fc.constantFrom(...PARTS), fc.string({ maxLength: 3 })), { maxLength: 50 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(sentenceText, drafts), (text) => {
        const { now, before } = sentencesBoth(text);
        expect(now).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it('splitSentences reads every code unit of the BMP after a mark as SENTENCE_END does', () => {
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      for (const text of [`a.${unit}b`, `a?)${unit}`, `a${unit}.b`]) {
        const { now, before } = sentencesBoth(text, false);
        if (now !== before) expect(now).toBe(before);
      }
    }
  });

  it('detectLanguageOfWords decides as detectLanguage on the untagged lower forms, on drafts of function words and tags', () => {
    const functionWords = [...FUNCTION_WORDS.keys()];
    const pieces = fc.oneof(fc.constantFrom(...functionWords), fc.constantFrom(...functionWords).map((w) => `#${w}`), fc.constantFrom(...functionWords).map((w) => w.toUpperCase()), fc.constantFrom(' ', 'ä', 'é', '😀'));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const words = tokenize(text, extractEntities(text).entities);
        expect(detectLanguageOfWords(text, words)).toBe(detectLanguage(text, words.filter((w) => !w.tag).map((w) => w.lower)));
      }),
      { numRuns: 3000 },
    );
  });

  it('decides as the sort did on every mix of function words and letters', () => {
    const pick = (language: string) => [...FUNCTION_WORDS].filter(([, languages]) => languages.includes(language)).map(([word]) => word);
    const mixes = fc.tuple(fc.array(fc.constantFrom(...pick('en')), { maxLength: 6 }), fc.array(fc.constantFrom(...pick('de')), { maxLength: 6 }), fc.array(fc.constantFrom(...pick('fr')), { maxLength: 6 }), fc.constantFrom('', 'ä', 'ßö', 'äöüß', 'é', 'éè', 'éèêç', 'äé', 'Ääé'));
    fc.assert(
      fc.property(mixes, ([en, de, fr, letters]) => {
        const words = [...en, ...de, ...fr];
        expect(detectLanguage(letters, words)).toBe(detectLanguageBySort(letters, words));
      }),
      { numRuns: 3000 },
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
