import { describe, expect, it } from 'vitest';
import { WordVectors } from '../../src/facts/word-vectors.js';
import { englishWordVectors } from '@postlint/vectors-en';

const base64 = (bytes: number[]) => Buffer.from(Int8Array.from(bytes).buffer).toString('base64');

describe('WordVectors', () => {
  const tiny = new WordVectors({ lang: 'xx', dimensions: 2, words: 'up north down', vectors: base64([127, 0, 100, 100, -127, 0]) });

  it('decodes signed bytes to unit vectors: cosine from the directions alone', () => {
    expect(tiny.similarity('up', 'up')).toBeCloseTo(1, 6);
    expect(tiny.similarity('up', 'north')).toBeCloseTo(Math.SQRT1_2, 6);
    expect(tiny.similarity('up', 'down')).toBeCloseTo(-1, 6);
    expect(tiny.similarity('UP', 'Down')).toBeCloseTo(-1, 6);
  });

  it('knows the rank of each word and nothing of words it was not given', () => {
    expect([tiny.rank('up'), tiny.rank('down'), tiny.rank('sideways')]).toEqual([0, 2, 3]);
    expect(tiny.similarity('up', 'sideways')).toBeUndefined();
    expect(tiny.meanVector(['sideways'])).toBeUndefined();
  });

  it('says what data it expects', () => {
    expect(() => new WordVectors({ lang: 'xx', dimensions: 2, words: 'a b', vectors: base64([1, 2, 3]) })).toThrow('WordVectors: 2 words need 4 bytes, got 3');
    expect(() => new WordVectors({} as never)).toThrow("for English use englishWordVectors() from '@postlint/vectors-en'");
    expect(() => new WordVectors({ lang: 'xx', dimensions: 1, words: 'a', vectors: '*A==' })).toThrow('not base64');
  });

  it('ships English vectors where related words sit closer than unrelated ones', () => {
    const en = englishWordVectors();
    expect(en).toBe(englishWordVectors());
    expect(en.size).toBeGreaterThan(9_000);
    expect(en.similarity('arrives', 'comes')!).toBeGreaterThan(en.similarity('arrives', 'government')!);
    expect(en.similarity('doctor', 'nurse')!).toBeGreaterThan(en.similarity('doctor', 'football')!);
  });
});
