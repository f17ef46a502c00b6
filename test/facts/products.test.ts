import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, type Product } from '../../src/index.js';
import { runCli } from '../../src/node.js';
import { threadPosts } from '../../src/text/thread.js';
import { entityWords } from '../../src/facts/entity-words.js';
import { Analysis } from '../../src/facts/analysis.js';
import { compileProducts, validateProducts } from '../../src/facts/products.js';
import exampleFile from '../../examples/pharma/products.json';

const valid: Product = {
  brand: 'Zelvaxa',
  established: 'zelvarimab',
  riskInfo: ['serious infections'],
  riskUrl: 'https://example.com/zelvaxa/risk',
};

function configError(products: unknown): { key: string; message: string } {
  try {
    lint({ text: 'hello', channel: 'x' }, { preset: 'pharma', products: products as Product[] });
  } catch (error) {
    if (error instanceof PostlintConfigError) return { key: error.key, message: error.message };
    throw error;
  }
  throw new Error('expected a PostlintConfigError');
}

describe('LintOptions.products validation', () => {
  it.each([
    [{ not: 'a list' }, 'products', 'products: expected a list of products: [{ brand, established, riskInfo, riskUrl }]'],
    [[valid, { ...valid, riskUrl: 'example.com/risk' }], 'products[1].riskUrl', 'products[1].riskUrl: expected a full address such as "https://example.com/zelvaxa/risk"'],
    [[valid, { ...valid, riskUrl: 'ftp://example.com/risk' }], 'products[1].riskUrl', 'products[1].riskUrl: expected an http or https address'],
    [[{ brand: 'Zelvaxa', riskInfo: ['x'], riskUrl: 'https://example.com' }], 'products[0].established', 'products[0].established: required'],
    [[{ ...valid, brandName: 'Z' }], 'products[0].brandName', 'products[0].brandName: unknown key; a product has brand, established, riskInfo, riskUrl, prescriptionOnly, markets'],
    [[{ ...valid, riskInfo: [] }], 'products[0].riskInfo', 'products[0].riskInfo: list at least one of its most serious risks'],
    [[{ ...valid, riskInfo: ['ok', '  '] }], 'products[0].riskInfo[1]', 'products[0].riskInfo[1]: expected a risk phrase, not an empty string'],
    [[{ ...valid, brand: 42 }], 'products[0].brand', 'products[0].brand: expected the brand name, e.g. "Zelvaxa" as a string'],
    [[{ ...valid, prescriptionOnly: 'yes' }], 'products[0].prescriptionOnly', 'products[0].prescriptionOnly: expected true or false'],
    [[valid, valid, 7], 'products[2]', 'products[2]: expected an object with brand, established, riskInfo and riskUrl'],
  ])('%j -> %s', (products, key, message) => {
    expect(configError(products)).toEqual({ key, message });
  });

  it('trims names and keeps valid products as they are', () => {
    expect(validateProducts([{ ...valid, brand: ' Zelvaxa ' }])).toEqual([valid]);
  });

  it('accepts the example products file', () => {
    expect(validateProducts(exampleFile.products).map((p) => p.brand)).toEqual(['Zelvaxa', 'Norquell']);
  });
});

describe('threads drafted as one text', () => {
  it('splits at separator lines and keeps a plain draft whole', () => {
    expect(threadPosts('One.\n---\nTwo.')).toEqual([
      { index: 0, start: 0, end: 5 },
      { index: 1, start: 9, end: 13 },
    ]);
    expect(threadPosts('One.\n\n***\n\nTwo.\n===\n')).toEqual([
      { index: 0, start: 0, end: 6 },
      { index: 1, start: 10, end: 16 },
    ]);
    expect(threadPosts('Just one post.\nOn two lines.')).toEqual([{ index: 0, start: 0, end: 28 }]);
  });

  it('splits at thread numbering only when the thread starts at 1', () => {
    expect(threadPosts('First 1/2\nSecond 2/2')).toEqual([
      { index: 0, start: 0, end: 9 },
      { index: 1, start: 10, end: 20 },
    ]);
    expect(threadPosts('1/ First\n2/ Second')).toEqual([
      { index: 0, start: 0, end: 9 },
      { index: 1, start: 9, end: 18 },
    ]);
    expect(threadPosts('Call us 24/7\n2/3 of patients said so')).toEqual([{ index: 0, start: 0, end: 36 }]);
  });
});

describe('brand matching in tags and links', () => {
  it('splits hashtags by camelCase, @-tags by case and underscores, links by host and path', () => {
    const text = '#ZelvaxaWorks @zelvaxa_UK https://www.example.com/zelvaxa-risk?utm=ZelvaxaAd';
    const analysis = new Analysis(text);
    expect(entityWords(text, analysis.entities).map((e) => e.words.map((w) => w.text))).toEqual([
      ['Zelvaxa', 'Works'],
      ['zelvaxa', 'UK'],
      ['www', 'example', 'com', 'zelvaxa', 'risk'],
    ]);
  });

  it('compiles once per products array and matches once per draft', () => {
    const list = [valid];
    const products = compileProducts(list);
    expect(compileProducts(list)).toBe(products);
    expect(compileProducts([valid])).not.toBe(products);
    const analysis = new Analysis('Zelvaxa (zelvarimab)');
    const hits = products.hits(analysis);
    expect(products.hits(analysis)).toBe(hits);
    expect(hits.map((h) => [h.part, h.start, h.end])).toEqual([
      ['brand', 0, 7],
      ['established', 9, 19],
    ]);
  });

  it('finds each brand once per place, computed once per draft', () => {
    const options = { preset: 'none', rules: { 'prescription-only-public': ['error', { markets: ['US'] }] }, products: [{ ...valid, prescriptionOnly: true, markets: ['US'] }] } as const;
    const text = 'zelvaxa #ZelvaxaWorks @zelvaxa_UK https://example.com/Zelvaxa Zelvaxas';
    const result = lint({ text, channel: 'x' }, options as never);
    expect(result.messages.map((m) => [m.start.offset, m.end.offset, m.message.split(' named ')[1]!.split(' of ')[0]])).toEqual([
      [0, 7, 'in the text'],
      [9, 16, 'in the hashtag #ZelvaxaWorks'],
      [23, 30, 'in the @-tag @zelvaxa_UK'],
      [54, 61, 'in the link https://example.com/Zelvaxa'],
    ]);
  });
});

describe('postlint --products', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '', color: false, version: '0.0.0' });
    return { code, stdout, stderr };
  };
  const dir = mkdtempSync(join(tmpdir(), 'postlint-pharma-'));

  it('lints with the products file and the pharma preset', async () => {
    const { code, stdout } = await run(['--preset', 'pharma', '--products', 'examples/pharma/products.json', 'examples/pharma/claim-without-risk.txt', 'examples/pharma/compliant.txt']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '1:22  error  "Zelvaxa" with the benefit claim "reduces" but not its risk information in this post: add "serious infections" and "liver injury"  fair-balance',
    );
    // A clean draft is not listed (the docs' example output is checked by test/readme.test.ts).
    expect(stdout).not.toContain('compliant.txt');
  });

  it('accepts a bare list of products', async () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify([valid]));
    expect((await run(['--preset', 'pharma', '--products', file, '--text', 'Zelvaxa (zelvarimab).'])).code).toBe(0);
  });

  it('exits 2 with the key path of a bad product', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ products: [valid, { ...valid, riskUrl: 'nope' }] }));
    expect(await run(['--preset', 'pharma', '--products', file, '--text', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `postlint: products file ${file}: products[1].riskUrl: expected a full address such as "https://example.com/zelvaxa/risk"\n`,
    });
  });

  it('exits 2 on a missing or malformed file', async () => {
    expect((await run(['--products', join(dir, 'none.json'), '--text', 'x'])).stderr).toBe(`postlint: no such products file: ${join(dir, 'none.json')}\n`);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "products": [');
    const broken = await run(['--products', file, '--text', 'x']);
    expect(broken.code).toBe(2);
    expect(broken.stderr.startsWith(`postlint: products file ${file} is not valid JSON: `)).toBe(true);
  });
});

describe('pharma rules on any string', () => {
  it('never throw, never fail internally, and report inside the text', async () => {
    const fc = await import('fast-check');
    const products = exampleFile.products;
    const piece = fc.constantFrom(
      'Zelvaxa', 'zelvarimab', '#ZelvaxaWorks', '@norquell_uk', 'Norquell', 'reduces', '75%', 'serious infections', 'liver injury',
      'https://example.com/zelvaxa/risk', 'example.com/safety', '\n---\n', ' 1/2\n', '2/ ', '\uD800', '\u0000', '🧵', ' ', '. ',
    );
    const draft = fc.oneof(fc.string({ unit: 'binary' }), fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(draft, fc.constantFrom('x', 'x-140', 'sms', 'email'), (text, channel) => {
        const result = lint({ text, channel }, { preset: 'pharma', products });
        for (const m of result.messages) {
          expect(m.messageId).not.toBe('internal-error');
          expect(m.start.offset).toBeLessThanOrEqual(m.end.offset);
          expect(m.end.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
