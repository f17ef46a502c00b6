import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../src/facts/lexicon.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DATA_DIRS = ['rules/data', 'src/facts/data'];
// Data that is not a list of phrases: a name table, the weights of a score, example products, the
// trained models (complex-medical-question's model.<language>.json, written by npm run train; the
// key-message model, key-message-model.<language>.json, by npm run eval) and the word vectors
// (word-vectors.<language>.json, by npm run build:vectors).
const NOT_PHRASE_LISTS = new Set(['rules/data/invisible-characters.json', 'rules/data/complex-medical-question/signals.json', 'rules/data/pharma-examples.json', 'src/facts/data/key-message-thresholds.json']);
const isModel = (file: string) => /[/-]model\.[a-z]{2}\.json$|\/word-vectors\.[a-z]{2}\.json$/.test(file);

function jsonFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return jsonFiles(rel);
    return name.endsWith('.json') ? [rel] : [];
  });
}

const files = DATA_DIRS.flatMap(jsonFiles);

describe('every phrase list is one lexicon format', () => {
  it('finds the data files', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  for (const file of files.filter((f) => !NOT_PHRASE_LISTS.has(f) && !isModel(f))) {
    it(`${file} fits the lexicon schema (about, entries with id and phrases)`, () => {
      expect(() => readLexicon(JSON.parse(readFileSync(path.join(root, file), 'utf8')), file)).not.toThrow();
    });
  }

  it('names the file and the key when a list does not fit', () => {
    expect(() => readLexicon({ about: 'x', entries: [{ id: 'a', phrases: [] }] }, 'bad.json')).toThrow('bad.json at entries.0.phrases: list at least one phrase');
    expect(() => readLexicon({ about: 'x', entries: [{ id: 'a', phrases: ['p'] }, { id: 'a', phrases: ['q'] }] }, 'dup.json')).toThrow('dup.json at entries: every entry needs its own id');
    expect(() => readLexicon({ entries: [] }, 'none.json')).toThrow('none.json at about');
  });
});
