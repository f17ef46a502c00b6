import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Analysis } from '../../src/facts/analysis.js';
import { compileKeyMessages, keyMessageMatches, keyMessageMatchesBefore, matchTerms, type LexicalMatch, type MessageMatch } from '../../src/facts/key-message-match.js';
import { clauseBreakBetween, readText, termsOf, stemsOf, type Term } from '../../src/facts/key-message-terms.js';
import * as reference from './reference/key-message-terms.old.js';
import { keyMessageLanguage } from '../../src/facts/key-message-language.js';
import type { Campaign } from '../../src/core/types.js';
import { readCorpus, readOlderSets, type CorpusCampaign, type CorpusDraft } from '../eval/key-messages.js';

// The lexical matcher as it read drafts before its fast paths: a map of first occurrences per window
// of neighbouring sentences, and every word list built for every window. The fast one must agree exactly.
type Compiled = ReturnType<typeof compileKeyMessages>;
type Facet = Compiled['messages'][number]['facets'][number];

function referenceMatchTerms(campaign: Compiled, terms: readonly Term[], stems: readonly string[], textNeeded = campaign.language.textNeeded): LexicalMatch[] {
  const draft = campaign.language.compounds ? referenceCompounds(terms, campaign.keys) : terms;
  const sentences = draft.length ? draft[draft.length - 1]!.sentence + 1 : 0;
  const windows = (size: number) => {
    const inWindow = Array.from({ length: Math.max(1, sentences - size + 1) }, (): Term[] => []);
    for (const t of draft) {
      for (let first = Math.max(0, t.sentence - size + 1); first <= t.sentence && first < inWindow.length; first++) inWindow[first]!.push(t);
    }
    return inWindow.map((ts) => said(ts));
  };
  const paraphraseWindows = windows(3);
  const sentenceWindows = windows(1);
  const whole = said(draft);
  return campaign.messages.map(({ id, facets }) => {
    let best: MessageMatch | undefined;
    let textScore = 0;
    let pairedScore = 0;
    let sentenceScore = 0;
    let wholeScore = 0;
    let alsoCarried = false;
    for (const facet of facets) {
      for (const window of facet.kind === 'text' ? paraphraseWindows : sentenceWindows) {
        const match = matchFacet(id, facet, window, textNeeded);
        if (facet.kind === 'text') {
          textScore = Math.max(textScore, match.score);
          if (match.found.length >= 2 || facet.terms.length === 1) pairedScore = Math.max(pairedScore, match.score);
        } else alsoCarried ||= match.carried;
        if (!best || (match.carried && !best.carried) || (match.carried === best.carried && facet.kind === 'text' && match.score > best.score)) best = match;
      }
      if (facet.kind === 'text') {
        const paired = (m: MessageMatch) => (m.found.length >= 2 || facet.terms.length === 1 ? m.score : 0);
        for (const window of sentenceWindows) sentenceScore = Math.max(sentenceScore, paired(matchFacet(id, facet, window, textNeeded)));
        wholeScore = Math.max(wholeScore, paired(matchFacet(id, facet, whole, textNeeded)));
      }
      if (facet.kind === 'also' && containsRun(stems, facet.stems)) {
        alsoCarried = true;
        if (!best!.carried) best = { ...matchFacet(id, facet, whole, textNeeded), carried: true };
      }
    }
    const share = best!.found.length / Math.max(1, best!.found.length + best!.missing.length);
    return { ...best!, textScore, pairedScore, sentenceScore, wholeScore, share, alsoCarried };
  });
}

function said(terms: readonly Term[]): Map<string, Term> {
  const map = new Map<string, Term>();
  for (const t of terms) {
    const key = t.negated ? t.key + '!' : t.key;
    if (!map.has(key)) map.set(key, t);
  }
  return map;
}

function referenceCompounds(terms: readonly Term[], keys: ReadonlySet<string>): Term[] {
  const out: Term[] = [];
  for (const term of terms) {
    out.push(term);
    if (keys.has(term.key) || term.key.startsWith('c:')) continue;
    for (const key of keys) {
      const [part, whole] = key.length < term.key.length ? [key, term.key] : [term.key, key];
      if (part.length >= 5 && (whole.startsWith(part) || whole.endsWith(part))) out.push({ ...term, key });
    }
  }
  return out;
}

function matchFacet(id: string, facet: Facet, draft: ReadonlyMap<string, Term>, textNeeded: number): MessageMatch {
  let weight = 0;
  const found: string[] = [];
  const missing: string[] = [];
  let start = Infinity;
  let end = -1;
  let own = false;
  for (const term of facet.terms) {
    let hit: Term | undefined;
    for (const { key, negated } of term.alternatives) hit ??= draft.get(negated ? key + '!' : key);
    if (hit) {
      own ||= !term.named;
      weight += term.weight;
      found.push(term.word);
      start = Math.min(start, hit.start);
      end = Math.max(end, hit.end);
    } else missing.push(term.word);
  }
  const score = facet.total > 0 ? weight / facet.total : 0;
  const carried = facet.kind === 'text' ? score >= textNeeded && (found.length >= 2 || facet.terms.length === 1) : facet.terms.length >= 2 && score >= 0.99 && own;
  const match: MessageMatch = { id, carried, score, found, missing };
  if (carried) Object.assign(match, { start, end });
  return match;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

// Thresholds a caller may pass (the evaluation sweeps them): the language's own, and the edges.
const THRESHOLDS = [undefined, 0, 0.12, 0.4, 0.99, 1];

function agree(campaign: Campaign, text: string, lang: string) {
  const analysis = new Analysis(text, { language: lang as 'en' | 'de' | 'fr' });
  const language = keyMessageLanguage(lang);
  const compiled = compileKeyMessages(campaign, language);
  const { terms, stems } = readText(text, analysis.words, language);
  // The reader: terms and stems as the old one read them, word for word.
  expect({ terms, stems }).toStrictEqual(reference.readText(text, analysis.words, language));
  expect(termsOf(text, analysis.words, language)).toStrictEqual(reference.termsOf(text, analysis.words, language));
  expect(stemsOf(text, analysis.words, language)).toStrictEqual(reference.stemsOf(text, analysis.words, language));
  const stemList = stems.map((s) => s.stem);
  for (const threshold of THRESHOLDS) {
    // toStrictEqual: the same fields in the same objects (and key order, via JSON), bit for bit.
    const fast = matchTerms(compiled, terms, stemList, threshold);
    const old = referenceMatchTerms(compiled, terms, stemList, threshold);
    expect(fast).toStrictEqual(old);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(old));
  }
  // The draft's own path (its facts memoised, the stems read only for `also` phrasings, only the
  // campaign's keys indexed): the old reader and matcher, on the whole draft and before offsets.
  const old = reference.readText(text, analysis.words, language);
  const decided = (terms: readonly Term[], stems: readonly { stem: string; end: number }[]) => referenceMatchTerms(compiled, terms, stems.map((s) => s.stem)).map(referencePlain);
  const matches = keyMessageMatches(analysis, campaign);
  expect(matches).toStrictEqual(decided(old.terms, old.stems));
  expect(JSON.stringify(matches)).toBe(JSON.stringify(decided(old.terms, old.stems)));
  for (const offset of [0, 1, text.length >> 1, text.length - 1, text.length]) {
    const before = keyMessageMatchesBefore(analysis, campaign, offset);
    const expected = decided(old.terms.filter((t) => t.end <= offset), old.stems.filter((s) => s.end <= offset));
    expect(before).toStrictEqual(expected);
    expect(JSON.stringify(before)).toBe(JSON.stringify(expected));
  }
}

/** A lexical match as the API gives it: its fields in this order, the span only when it has one. */
function referencePlain(lexical: LexicalMatch): MessageMatch {
  const match: MessageMatch = { id: lexical.id, carried: lexical.carried, score: lexical.score, found: lexical.found, missing: lexical.missing };
  if ('start' in lexical) match.start = lexical.start;
  if ('end' in lexical) match.end = lexical.end;
  return match;
}

function corpusPairs(corpus: { campaigns: CorpusCampaign[]; drafts: CorpusDraft[] }): [CorpusCampaign, CorpusDraft][] {
  return corpus.drafts.flatMap((draft) =>
    (draft.campaign === null ? corpus.campaigns.filter((c) => c.author === draft.author) : corpus.campaigns.filter((c) => c.id === draft.campaign)).map((c): [CorpusCampaign, CorpusDraft] => [c, draft]),
  );
}

describe('key-message matcher fast paths agree with the old reading', () => {
  for (const lang of ['en', 'de', 'fr']) {
    it(`on every ${lang} key-message corpus draft`, () => {
      const pairs = corpusPairs(readCorpus(lang));
      expect(pairs.length).toBeGreaterThan(50);
      for (const [campaign, draft] of pairs) agree(campaign, draft.text, lang);
    });
  }

  it('on the older development sets', () => {
    const pairs = corpusPairs(readOlderSets());
    expect(pairs.length).toBeGreaterThan(50);
    for (const [campaign, draft] of pairs) agree(campaign, draft.text, 'en');
  });

  it('on random drafts made of the campaign words, negators and sentence breaks', () => {
    const { campaigns } = readOlderSets();
    const vocabulary = [...new Set(campaigns.flatMap((c) => c.keyMessages.flatMap((m) => [m.text, ...(m.also ?? [])]).join(' ').split(/\s+/)))];
    const piece = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.constantFrom('not', "don't", 'never', 'no', 'or', 'and', 'early', 'GP', '#SpotItEarly', 'Darmkrebsvorsorge', "l'âge", "n'attendez"),
      fc.constantFrom('.', '. ', '!\n', ',', ' - ', ';', '?', '\n\n'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: campaigns.length - 1 }), fc.array(piece, { maxLength: 60 }), fc.constantFrom('en', 'de', 'fr'), (c, pieces, lang) => {
        agree(campaigns[c]!, pieces.join(' '), lang);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a clause break between two words as the regex does on the gap', () => {
    const CLAUSE_BREAK = /[.,;:!?()"“”…]|\s[-–—]\s|[–—]|\n/u;
    const gap = fc.array(fc.constantFrom(' ', '  ', '\t', '\n', '-', '–', '—', '.', ',', '"', '“', '…', 'a', '\u00a0', '😀'), { maxLength: 5 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), gap, fc.string({ maxLength: 3 }), (before, between, after) => {
        const text = before + between + after;
        expect(clauseBreakBetween(text, before.length, before.length + between.length)).toBe(CLAUSE_BREAK.test(between));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a word the same from the cache as afresh, whatever word came before it ("a little" is the one that depends on it)', () => {
    const words = ['little', 'a little', 'a', 'not', "don't", 'can’t', "won't", 'we’re', "patient's", 'us', 'no', 'help', 'or', 'early', 'ne', 'pas', 'kein', 'nicht', '', '-', '42'];
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 4 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }), { minLength: 1, maxLength: 30 }), fc.constantFrom('en', 'en', 'de', 'fr'), (list, lang) => {
        const text = list.join(' ');
        const analysis = new Analysis(text, { language: lang as 'en' | 'de' | 'fr' });
        const language = keyMessageLanguage(lang);
        // Twice: the second reading comes from the cache the first filled.
        for (let i = 0; i < 2; i++) expect(readText(text, analysis.words, language)).toStrictEqual(reference.readText(text, analysis.words, language));
      }),
      { numRuns: 500 },
    );
  });
});
