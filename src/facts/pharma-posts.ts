import english from './data/benefit-claims.json';
import german from './data/benefit-claims.de.json';
import french from './data/benefit-claims.fr.json';
import { compileLexicon, compiledOnFirstUse, matchLexicon, shippedLexicon } from './lexicon.js';
import type { Language } from './language.js';
import type { Analysis } from './analysis.js';
import type { ThreadPost } from '../text/thread.js';
import type { ProductHit, Products } from './products.js';
import type { Product } from '../core/types.js';

// Benefit wording in the draft's language, one list per language, like the language rules' lists.
const CLAIMS: Record<Language, ReturnType<typeof compileLexicon>> = compiledOnFirstUse({
  en: () => compileLexicon(shippedLexicon(english, 'benefit-claims.json').entries),
  de: () => compileLexicon(shippedLexicon(german, 'benefit-claims.de.json').entries),
  fr: () => compileLexicon(shippedLexicon(french, 'benefit-claims.fr.json').entries),
});
// "40 percent", "40 Prozent", "40 pour cent"; "40 %" with the space (often a narrow no-break one) German and French write.
const PERCENT_WORDS = new Set(['percent', 'prozent']);
const PERCENT_PAIRS = new Set(['per cent', 'pour cent']);
const PERCENT_SIGN = /^[ \u00a0\u202f]?%/;

/** Efficacy wording found in a post: the words as written and where. */
export interface Claim {
  text: string;
  start: number;
  end: number;
}

export interface ProductInPost {
  product: Product;
  /** Where the brand is named (text, hashtag, @-tag or link), in order. */
  brands: ProductHit[];
  established: ProductHit[];
  /** Risk phrases of the product found in this post's text. */
  risks: ProductHit[];
}

/** One post of the draft (a thread's posts are judged one by one) with what the pharma rules need. */
export interface PharmaPost {
  post: ThreadPost;
  /** Benefit claims in the text and hashtags of this post. */
  claims: Claim[];
  /** Products whose brand this post names. */
  named: ProductInPost[];
  /** Every product hit in this post, named or not (a risk phrase can appear without the brand). */
  hits: ProductHit[];
}

/** The posts of the draft with their claims and product names, computed once per draft for all pharma rules. */
export function pharmaPosts(analysis: Analysis, products: Products): PharmaPost[] {
  if (products.list.length === 0) return [];
  // Keyed by the product list, so the posts are built once per draft and per products configured.
  return analysis.memo(products.list, () => build(analysis, products));
}

function build(analysis: Analysis, products: Products): PharmaPost[] {
  const allHits = products.hits(analysis);
  const allClaims = findClaims(analysis, allHits);
  // Hits, claims and posts are all in text order: one sweep hands each post its share.
  let nextHit = 0;
  let nextClaim = 0;
  return analysis.thread.map((post) => {
    while (nextHit < allHits.length && allHits[nextHit]!.start < post.start) nextHit++;
    const firstHit = nextHit;
    while (nextHit < allHits.length && allHits[nextHit]!.start < post.end) nextHit++;
    while (nextClaim < allClaims.length && allClaims[nextClaim]!.start < post.start) nextClaim++;
    const firstClaim = nextClaim;
    while (nextClaim < allClaims.length && allClaims[nextClaim]!.start < post.end) nextClaim++;
    const hits = allHits.slice(firstHit, nextHit);
    const named = new Map<Product, ProductInPost>();
    for (const hit of hits) {
      if (hit.part === 'brand' && !named.has(hit.product)) named.set(hit.product, { product: hit.product, brands: [], established: [], risks: [] });
    }
    for (const hit of hits) {
      const entry = named.get(hit.product);
      if (!entry) continue;
      if (hit.part === 'brand') entry.brands.push(hit);
      else if (hit.part === 'established' && (hit.place === 'text' || hit.place === 'hashtag')) entry.established.push(hit);
      else if (hit.part === 'risk' && hit.place === 'text') entry.risks.push(hit);
    }
    return { post, claims: allClaims.slice(firstClaim, nextClaim), named: [...named.values()], hits };
  });
}

/** Efficacy words (the lexicon) and percentages, outside product names and risk phrases. */
function findClaims(analysis: Analysis, productHits: readonly ProductHit[]): Claim[] {
  const { text } = analysis;
  const found: Claim[] = [];
  // Characters inside names and risk phrases, so "reduced white cells" in a risk is not a claim.
  const covered = new Uint8Array(text.length);
  for (const hit of productHits) covered.fill(1, hit.start, hit.end);
  const add = (start: number, end: number) => {
    if (!covered.subarray(start, end).includes(1)) found.push({ text: text.slice(start, end), start, end });
  };
  const words = analysis.words.filter((w) => !w.tag);
  const claims = CLAIMS[analysis.language];
  for (const hit of matchLexicon(claims, words)) add(hit.start, hit.end);
  for (const { entity, words: tagWords } of analysis.entityWords) {
    if (entity.type === 'hashtag') for (const hit of matchLexicon(claims, tagWords)) add(hit.start, hit.end);
  }
  // "50% fewer", "reduced by 40 percent", "um 40 % weniger": a percentage is a claim unless its sentence states a risk.
  const riskSentences = new Set(productHits.filter((h) => h.part === 'risk' && h.place === 'text').map((h) => sentenceAt(analysis, h.start)));
  words.forEach((word, i) => {
    if (!/^\d+$/.test(word.lower)) return;
    const next = words[i + 1]?.lower;
    const sign = PERCENT_SIGN.exec(text.slice(word.end, word.end + 2));
    const end = sign
      ? word.end + sign[0].length
      : next !== undefined && PERCENT_WORDS.has(next)
        ? words[i + 1]!.end
        : next !== undefined && PERCENT_PAIRS.has(`${next} ${words[i + 2]?.lower}`)
          ? words[i + 2]!.end
          : undefined;
    if (end !== undefined && !riskSentences.has(word.sentence)) add(word.start, end);
  });
  return found.sort((a, b) => a.start - b.start);
}

/** The sentence of the word at an offset (-1 outside words), by binary search: words are in text order. */
export function sentenceAt(analysis: Analysis, offset: number): number {
  const { words } = analysis;
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const word = words[mid]!;
    if (offset < word.start) high = mid - 1;
    else if (offset >= word.end) low = mid + 1;
    else return word.sentence;
  }
  return -1;
}

/** `"a", "b" and "c"`: quoted for a message. */
export function quoteList(items: readonly string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
