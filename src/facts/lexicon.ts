import * as v from 'valibot';
import type { Word } from './words.js';

/**
 * A phrase list as data (like retext-equality's or Vale's): each entry lists phrases and whatever
 * the rule that owns it wants to know (a suggestion, a category, a weight). One engine matches them all.
 */
export interface LexiconEntry {
  /**
   * Phrases as written; matched case-insensitively on whole words. A word ending in `*` matches any
   * ending (a lone `*` any word); `(a|b c|)` expands to each alternative, an empty one making it optional.
   */
  phrases: string[];
  [key: string]: unknown;
}

export interface Lexicon<E extends LexiconEntry = LexiconEntry> {
  entries: E[];
}

/**
 * An entry of a phrase-list file (rules/data, src/facts/data): every list postlint ships has this
 * shape, checked by one schema. A list may add fields of its own (a signal, a category, hosts).
 */
export interface LexiconFileEntry extends LexiconEntry {
  /** Unique in its file: rules and tests name entries by it. */
  id: string;
  /** Replacements, best first, for lists that suggest some. */
  replace?: string[];
  /** Why the entry is there, or the advice a message gives for it. */
  note?: string;
  source?: string;
}

/** A phrase-list file: what it is for and whose it is, then its entries. */
export interface LexiconFile<E extends LexiconFileEntry = LexiconFileEntry> {
  about: string;
  source?: string;
  entries: E[];
}

const Extra = v.union([v.string(), v.number(), v.boolean(), v.array(v.string()), v.array(v.number())]);
const EntrySchema = v.objectWithRest(
  {
    id: v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'an id is letters, digits, "-", "_" or "."')),
    phrases: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty('a phrase is not empty'))), v.minLength(1, 'list at least one phrase')),
    replace: v.optional(v.array(v.string())),
    note: v.optional(v.string()),
    source: v.optional(v.string()),
  },
  Extra,
);
export const LexiconFileSchema = v.strictObject({
  about: v.pipe(v.string(), v.nonEmpty('say what the list is for')),
  source: v.optional(v.string()),
  entries: v.pipe(
    v.array(EntrySchema),
    v.check((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'every entry needs its own id'),
  ),
});

/** A phrase-list file, checked against the one schema; throws naming the file and the key when it does not fit. */
export function readLexicon<E extends LexiconEntry = LexiconFileEntry>(data: unknown, file: string): LexiconFile<E & LexiconFileEntry> {
  const result = v.safeParse(LexiconFileSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`${file}${path ? ' at ' + path : ''}: ${issue.message}`);
  }
  return data as LexiconFile<E & LexiconFileEntry>;
}

/**
 * A phrase-list file that ships with postlint (imported from rules/data or src/facts/data), read
 * without checking it again on every start: test/facts/lexicon-files.test.ts checks every such file
 * against the schema with {@link readLexicon}, and test/facts/shipped-lexicons.test.ts that every file
 * read this way is one of them. `file` names it where it is read.
 */
export function shippedLexicon<E extends LexiconEntry = LexiconFileEntry>(data: unknown, file: string): LexiconFile<E & LexiconFileEntry> {
  void file;
  return data as LexiconFile<E & LexiconFileEntry>;
}

/** The entry of a list by id; throws when the list has none, so a renamed entry fails at load. */
export function entryOf<E extends LexiconFileEntry>(lexicon: LexiconFile<E>, id: string): E {
  const entry = lexicon.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`phrase list "${lexicon.about.slice(0, 40)}..." has no entry "${id}"`);
  return entry;
}

/** The phrases of one entry as a set of lower-case words, for lists of single words. */
export function wordSet(lexicon: LexiconFile, id: string): Set<string> {
  return new Set(entryOf(lexicon, id).phrases.map((p) => p.toLowerCase()));
}

export interface LexiconHit<E extends LexiconEntry = LexiconEntry> {
  entry: E;
  phrase: string;
  /** Offsets of the matched words in the text. */
  start: number;
  end: number;
  /** Indices of the first and past-the-last matched word. */
  firstWord: number;
  endWord: number;
}

interface PatternWord {
  text: string;
  prefix: boolean;
  /** A group of one-word alternatives ("(his|her|their)"), matched as a set instead of expanded: lower case to as written. */
  set?: ReadonlyMap<string, string>;
}

interface Pattern<E> {
  entry: E;
  phrase: string;
  words: PatternWord[];
}

export interface CompiledLexicon<E extends LexiconEntry = LexiconEntry> {
  /** Patterns by their first word, and prefix patterns by the first three letters of their first word. */
  exact: Map<string, Pattern<E>[]>;
  prefix: Map<string, Pattern<E>[]>;
}

const PREFIX_KEY = 3;
const PHRASE_WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*\*?|\*/gu;

/** Compiles a lexicon once, at load, into lookups by first word. */
/**
 * A record whose values are made on first read and then kept: rule data compiled when a rule reads
 * it for a draft's language, not when the module loads. Compiling every list at load cost the CLI
 * and the language server most of their start-up, for rules and languages most runs never use.
 */
export function compiledOnFirstUse<K extends string, T>(make: Record<K, () => T>): Record<K, T> {
  const record = {} as Record<K, T>;
  for (const key of Object.keys(make) as K[]) {
    Object.defineProperty(record, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = make[key]();
        Object.defineProperty(record, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return record;
}

export function compileLexicon<E extends LexiconEntry>(lexicon: Lexicon<E> | E[]): CompiledLexicon<E> {
  const entries = Array.isArray(lexicon) ? lexicon : lexicon.entries;
  const exact = new Map<string, Pattern<E>[]>();
  const prefix = new Map<string, Pattern<E>[]>();
  const add = (map: Map<string, Pattern<E>[]>, key: string, pattern: Pattern<E>) => {
    const list = map.get(key);
    if (list) list.push(pattern);
    else map.set(key, [pattern]);
  };
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      // Most phrases are plain lower-case words: no groups to expand, no patterns to read the words with.
      if (PLAIN_PHRASE.test(phrase)) {
        const words = phrase.split(' ').map((text): PatternWord => ({ text, prefix: false }));
        add(exact, words[0]!.text, { entry, phrase, words });
        continue;
      }
      // Groups of single words become sets: "(a|b|c) (x|y|z)" is one pattern, not nine, so long
      // lists of alternatives (German and French inflections) neither multiply nor hit the cap.
      const sets: Map<string, string>[] = [];
      const marked = phrase.replace(WORD_GROUP, (_, group: string) => {
        const alternatives = new Map(group.split('|').map((a) => [a.toLowerCase().replace(/’/g, "'"), a] as const));
        return `${SET_MARK}${sets.push(alternatives) - 1}${SET_END}`;
      });
      for (const expanded of expandPhrase(marked)) {
        const words = (expanded.toLowerCase().replace(/’/g, "'").match(PATTERN_WORD) ?? []).map((w): PatternWord =>
          w.startsWith(SET_MARK) ? { text: '', prefix: false, set: sets[Number(w.slice(1, -1))]! } : w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false },
        );
        const first = words[0];
        if (!first || (first.text === '' && !first.set)) continue;
        const pattern = { entry, phrase: expanded, words };
        if (first.set) for (const key of first.set.keys()) add(exact, key, pattern);
        else add(first.prefix ? prefix : exact, first.prefix ? first.text.slice(0, PREFIX_KEY) : first.text, pattern);
      }
    }
  }
  // Longest first (a stable sort: equal lengths keep their order, and the first of them still wins),
  // so a lookup stops at the first pattern that matches.
  for (const map of [exact, prefix]) for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { exact, prefix };
}

// A parenthesised group of two or more plain words standing as a word of its own: "(his|her)", also
// after an optional group that ends in a space ("(|* )(cancer|tumour)"), but not "(|long )", "(a b|c)",
// "(fight*|battle)" or "oncologist(|'s)".
const WORD_GROUP = /(?<=^|\s|\s\))\(([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*(?:\|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*)+)\)(?=\s|$)/gu;
// Lower-case ASCII letters and digits, one space between words: what expandPhrase and PATTERN_WORD leave as it is.
const PLAIN_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const SET_MARK = '\uE000';
const SET_END = '\uE001';
const PATTERN_WORD = new RegExp(`${SET_MARK}\\d+${SET_END}|${PHRASE_WORD.source}`, 'gu');

/** The phrase a hit matched as its expansion reads, set slots filled with the alternative found ("lost (his|her) battle" -> "lost her battle"). */
function matchedPhrase<E>(pattern: Pattern<E>, words: readonly Pick<Word, 'lower'>[], start: number): string {
  if (!pattern.phrase.includes(SET_MARK)) return pattern.phrase;
  let k = 0;
  return pattern.phrase.replace(/\uE000\d+\uE001/g, () => {
    while (!pattern.words[k]!.set) k++;
    const set = pattern.words[k]!.set!;
    return set.get(words[start + k++]!.lower)!;
  });
}

const ALTERNATIVES = /\(([^()]*)\)/;
// A data file that multiplies out further than this is a mistake; the rest of its expansions are dropped.
const MAX_EXPANSIONS = 1000;

/** "lost (his|her) (|long )battle" -> the four phrases it stands for, in order; compiled once at load. */
export function expandPhrase(phrase: string): string[] {
  const done = new Set<string>();
  const pending = [phrase];
  while (pending.length > 0 && done.size < MAX_EXPANSIONS) {
    // Depth first, so a phrase with many groups finishes phrases early instead of queueing 2^n halves.
    const next = pending.pop()!;
    const group = ALTERNATIVES.exec(next);
    if (!group) {
      done.add(next.split(/\s+/).filter(Boolean).join(' '));
      continue;
    }
    const before = next.slice(0, group.index);
    const after = next.slice(group.index + group[0].length);
    for (const alternative of group[1]!.split('|').reverse()) pending.push(before + alternative + after);
  }
  return [...done];
}

/** Every match of a compiled lexicon in a word list, longest first at each position, never overlapping. */
export function matchLexicon<E extends LexiconEntry>(lexicon: CompiledLexicon<E>, words: readonly Pick<Word, 'lower' | 'start' | 'end'>[]): LexiconHit<E>[] {
  const hits: LexiconHit<E>[] = [];
  const gate = lexicon.prefix.size > 0 ? prefixGateOf(lexicon.prefix) : undefined;
  for (let i = 0; i < words.length; ) {
    const word = words[i]!.lower;
    // This runs for every word of every draft on every keystroke: no allocation unless a pattern matches.
    let best = longestAt(lexicon.exact.get(word), words, i, undefined, 1);
    // A prefix key is the word's first letters: a word whose first unit, or first two, start no key
    // needs no slices (most words, as keys of common first letters are many but pairs are few).
    if (gate?.firsts.has(word.charCodeAt(0))) {
      const first = word.charCodeAt(0);
      if (gate.singles.has(first)) best = longestAt(lexicon.prefix.get(word.slice(0, 1)), words, i, best, 0);
      if (word.length >= 2 && gate.pairs.has(first * 0x10000 + word.charCodeAt(1))) {
        for (let k = 2; k <= PREFIX_KEY && k <= word.length; k++) best = longestAt(lexicon.prefix.get(word.slice(0, k)), words, i, best, 0);
      }
    }
    if (best) {
      const length = best.words.length;
      hits.push({ entry: best.entry, phrase: matchedPhrase(best, words, i), start: words[i]!.start, end: words[i + length - 1]!.end, firstWord: i, endWord: i + length });
      i += length;
    } else i++;
  }
  return hits;
}

interface PrefixGate {
  /** First UTF-16 units of every key; those of one-unit keys; first two units (as first * 0x10000 + second) of longer keys. */
  firsts: Set<number>;
  singles: Set<number>;
  pairs: Set<number>;
}
const prefixGates = new WeakMap<Map<string, unknown>, PrefixGate>();

/** What the prefix keys start with, once per compiled lexicon. */
function prefixGateOf(prefix: Map<string, unknown>): PrefixGate {
  let gate = prefixGates.get(prefix);
  if (!gate) {
    gate = { firsts: new Set(), singles: new Set(), pairs: new Set() };
    for (const key of prefix.keys()) {
      gate.firsts.add(key.charCodeAt(0));
      if (key.length === 1) gate.singles.add(key.charCodeAt(0));
      else gate.pairs.add(key.charCodeAt(0) * 0x10000 + key.charCodeAt(1));
    }
    prefixGates.set(prefix, gate);
  }
  return gate;
}

/**
 * The longest of `patterns` (longest first) that matches the words from `i`, or `best` if none is
 * longer. Patterns looked up by the word itself skip their first word (`from` 1): it is the key.
 */
function longestAt<E>(patterns: Pattern<E>[] | undefined, words: readonly Pick<Word, 'lower'>[], i: number, best: Pattern<E> | undefined, from: number): Pattern<E> | undefined {
  if (!patterns) return best;
  const shortest = best ? best.words.length : 0;
  for (const pattern of patterns) {
    const length = pattern.words.length;
    if (length <= shortest) break;
    lexiconWork.tried++;
    if (i + length > words.length) continue;
    let all = true;
    for (let k = from; k < length && all; k++) {
      const expected = pattern.words[k]!;
      const actual = words[i + k]!.lower;
      all = expected.set ? expected.set.has(actual) : expected.prefix ? actual.startsWith(expected.text) : actual === expected.text;
    }
    if (all) return pattern;
  }
  return best;
}

/**
 * Several compiled lexicons read as one: their first words in one map and their prefix keys in one
 * trie of code units, each key holding every lexicon's patterns for it. One pass over a draft's
 * words then gives each lexicon the hits {@link matchLexicon} gives it alone: one lookup per word
 * for all of them, and no slice of the word for its prefixes.
 */
export interface MergedLexicons {
  readonly lexicons: readonly CompiledLexicon<any>[];
  /** By first word: each lexicon's patterns for it, by the lexicon's index (undefined where it has none). */
  readonly exact: Map<string, (ByNextWord | undefined)[]>;
  /** Prefix keys of one to three UTF-16 units, unit by unit. */
  readonly prefix: Map<number, PrefixNode>;
}

/**
 * The patterns of one first word, narrowed by the word after it: most are phrases whose second word
 * is a plain word ("is it", "is there"), and a common first word keys dozens of them, so trying each
 * in turn cost most of the pass. For a next word, `bySecondWord` holds (in the list's order) the
 * patterns that may match: those whose second word is that word, and those of `anySecondWord` (one
 * word long, or a set or prefix second); other next words have only `anySecondWord`. Without
 * `bySecondWord` (a short list), `anySecondWord` is the whole list.
 */
interface ByNextWord {
  bySecondWord?: Map<string, Pattern<any>[]>;
  anySecondWord: Pattern<any>[];
}

// Narrowing pays for a Map lookup only where the list is longer than this.
const NARROW_FROM = 2;
const narrowed = new WeakMap<Pattern<any>[], ByNextWord>();

/** A first word's patterns (longest first) by the word after it, once per compiled list. */
function byNextWord(patterns: Pattern<any>[]): ByNextWord {
  let found = narrowed.get(patterns);
  if (found) return found;
  const plainSecond = (p: Pattern<any>) => {
    const second = p.words[1];
    return second && !second.set && !second.prefix ? second.text : undefined;
  };
  const anySecondWord = patterns.filter((p) => plainSecond(p) === undefined);
  const seconds = new Set<string>();
  for (const p of patterns) {
    const second = plainSecond(p);
    if (second !== undefined) seconds.add(second);
  }
  // Each next word's list repeats the patterns of any second word: where those are many, the lists
  // would multiply them, so such a list (rare: sets of inflections) is tried in full.
  if (patterns.length <= NARROW_FROM || seconds.size === 0 || anySecondWord.length * seconds.size > 4 * patterns.length) found = { anySecondWord: patterns };
  else {
    const bySecondWord = new Map<string, Pattern<any>[]>();
    for (const second of seconds) bySecondWord.set(second, patterns.filter((p) => plainSecond(p) === undefined || plainSecond(p) === second));
    found = { bySecondWord, anySecondWord };
  }
  narrowed.set(patterns, found);
  return found;
}

/** The patterns of a first word at `i` that may match, given the word after it. */
function mayMatchAt(slot: ByNextWord, words: readonly Pick<Word, 'lower'>[], i: number): Pattern<any>[] {
  const next = slot.bySecondWord && i + 1 < words.length ? slot.bySecondWord.get(words[i + 1]!.lower) : undefined;
  return next ?? slot.anySecondWord;
}

interface PrefixNode {
  patterns?: (Pattern<any>[] | undefined)[];
  next?: Map<number, PrefixNode>;
}

export function mergeLexicons(lexicons: readonly CompiledLexicon<any>[]): MergedLexicons {
  const merged: MergedLexicons = { lexicons, exact: new Map(), prefix: new Map() };
  lexicons.forEach((lexicon, index) => addLexicon(merged, lexicon, index));
  return merged;
}

/**
 * `merged` with `lexicon` added at the end, sharing (and growing) its tables: a set of n lexicons
 * is built in n steps, not merged again from scratch at each. The set it grew from matches as it
 * did: it reads only the slots below its own count (undefined past the end of a slot list, as
 * unfilled), and a word that now keys only the new lexicon finds nothing in them.
 */
function withLexicon(merged: MergedLexicons, lexicon: CompiledLexicon<any>): MergedLexicons {
  const grown: MergedLexicons = { lexicons: [...merged.lexicons, lexicon], exact: merged.exact, prefix: merged.prefix };
  addLexicon(grown, lexicon, merged.lexicons.length);
  return grown;
}

function addLexicon(merged: MergedLexicons, lexicon: CompiledLexicon<any>, index: number): void {
  const { lexicons, exact, prefix } = merged;
  for (const [key, patterns] of lexicon.exact) {
    let slots = exact.get(key);
    if (!slots) exact.set(key, (slots = new Array(lexicons.length).fill(undefined)));
    slots[index] = byNextWord(patterns);
  }
  for (const [key, patterns] of lexicon.prefix) {
    let level = prefix;
    let node: PrefixNode | undefined;
    for (let k = 0; k < key.length; k++) {
      const unit = key.charCodeAt(k);
      node = level.get(unit);
      if (!node) level.set(unit, (node = {}));
      if (k + 1 < key.length) level = node.next ??= new Map();
    }
    if (!node) continue;
    (node.patterns ??= new Array(lexicons.length).fill(undefined))[index] = patterns;
  }
}

/**
 * The hits of every merged lexicon in one pass over the words, by the lexicon's index: for each, what
 * {@link matchLexicon} finds (longest first at each position, never overlapping within a lexicon).
 * Lexicons whose index `skip` marks are not matched (their slot stays empty).
 */
export function matchMergedLexicons(
  merged: MergedLexicons,
  words: readonly Pick<Word, 'lower' | 'start' | 'end'>[],
  skip?: readonly boolean[],
  distinct?: { ids: Int32Array; distinct: number },
): LexiconHit<any>[][] {
  const count = merged.lexicons.length;
  const hits: LexiconHit<any>[][] = [];
  // The first word each lexicon may match at: past its last hit, as matchLexicon steps.
  const free: number[] = [];
  for (let j = 0; j < count; j++) {
    hits.push([]);
    free.push(skip?.[j] ? Infinity : 0);
  }
  const matchAt = (i: number, exact: WordKeys['exact'], one: PrefixNode | undefined, two: PrefixNode | undefined, three: PrefixNode | undefined) => {
    for (let j = 0; j < count; j++) {
      if (free[j]! > i) continue;
      // In matchLexicon's order: the word's own patterns, then prefix keys of one, two, three units.
      const slot = exact?.[j];
      let best = slot ? longestAt(mayMatchAt(slot, words, i), words, i, undefined, 1) : undefined;
      if (one?.patterns) best = longestAt(one.patterns[j], words, i, best, 0);
      if (two?.patterns) best = longestAt(two.patterns[j], words, i, best, 0);
      if (three?.patterns) best = longestAt(three.patterns[j], words, i, best, 0);
      if (!best) continue;
      const length = best.words.length;
      hits[j]!.push({ entry: best.entry, phrase: matchedPhrase(best, words, i), start: words[i]!.start, end: words[i + length - 1]!.end, firstWord: i, endWord: i + length });
      free[j] = i + length;
    }
  };
  if (distinct) {
    // A long draft's words by their distinct ids: each distinct word looked up once (null: it keys nothing).
    const { ids } = distinct;
    const keys: (WordKeys | null | undefined)[] = new Array(distinct.distinct).fill(undefined);
    for (let i = 0; i < words.length; i++) {
      const id = ids[i]!;
      let found = keys[id];
      if (found === undefined) found = keys[id] = keysOf(merged, words[i]!.lower) ?? null;
      if (found) matchAt(i, found.exact, found.one, found.two, found.three);
    }
    return hits;
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.lower;
    const exact = merged.exact.get(word);
    // The trie nodes of the word's first one, two and three units: the prefix keys it starts with.
    const one = merged.prefix.get(word.charCodeAt(0));
    if (!exact && !one) continue;
    const two = one?.next && word.length >= 2 ? one.next.get(word.charCodeAt(1)) : undefined;
    const three = two?.next && word.length >= 3 ? two.next.get(word.charCodeAt(2)) : undefined;
    matchAt(i, exact, one, two, three);
  }
  return hits;
}

/** What a word keys in merged lexicons: its own patterns, and the trie nodes of its first one, two and three units. */
interface WordKeys {
  exact: (ByNextWord | undefined)[] | undefined;
  one: PrefixNode | undefined;
  two: PrefixNode | undefined;
  three: PrefixNode | undefined;
}

/**
 * Work counts, for tests (which count work, never time): distinct words a long draft's merged pass
 * has looked up in its tables (shorter drafts are not counted), and patterns tried against the words
 * at a position.
 */
export const lexiconWork = { lookups: 0, tried: 0 };

/** The keys a word (lower case) starts in merged lexicons, or undefined when it keys none. */
function keysOf(merged: MergedLexicons, word: string): WordKeys | undefined {
  lexiconWork.lookups++;
  const exact = merged.exact.get(word);
  const one = merged.prefix.get(word.charCodeAt(0));
  if (!exact && !one) return undefined;
  const two = one?.next && word.length >= 2 ? one.next.get(word.charCodeAt(1)) : undefined;
  const three = two?.next && word.length >= 3 ? two.next.get(word.charCodeAt(2)) : undefined;
  return { exact, one, two, three };
}

// Most configurations use a handful of lexicons (one per rule and language); past this many, the
// set starts again from the lexicons the draft asks for, so that lists no rule reads any more
// (another configuration's extra terms) stop costing a lookup per word.
const MAX_MERGED = 16;
const inUse = new Map<string, MergedLexicons>();

/**
 * The merged lexicons a draft is matched against: those rules have asked for in the same state of
 * the draft (`group`: its language once a rule has read it, as the rules whose lists are per
 * language do before they ask), with `lexicon` among them. Grouped so that an English draft is not
 * matched against the German and French lists of the drafts before it. Merged again only when a rule
 * asks for a lexicon not yet in its group, so once every enabled rule has read a draft, the sets stay.
 */
export function lexiconsInUse(lexicon: CompiledLexicon<any>, alsoKeep: Iterable<CompiledLexicon<any>> = [], group = ''): MergedLexicons {
  const current = inUse.get(group);
  if (current?.lexicons.includes(lexicon)) return current;
  const merged = current && current.lexicons.length < MAX_MERGED ? withLexicon(current, lexicon) : mergeLexicons([...new Set([...alsoKeep, lexicon])]);
  inUse.set(group, merged);
  return merged;
}
