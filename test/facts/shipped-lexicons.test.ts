import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../src/facts/lexicon.js';

// shippedLexicon reads a bundled phrase list without checking it at run time: every list it reads
// must pass the schema here instead (as lexicon-files.test.ts checks every file of the data folders).
const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });

const reads = ['src', 'rules'].flatMap(sources).flatMap((file) => {
  const code = readFileSync(path.join(root, file), 'utf8');
  const imports = new Map([...code.matchAll(/^import (\w+) from '([^']+\.json)';$/gm)].map((m) => [m[1]!, m[2]!] as const));
  return [...code.matchAll(/\bshippedLexicon(?:<[^>]*>)?\((\w+),/g)].map((m) => ({ file, name: m[1]!, json: imports.get(m[1]!) }));
});

describe('shippedLexicon', () => {
  it('is used on imported lists', () => {
    expect(reads.length).toBeGreaterThan(20);
    for (const read of reads) expect(read.json, `${read.file}: ${read.name} is no JSON import`).toBeDefined();
  });

  it('reads only lists that fit the lexicon schema', () => {
    for (const { file, json } of reads) {
      const data = path.join(root, path.dirname(file), json!);
      expect(() => readLexicon(JSON.parse(readFileSync(data, 'utf8')), path.relative(root, data))).not.toThrow();
    }
  });
});
