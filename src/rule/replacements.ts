import type { LexiconEntry, LexiconHit } from '../facts/lexicon.js';
import type { Word } from '../facts/words.js';
import type { Suggestion } from '../core/types.js';

/** A phrase-list entry that offers wording to use instead. */
export interface ReplaceableEntry extends LexiconEntry {
  /** Alternatives, best first. */
  replace?: string[];
  /**
   * The matched words a suggestion replaces, as `Array.prototype.slice` arguments: `[0, 1]` only the
   * first ("battling" in "battling breast cancer"), `[-2]` the last two; all of them by default.
   */
  words?: [number, number?];
  /** Message advice when there is no replacement. */
  note?: string;
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

const capitalised = (word: Word | undefined) => word !== undefined && /^\p{Lu}\p{Ll}/u.test(word.text);

/**
 * Whether a hit sits in a Title Case name ("Paediatric Oncology Unit", "Metastatic Breast Cancer
 * Awareness Day"): it is capitalised, and so is a word beside it in the same sentence (the word
 * before only when the hit does not start the sentence). Names of wards, services and events are
 * not the writer's to reword.
 */
export function inTitleCaseName(hit: LexiconHit, words: readonly Word[]): boolean {
  const first = words[hit.firstWord]!;
  if (!capitalised(first)) return false;
  const before = words[hit.firstWord - 1];
  const after = words[hit.endWord];
  const inner = hit.endWord - hit.firstWord > 1 ? words[hit.firstWord + 1] : undefined;
  return (before?.sentence === first.sentence && capitalised(before)) || (after?.sentence === first.sentence && capitalised(after)) || capitalised(inner);
}

export interface Replacements {
  /** The matched phrase as each alternative would make it, e.g. `"living with breast cancer"`, for the message. */
  listed: string;
  suggestions: Suggestion[];
}

/** Suggestions (never autofixes) for one hit, keeping the capitalisation of the words they replace. */
export function replacementsFor(hit: LexiconHit<ReplaceableEntry>, words: readonly Word[], text: string): Replacements | undefined {
  const alternatives = hit.entry.replace;
  if (!alternatives?.length) return undefined;
  const matched = words.slice(hit.firstWord, hit.endWord);
  const [from, to] = hit.entry.words ?? [0];
  const replaced = matched.slice(from, to);
  if (replaced.length === 0) return undefined;
  const start = replaced[0]!.start;
  let end = replaced[replaced.length - 1]!.end;
  // "oncologist's" -> "cancer doctor's": a possessive stays outside the edit.
  if (/['’]s$/u.test(text.slice(start, end))) end -= 2;
  const original = text.slice(start, end);
  const rendered = alternatives.map((replacement) => matchCase(replacement, original));
  const whole = start === hit.start && end === hit.end;
  const rewritten = (r: string) => text.slice(hit.start, start) + r + text.slice(end, hit.end);
  return {
    listed: rendered.map((r) => `"${rewritten(r)}"`).join(' or '),
    suggestions: rendered.map((r) => ({
      title: whole ? `Replace with "${r}"` : `Replace "${original}" with "${r}"`,
      fix: { edits: [{ range: [start, end] as [number, number], text: r }] },
    })),
  };
}

// "CARCINOMA" -> "CANCER", "Carcinoma" -> "Cancer".
function matchCase(replacement: string, original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
