import type { Root } from 'mdast';
import type { Entity, Position } from '../core/types.js';
import { extractEntities } from '../text/entities.js';
import { mayContainFormatting, mayContainMarkdown, parseMarkdown } from '../text/markdown.js';
import { lexiconsInUse, matchMergedLexicons, type CompiledLexicon, type LexiconEntry, type LexiconHit } from './lexicon.js';
import { entityWords, type EntityWords } from './entity-words.js';
import { lineStarts, positionAt } from '../text/positions.js';
import { Characters, characterClasses } from '../text/characters.js';
import { threadPosts, type ThreadPost } from '../text/thread.js';
import { splitSentences, tokenizeDistinct, type Sentence, type Word } from './words.js';
import { findIpLinks, findLinks, findMarkdownLinks, type Link, type MarkdownLinkFact } from './links.js';
import { findEmails, findPhoneNumbers, findPhoneRuns, type EmailFact, type PhoneNumberFact, type PhoneRun } from './contacts.js';
import { forEachCluster, forEachClusterHolding } from '../channels/graphemes.js';
import { stemWords } from './stems.js';
import { syllableCounts } from './syllables.js';
import { detectLanguageOfText, detectLanguageOfWords, type Language } from './language.js';

/**
 * Facts about one draft, computed at most once and only when a rule asks: entities, words,
 * sentences, the Markdown tree, lexicon hits. Every rule gets the same instance; no rule re-parses.
 */
export class Analysis {
  readonly text: string;
  #lineStarts?: number[];
  #twitter?: { urls: Entity[]; entities: Entity[] };
  #words?: Word[];
  // A long draft's words by distinct text (see tokenizeDistinct): what the lexicon pass reads them by.
  #distinctWords?: { ids: Int32Array; distinct: number };
  #sentences?: Sentence[];
  #stems?: string[];
  #syllables?: number[];
  #markdown?: Root | null;
  #mentions?: readonly Entity[];
  #lexiconHits?: Map<CompiledLexicon<any>, LexiconHit<any>[]>;
  #entityWords?: EntityWords[];
  #thread?: ThreadPost[];
  #memo?: Map<object, unknown>;
  #links?: Link[];
  #ipLinks?: ReturnType<typeof findIpLinks>;
  #markdownLinks?: MarkdownLinkFact[];
  #emails?: EmailFact[];
  #phoneRuns?: PhoneRun[];
  #phoneNumbers?: Map<string, PhoneNumberFact[]>;
  #graphemeStarts?: Int32Array;
  #mayHaveFormatting?: boolean;
  #characters?: number;

  #language?: Language;

  /** `language` as the writer or the configuration set it; otherwise it is detected from the text when asked. */
  constructor(text: string, options: { language?: Language } = {}) {
    this.text = text;
    if (options.language) this.#language = options.language;
  }

  /**
   * The draft's language ('en', 'de' or 'fr'): as configured, or detected from its function words.
   * Every lint reports it, so when no rule has asked for the words they are not built for it.
   */
  get language(): Language {
    if (this.#language) return this.#language;
    if (this.#words) return (this.#language = detectLanguageOfWords(this.text, this.#words, this.#distinctWords));
    return (this.#language = detectLanguageOfText(this.text, this.entities));
  }

  /**
   * The language, for a reader that may come later or never (a lint result's `language`): the
   * known one, or one detected from the words if they are built, or else a detection that holds
   * only the text, so that an unread result does not keep this analysis's facts alive.
   */
  languageLater(): () => Language {
    if (this.#language || this.#words) {
      const language = this.language;
      return () => language;
    }
    const { text } = this;
    return () => new Analysis(text).language;
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): Position {
    return positionAt((this.#lineStarts ??= lineStarts(this.text)), offset);
  }

  /**
   * Which classes of character the draft holds (`Characters` bits: "#", "@", "[", non-ASCII,
   * combining marks...), from one pass: what cheap gates read before a fact is computed.
   */
  get characters(): number {
    return (this.#characters ??= characterClasses(this.text));
  }

  /** URLs, hashtags, mentions and cashtags (twitter-text's extractors), in order, with UTF-16 offsets. */
  get entities(): readonly Entity[] {
    return this.#entities().entities;
  }

  /** Every URL as X counts it, including any that overlaps a hashtag (entities keep the hashtag). */
  get countedUrls(): readonly Entity[] {
    return this.#entities().urls;
  }

  // No entity without a ".", a hash, an at sign or a "$" (each extractor's own first test).
  #entities(): { urls: Entity[]; entities: Entity[] } {
    if (this.#twitter) return this.#twitter;
    const signs = Characters.Dot | Characters.Hash | Characters.At | Characters.Dollar;
    return (this.#twitter = (this.characters & signs) === 0 ? { urls: [], entities: [] } : extractEntities(this.text));
  }

  get urls(): readonly Entity[] {
    return this.entities.filter((e) => e.type === 'url');
  }

  get hashtags(): readonly Entity[] {
    return this.entities.filter((e) => e.type === 'hashtag');
  }

  get mentions(): readonly Entity[] {
    // Kept: a rule reads it once per candidate, and a long draft has thousands of entities.
    return (this.#mentions ??= this.entities.filter((e) => e.type === 'mention'));
  }

  /** Words outside URLs and mentions; hashtag bodies are words too, marked as such. */
  get words(): readonly Word[] {
    return this.#tokenize().words;
  }

  /** The stem of each word in the draft's language, parallel to `words`: what learned models and word matchers compare. */
  get stems(): readonly string[] {
    return (this.#stems ??= stemWords(this.words, this.language, this.#distinctWords));
  }

  /** Syllables of each word in the draft's language, parallel to `words`: what readability formulas count. */
  get syllables(): readonly number[] {
    return (this.#syllables ??= syllableCounts(this.words, this.language));
  }

  /** Sentences; a line break ends one too, as posts use lines as sentences. */
  get sentences(): readonly Sentence[] {
    return this.#tokenize().sentences;
  }

  // Words and sentences together, since each word records its sentence.
  #tokenize(): { words: Word[]; sentences: Sentence[] } {
    if (!this.#words || !this.#sentences) {
      const { words, ids, distinct } = tokenizeDistinct(this.text, this.entities);
      this.#words = words;
      if (ids) this.#distinctWords = { ids, distinct };
      this.#sentences = splitSentences(this.text, this.#words);
    }
    return { words: this.#words, sentences: this.#sentences };
  }

  /** The CommonMark tree, or undefined when the draft has no character Markdown could use. */
  get markdown(): Root | undefined {
    if (this.#markdown === undefined) this.#markdown = mayContainMarkdown(this.text) ? parseMarkdown(this.text) : null;
    return this.#markdown ?? undefined;
  }

  /**
   * Whether the draft may hold Markdown formatting (emphasis, links, headings, code), not only
   * lists and quotes: a cheap test that spares most drafts the parse.
   */
  get mayHaveFormatting(): boolean {
    return (this.#mayHaveFormatting ??= mayContainFormatting(this.text));
  }

  /** Words of each hashtag, @-tag and link (camelCase split, links by host and path), for rules that read tags too. */
  get entityWords(): readonly EntityWords[] {
    return (this.#entityWords ??= entityWords(this.text, this.entities));
  }

  /** The posts of a thread drafted as one text (separator lines, "1/3" numbering); one post otherwise. */
  get thread(): readonly ThreadPost[] {
    return (this.#thread ??= threadPosts(this.text));
  }

  /** Every URL entity as a link, parsed once (host, path, query and its tracking parameters, punycode). */
  get links(): readonly Link[] {
    return (this.#links ??= findLinks(this.text, this.urls));
  }

  /** Links to an IP address, which twitter-text does not find. */
  get ipLinks(): ReturnType<typeof findIpLinks> {
    return (this.#ipLinks ??= findIpLinks(this.text));
  }

  /** The Markdown links of the draft, with target and shown text parsed; none when it has no Markdown. */
  get markdownLinks(): readonly MarkdownLinkFact[] {
    // A CommonMark link (inline, reference or autolink) cannot exist without "[" or "<": most drafts skip the parse.
    return (this.#markdownLinks ??= findMarkdownLinks(this.text, this.characters & (Characters.OpenBracket | Characters.LessThan) ? this.markdown : undefined));
  }

  /** Email addresses. */
  get emails(): readonly EmailFact[] {
    return (this.#emails ??= findEmails(this.text));
  }

  /** Stretches of digits and phone punctuation with at least 7 digits: where phone numbers may be. */
  get phoneRuns(): readonly PhoneRun[] {
    return (this.#phoneRuns ??= findPhoneRuns(this.text));
  }

  /** Valid phone numbers (libphonenumber-js), numbers without +code read as `country`'s; once per draft and country. */
  phoneNumbers(country: string): readonly PhoneNumberFact[] {
    // The maps of facts kept per key are made when first needed: most drafts need none of them.
    const byCountry = (this.#phoneNumbers ??= new Map());
    let found = byCountry.get(country);
    if (!found) byCountry.set(country, (found = findPhoneNumbers(this.text, this.phoneRuns, country)));
    return found;
  }

  /** Where each grapheme cluster (extended) starts, then the text's length: one segmentation per draft. */
  get graphemeStarts(): Int32Array {
    if (!this.#graphemeStarts) {
      // forEachCluster steps over ASCII pairs without the segmenter (graphemeSegments builds an object
      // per cluster): the starts of the clusters the segmenter gives, tested against it.
      // At most one cluster per UTF-16 unit; the used part is copied out (Int32Array.from on an
      // array goes through its iterator, an object per element).
      const starts = new Int32Array(this.text.length + 1);
      let count = 0;
      forEachCluster(this.text, (_, index) => {
        starts[count++] = index;
      });
      starts[count++] = this.text.length;
      this.#graphemeStarts = starts.slice(0, count);
    }
    return this.#graphemeStarts;
  }

  /**
   * Calls `visit` with the [start, end) of each grapheme cluster that holds an offset `next` gives
   * (`next(from)`: the first at or after `from`, or the text's length), in order: a rule that looks
   * at a few places of a long draft segments only the stretches around them, not the whole draft.
   */
  forEachClusterHolding(next: (from: number) => number, visit: (start: number, end: number) => void): void {
    forEachClusterHolding(this.text, next, visit);
  }

  /** The grapheme clusters, in order, with their UTF-16 offsets. */
  *graphemes(): Generator<{ segment: string; index: number }> {
    const starts = this.graphemeStarts;
    for (let i = 0; i + 1 < starts.length; i++) yield { segment: this.text.slice(starts[i]!, starts[i + 1]!), index: starts[i]! };
  }

  /**
   * A fact derived from this draft by a compiled object that lives outside the core (a product
   * list, say), computed once per draft and per key however many rules ask.
   */
  memo<T>(key: object, compute: (analysis: Analysis) => T): T {
    const memo = (this.#memo ??= new Map());
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute(this);
    memo.set(key, value);
    return value;
  }

  /**
   * Hits of a compiled lexicon in the words, matched once per draft however many rules ask. Every
   * lexicon rules have asked for is matched in the same pass over the words (see lexiconsInUse),
   * so the first rule that asks pays one lookup per word for all of them.
   */
  lexicon<E extends LexiconEntry>(lexicon: CompiledLexicon<E>): readonly LexiconHit<E>[] {
    const byLexicon = (this.#lexiconHits ??= new Map());
    let hits = byLexicon.get(lexicon) as LexiconHit<E>[] | undefined;
    if (!hits) {
      // Grouped by the language only when a rule has read it already: asking here must not detect it.
      const merged = lexiconsInUse(lexicon, byLexicon.keys(), this.#language ?? '');
      const all = matchMergedLexicons(merged, this.words, merged.lexicons.map((l) => byLexicon.has(l)), this.#distinctWords);
      merged.lexicons.forEach((l, j) => {
        if (!byLexicon.has(l)) byLexicon.set(l, all[j]!);
      });
      hits = byLexicon.get(lexicon) as LexiconHit<E>[];
    }
    return hits;
  }
}
