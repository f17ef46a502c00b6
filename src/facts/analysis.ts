import type { Root } from 'mdast';
import type { Entity, Position } from '../core/types.js';
import { extractEntities } from '../text/entities.js';
import { mayContainMarkdown, parseMarkdown } from '../text/markdown.js';
import { matchLexicon, type CompiledLexicon, type LexiconEntry, type LexiconHit } from './lexicon.js';
import { entityWords, type EntityWords } from './entity-words.js';
import { lineStarts, positionAt } from '../text/positions.js';
import { splitThread, type ThreadPost } from '../text/thread.js';
import { splitSentences, tokenize, type Sentence, type Word } from './words.js';
import { stemWords } from './stems.js';
import { syllableCounts } from './syllables.js';
import { detectLanguage, type Language } from './language.js';

/**
 * Facts about one draft, computed at most once and only when a rule asks: entities, words,
 * sentences, the Markdown tree, lexicon hits. Every rule gets the same instance; no rule re-parses.
 */
export class Analysis {
  readonly text: string;
  #lineStarts?: number[];
  #twitter?: { urls: Entity[]; entities: Entity[] };
  #words?: Word[];
  #sentences?: Sentence[];
  #stems?: string[];
  #syllables?: number[];
  #markdown?: Root | null;
  #lexiconHits = new Map<CompiledLexicon<any>, LexiconHit<any>[]>();
  #entityWords?: EntityWords[];
  #thread?: ThreadPost[];
  #memo = new Map<object, unknown>();

  #language?: Language;

  /** `language` as the writer or the configuration set it; otherwise it is detected from the text when asked. */
  constructor(text: string, options: { language?: Language } = {}) {
    this.text = text;
    if (options.language) this.#language = options.language;
  }

  /** The draft's language ('en', 'de' or 'fr'): as configured, or detected from its function words. */
  get language(): Language {
    return (this.#language ??= detectLanguage(this.text, this.words));
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): Position {
    return positionAt((this.#lineStarts ??= lineStarts(this.text)), offset);
  }

  /** URLs, hashtags, mentions and cashtags (twitter-text's extractors), in order, with UTF-16 offsets. */
  get entities(): readonly Entity[] {
    return (this.#twitter ??= extractEntities(this.text)).entities;
  }

  /** Every URL as X counts it, including any that overlaps a hashtag (entities keep the hashtag). */
  get countedUrls(): readonly Entity[] {
    return (this.#twitter ??= extractEntities(this.text)).urls;
  }

  get urls(): readonly Entity[] {
    return this.entities.filter((e) => e.type === 'url');
  }

  get hashtags(): readonly Entity[] {
    return this.entities.filter((e) => e.type === 'hashtag');
  }

  get mentions(): readonly Entity[] {
    return this.entities.filter((e) => e.type === 'mention');
  }

  /** Words outside URLs and mentions; hashtag bodies are words too, marked as such. */
  get words(): readonly Word[] {
    return this.#tokenize().words;
  }

  /** The stem of each word in the draft's language, parallel to `words`: what learned models and word matchers compare. */
  get stems(): readonly string[] {
    return (this.#stems ??= stemWords(this.words, this.language));
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
      this.#words = tokenize(this.text, this.entities);
      this.#sentences = splitSentences(this.text, this.#words);
    }
    return { words: this.#words, sentences: this.#sentences };
  }

  /** The CommonMark tree, or undefined when the draft has no character Markdown could use. */
  get markdown(): Root | undefined {
    if (this.#markdown === undefined) this.#markdown = mayContainMarkdown(this.text) ? parseMarkdown(this.text) : null;
    return this.#markdown ?? undefined;
  }

  /** Words of each hashtag, @-tag and link (camelCase split, links by host and path), for rules that read tags too. */
  get entityWords(): readonly EntityWords[] {
    return (this.#entityWords ??= entityWords(this.text, this.entities));
  }

  /** The posts of a thread drafted as one text (separator lines, "1/3" numbering); one post otherwise. */
  get thread(): readonly ThreadPost[] {
    return (this.#thread ??= splitThread(this.text));
  }

  /**
   * A fact derived from this draft by a compiled object that lives outside the core (a product
   * list, say), computed once per draft and per key however many rules ask.
   */
  memo<T>(key: object, compute: (analysis: Analysis) => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = compute(this);
    this.#memo.set(key, value);
    return value;
  }

  /** Hits of a compiled lexicon in the words, matched once per draft however many rules ask. */
  lexicon<E extends LexiconEntry>(lexicon: CompiledLexicon<E>): readonly LexiconHit<E>[] {
    let hits = this.#lexiconHits.get(lexicon);
    if (!hits) {
      hits = matchLexicon(lexicon, this.words);
      this.#lexiconHits.set(lexicon, hits);
    }
    return hits;
  }
}
