import type { LexiconEntry, LexiconHit } from '../../src/analyse/lexicon.js';
import type { Word } from '../../src/analyse/words.js';
import type { Suggestion } from '../../src/types.js';

/** A phrase-list entry that offers wording to use instead. */
export interface ReplaceableEntry extends LexiconEntry {
  /** Alternatives, best first; `{1}`, `{2}`... insert the matched words as written. */
  replace?: string[];
  /** Replace only the first this many words of the match (the rest stays, e.g. "battling [breast] cancer"). */
  words?: number;
}

/** The matched words in lower case, one space apart: what users list in an `ignore` option. */
export function matchedPhrase(hit: LexiconHit, words: readonly Word[]): string {
  return words.slice(hit.firstWord, hit.endWord).map((w) => w.lower).join(' ');
}

/** An `ignore` option as matched phrases: "Cancer-Warriors" and "cancer warriors" are the same words. */
export function phraseSet(phrases: readonly string[]): Set<string> {
  return new Set(phrases.map((p) => p.toLowerCase().replace(/’/g, "'").split(/[^\p{L}\p{M}\p{N}']+/u).filter(Boolean).join(' ')));
}

/** Hits a rule should report: not inside a hashtag, within one sentence, and not ignored. */
export function reportableHits<E extends LexiconEntry>(hits: readonly LexiconHit<E>[], words: readonly Word[], ignore: ReadonlySet<string>): LexiconHit<E>[] {
  return hits.filter((hit) => {
    const matched = words.slice(hit.firstWord, hit.endWord);
    if (matched.some((w) => w.tag)) return false; // rewording a hashtag changes the tag
    if (matched[0]!.sentence !== matched[matched.length - 1]!.sentence) return false;
    return !ignore.has(matchedPhrase(hit, words));
  });
}

export interface Replacements {
  /** Rendered alternatives, e.g. `"cancer" or "cancerous"`, for the message. */
  listed: string;
  suggestions: Suggestion[];
}

/** Suggestions (never autofixes) for one hit, keeping the capitalisation of the words they replace. */
export function replacementsFor(hit: LexiconHit<ReplaceableEntry>, words: readonly Word[], text: string): Replacements | undefined {
  const templates = hit.entry.replace;
  if (!templates?.length) return undefined;
  const matched = words.slice(hit.firstWord, hit.endWord);
  const replaced = matched.slice(0, Math.min(hit.entry.words ?? matched.length, matched.length));
  const start = replaced[0]!.start;
  const end = replaced[replaced.length - 1]!.end;
  const original = text.slice(start, end);
  const rendered = templates.map((template) => matchCase(template.replace(/\{(\d+)\}/g, (whole, n: string) => matched[Number(n) - 1]?.text ?? whole), original, template.startsWith('{')));
  return {
    listed: rendered.map((r) => `"${r}"`).join(' or '),
    suggestions: rendered.map((r) => ({ title: `Replace with "${r}"`, fix: { edits: [{ range: [start, end] as [number, number], text: r }] } })),
  };
}

// "CARCINOMA" -> "CANCER", "Carcinoma" -> "Cancer"; a replacement that starts with a matched word keeps it as written.
function matchCase(replacement: string, original: string, startsWithOriginal: boolean): string {
  if (startsWithOriginal) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
