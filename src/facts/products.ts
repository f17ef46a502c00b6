import * as v from 'valibot';
import type { Analysis } from './analysis.js';
import { compileLexicon, matchLexicon, type CompiledLexicon, type LexiconEntry } from './lexicon.js';
import { PostlintConfigError } from '../core/errors.js';
import type { Product } from '../core/types.js';

/** Where in a post a product's name or risk phrase was found. */
export type ProductPlace = 'text' | 'hashtag' | 'mention' | 'link';

export interface ProductHit {
  product: Product;
  /** Which of the product's strings matched. */
  part: 'brand' | 'established' | 'risk';
  /** The phrase as configured (a brand, an established name or one risk phrase). */
  phrase: string;
  place: ProductPlace;
  /** UTF-16 offsets of the match; for a tag or link, of the matched words inside it. */
  start: number;
  end: number;
  /** The hashtag, @-tag or link the match is in. */
  entity?: string;
}

/** The products of one options object, validated and compiled once. */
export interface Products {
  readonly list: readonly Product[];
  /** Every match of every product in a draft, in order; computed once per draft. */
  hits(analysis: Analysis): readonly ProductHit[];
}

// One entry per distinct phrase: two products may share a risk phrase, and each must see it.
interface ProductEntry extends LexiconEntry {
  owners: { product: Product; part: ProductHit['part'] }[];
}

const KEYS = ['brand', 'established', 'riskInfo', 'riskUrl', 'prescriptionOnly', 'markets'];
const name = (what: string) => v.pipe(v.string(`expected ${what} as a string`), v.trim(), v.nonEmpty(`expected ${what}, not an empty string`));
const ProductSchema = v.strictObject({
  brand: name('the brand name, e.g. "Zelvaxa"'),
  established: name('the established (generic) name, e.g. "zelvarimab"'),
  riskInfo: v.pipe(
    v.array(name('a risk phrase'), 'expected a list of its most serious risks, e.g. ["serious infections"]'),
    v.minLength(1, 'list at least one of its most serious risks'),
  ),
  riskUrl: v.pipe(
    v.string('expected the address of its risk information page as a string'),
    v.url('expected a full address such as "https://example.com/zelvaxa/risk"'),
    v.regex(/^https?:\/\//i, 'expected an http or https address'),
  ),
  prescriptionOnly: v.optional(v.boolean('expected true or false')),
  markets: v.optional(v.array(name('a market code'), 'expected a list of market codes, e.g. ["US", "UK"]')),
});
const ProductsSchema = v.array(ProductSchema, 'expected a list of products: [{ brand, established, riskInfo, riskUrl }]');

const EMPTY: Products = { list: [], hits: () => [] };
const cache = new WeakMap<object, Products>();

/**
 * Validates `LintOptions.products` and compiles one matcher for all its names and risk phrases.
 * Cached per array, so linting on every keystroke validates and compiles once.
 */
export function compileProducts(products: unknown): Products {
  if (products === undefined) return EMPTY;
  if (typeof products === 'object' && products !== null) {
    const cached = cache.get(products);
    if (cached) return cached;
  }
  const compiled = compile(validateProducts(products));
  if (typeof products === 'object' && products !== null) cache.set(products, compiled);
  return compiled;
}

/** The products, trimmed, or a `PostlintConfigError` naming the key path (`products[1].riskUrl`). */
export function validateProducts(products: unknown): Product[] {
  const result = v.safeParse(ProductsSchema, products);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = 'products' + (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  let problem = issue.message;
  if (issue.type === 'strict_object') {
    // The same issue type covers a non-object product, a missing key and an unknown key.
    if (issue.expected === 'Object') problem = 'expected an object with brand, established, riskInfo and riskUrl';
    else if (issue.input === undefined) problem = 'required';
    else problem = `unknown key; a product has ${KEYS.join(', ')}`;
  }
  throw new PostlintConfigError(path, problem);
}

function compile(list: Product[]): Products {
  if (list.length === 0) return EMPTY;
  const byPhrase = new Map<string, ProductEntry>();
  const add = (phrase: string, product: Product, part: ProductHit['part']) => {
    const key = phrase.toLowerCase();
    const entry = byPhrase.get(key);
    if (entry) entry.owners.push({ product, part });
    else byPhrase.set(key, { phrases: [phrase], owners: [{ product, part }] });
  };
  for (const product of list) {
    add(product.brand, product, 'brand');
    add(product.established, product, 'established');
    for (const risk of product.riskInfo) add(risk, product, 'risk');
  }
  const lexicon = compileLexicon([...byPhrase.values()]);
  const products: Products = { list, hits: (analysis) => analysis.memo(products, () => findHits(lexicon, analysis)) };
  return products;
}

function findHits(lexicon: CompiledLexicon<ProductEntry>, analysis: Analysis): ProductHit[] {
  const hits: ProductHit[] = [];
  // Hashtag bodies are matched from their camelCase words below, so #ZelvaxaWorks names Zelvaxa.
  for (const hit of matchLexicon(lexicon, analysis.words.filter((w) => !w.tag))) {
    for (const { product, part } of hit.entry.owners) hits.push({ product, part, phrase: hit.phrase, place: 'text', start: hit.start, end: hit.end });
  }
  for (const { entity, words } of analysis.entityWords) {
    const place: ProductPlace = entity.type === 'url' ? 'link' : entity.type === 'mention' ? 'mention' : 'hashtag';
    for (const hit of matchLexicon(lexicon, words)) {
      for (const { product, part } of hit.entry.owners) {
        // A risk phrase in a link slug is not risk information a reader sees.
        if (place === 'link' && part === 'risk') continue;
        hits.push({ product, part, phrase: hit.phrase, place, start: hit.start, end: hit.end, entity: analysis.text.slice(entity.start, entity.end) });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
