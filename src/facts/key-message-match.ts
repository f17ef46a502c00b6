import { Analysis } from './analysis.js';
import type { Campaign, Channel, KeyMessageCoverage } from '../core/types.js';
import { readDraft, readText, termsOf, type Stems, type Term } from './key-message-terms.js';
import { keyMessageLanguage, type KeyMessageLanguage } from './key-message-language.js';
import { align, closenessMatrix, gist, gistSimilarity, unitsOf, windowGists, type Alignment, type WeightedUnit } from './key-message-meaning.js';
import type { WordVectors } from './word-vectors.js';
import { probability, type KeyMessageModel } from './key-message-model.js';

/** How a draft stands against one key message. */
export interface MessageMatch {
  id: string;
  carried: boolean;
  /** Weighted share of the closest phrasing's meaning the draft says, 0 to 1. */
  score: number;
  /** Words of the closest phrasing the draft says, and those it does not. */
  found: string[];
  missing: string[];
  /** Offsets of the draft's words that carry it (first and past-the-last), when it is carried. */
  start?: number;
  end?: number;
  /** With word vectors: the meaning alignment (0 to 1) and the combined model's probability that the draft carries it. */
  meaning?: number;
  confidence?: number;
}

/** A word or phrase of a key message; a word the thesaurus files under several concepts ("spot": notice, detect) is said by any of them. */
interface WeightedTerm {
  alternatives: { key: string; negated: boolean }[];
  /** Each alternative as the draft's terms are indexed: its key, with "!" when negated. */
  lookups: string[];
  weight: number;
  /** Only echoes the campaign's name or hashtags. */
  named: boolean;
  /** The message's own word for it, for "found 'early', missing 'treat'". */
  word: string;
}

interface Facet {
  /** The one-sentence text may be paraphrased loosely; an `also` phrasing must be said closely. */
  kind: 'text' | 'also';
  terms: WeightedTerm[];
  /** The terms of each weighted term, as read from the phrasing (for its meaning units). */
  groups: Term[][];
  text: string;
  total: number;
  /** Every word's stem, for an `also` phrasing said word for word. */
  stems: string[];
  /** What a draft that says none of its terms says of each (nothing): shared, never changed. */
  unsaid: SaidTerms;
}

interface CompiledMessage {
  id: string;
  facets: Facet[];
}

/** A campaign's key messages read in one language, and the stems of their content words (for compounds). */
interface CompiledCampaign {
  messages: CompiledMessage[];
  language: KeyMessageLanguage;
  keys: ReadonlySet<string>;
  /** Some message has an `also` phrasing: only then does a draft's every stem matter (word for word). */
  wordForWord: boolean;
}

// The lexical matcher's thresholds (the text's is the language's textNeeded): tuned on the older
// development sets (test/fixtures/key-messages*); `npm run eval` reports them.
const ALSO_NEEDED = 0.99;
const TEXT_WINDOW = 3;
// Words that only echo the campaign's name, theme or hashtags say less than words of the message itself.
const ECHO_WEIGHT = 0.5;
// Common content words ("find", "new", "help") say less than rare ones ("legacy", "confidential").
const COMMON_WEIGHT = 0.4;
// A compound's part must be this long to count ("Vorsorge" in "Darmkrebsvorsorge", not "Tag" in "Alltag").
const COMPOUND_PART = 5;

const compiled = new WeakMap<Campaign, Map<KeyMessageLanguage, CompiledCampaign>>();

/** Compiles a campaign's key messages once per language: terms of each phrasing, weighted by how rare they are in the campaign. */
export function compileKeyMessages(campaign: Campaign, language: KeyMessageLanguage = keyMessageLanguage()): CompiledCampaign {
  let byLanguage = compiled.get(campaign);
  if (!byLanguage) compiled.set(campaign, (byLanguage = new Map()));
  let result = byLanguage.get(language);
  if (!result) byLanguage.set(language, (result = compileCampaign(campaign, language)));
  return result;
}

function compileCampaign(campaign: Campaign, language: KeyMessageLanguage): CompiledCampaign {
  const COMMON = language.commonWords;
  const termsOfText = (text: string) => termsOf(text, new Analysis(text).words, language);
  const phrasings = campaign.keyMessages.map((m) =>
    [m.text, ...clausesOf(m.text), ...(m.also ?? [])].map((text) => {
      const words = new Analysis(text).words;
      const { terms, stems } = readText(text, words, language);
      return { text, terms: bySpan(terms), stems: stems.map((t) => t.stem) };
    }),
  );
  const documentFrequency = new Map<string, number>();
  for (const message of phrasings) {
    for (const key of new Set(message.flatMap((p) => p.terms.flat().map((t) => t.key)))) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const echo = new Set(termsOfText(echoText(campaign)).map((t) => t.key));
  const named = new Set(termsOfText(echoText({ ...campaign, theme: '' })).map((t) => t.key));
  const count = campaign.keyMessages.length;
  const messages = campaign.keyMessages.map((message, index) => ({
    id: message.id,
    facets: phrasings[index]!.map(({ text, terms, stems }, k): Facet => {
      const weighted = terms.map((group): WeightedTerm => {
        const { start, end } = group[0]!;
        const word = text.slice(start, end);
        const weightOf = (key: string) =>
          Math.log(1 + count / (documentFrequency.get(key) ?? 1)) * (echo.has(key) ? ECHO_WEIGHT : 1) * (COMMON.has(word.toLowerCase()) ? COMMON_WEIGHT : 1);
        return {
          alternatives: group.map((t) => ({ key: t.key, negated: t.negated })),
          lookups: group.map((t) => (t.negated ? t.key + '!' : t.key)),
          named: group.every((t) => named.has(t.key)),
          weight: Math.max(...group.map((t) => weightOf(t.key))),
          word,
        };
      });
      return {
        kind: k <= clausesOf(message.text).length ? 'text' : 'also',
        terms: weighted,
        groups: terms,
        text,
        total: weighted.reduce((sum, t) => sum + t.weight, 0),
        stems,
        unsaid: weighted.map((t) => t.lookups.map(() => undefined)),
      };
    }),
  }));
  const keys = new Set(messages.flatMap((m) => m.facets.flatMap((f) => f.terms.flatMap((t) => t.alternatives.map((a) => a.key)))));
  const wordForWord = messages.some((m) => m.facets.some((f) => f.kind === 'also'));
  return { messages, language, keys, wordForWord };
}

/** The halves of a message joined by a semicolon: each restates it ("you don't have to face it alone; we're with you"). */
function clausesOf(text: string): string[] {
  const clauses = text.split(';').map((c) => c.trim()).filter(Boolean);
  return clauses.length > 1 ? clauses : [];
}

function echoText(campaign: Campaign): string {
  const tags = (campaign.hashtags ?? []).map((t) => t.replace(/^#/, '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
  return [campaign.name, campaign.theme ?? '', ...tags].join('. ');
}

/** Terms grouped by the words they come from; a group whose every concept came earlier counts once. */
function bySpan(terms: readonly Term[]): Term[][] {
  const groups: Term[][] = [];
  for (const term of terms) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.start === term.start && last[0]!.end === term.end) last.push(term);
    else groups.push([term]);
  }
  const seen = new Set<string>();
  return groups.filter((group) => {
    const fresh = group.some((t) => !seen.has(t.key));
    for (const t of group) seen.add(t.key);
    return fresh;
  });
}

/** A lexical match, with what the combined matcher reads from it. */
export interface LexicalMatch extends MessageMatch {
  /** Best score of the message's own text (or a clause of it) in any window. */
  textScore: number;
  /** The same, over windows that say at least two of its words (or its one word): the text is carried when this reaches the language's textNeeded. */
  pairedScore: number;
  /** The same within one sentence, and over the whole draft. */
  sentenceScore: number;
  wholeScore: number;
  /** Unweighted share of the closest phrasing's words the draft says. */
  share: number;
  /** An `also` phrasing is said, word for word or closely. */
  alsoCarried: boolean;
}

/** Matches a draft against every key message: its terms, and its stems for word-for-word `also` phrasings. */
export function matchTerms(campaign: CompiledCampaign, terms: readonly Term[], stems: readonly string[], textNeeded = campaign.language.textNeeded): LexicalMatch[] {
  const { messages } = campaign;
  const draft = campaign.language.compounds ? withCompoundParts(terms, campaign.keys) : terms;
  const sentences = draft.length ? draft[draft.length - 1]!.sentence + 1 : 0;
  // Every occurrence of each term, by key and polarity, in the draft's order: a window of neighbouring
  // sentences says a term by its first occurrence there. One index for every window and message,
  // where a map per window read every term once per window it falls in.
  // Only the campaign's keys are ever looked up: the draft's other words need no entry.
  const { keys } = campaign;
  const occurrences = new Map<string, Term[]>();
  for (const t of draft) {
    if (!keys.has(t.key)) continue;
    const key = t.negated ? t.key + '!' : t.key;
    const list = occurrences.get(key);
    if (list) list.push(t);
    else occurrences.set(key, [t]);
  }
  const paraphraseWindows = Math.max(1, sentences - TEXT_WINDOW + 1);
  const sentenceWindows = Math.max(1, sentences);
  return messages.map(({ id, facets }) => {
    let best: MessageMatch | undefined;
    let textScore = 0;
    let pairedScore = 0;
    let sentenceScore = 0;
    let wholeScore = 0;
    let alsoCarried = false;
    for (const facet of facets) {
      // Most drafts say none of a phrasing's terms: that is found without building the lists.
      const saysAny = occurrences.size > 0 && saysSome(facet, occurrences);
      const said = saysAny ? saidTerms(facet, occurrences) : facet.unsaid;
      // A phrasing none of whose terms the draft says scores 0 in every window: it can only be the
      // first closest match, and its windows change no score (unless a threshold of 0 carries it).
      if (!saysAny && !emptyCarried(facet, textNeeded)) {
        best ??= matchFacet(id, facet, said, -Infinity, Infinity, textNeeded);
        if (facet.kind === 'also' && containsRun(stems, facet.stems)) {
          alsoCarried = true;
          if (!best.carried) best = { ...matchFacet(id, facet, said, -Infinity, Infinity, textNeeded), carried: true };
        }
        continue;
      }
      // A paraphrase says the message within a few neighbouring sentences; an `also` phrasing within one.
      const size = facet.kind === 'text' ? TEXT_WINDOW : 1;
      const windows = facet.kind === 'text' ? paraphraseWindows : sentenceWindows;
      for (let first = 0; first < windows; first++) {
        const { score, found, carried } = scoreFacet(facet, said, first, first + size - 1, textNeeded);
        if (facet.kind === 'text') {
          textScore = Math.max(textScore, score);
          if (found >= 2 || facet.terms.length === 1) pairedScore = Math.max(pairedScore, score);
        } else alsoCarried ||= carried;
        // When nothing carries it, the closest paraphrase of the text is what a writer needs to see.
        if (!best || (carried && !best.carried) || (carried === best.carried && facet.kind === 'text' && score > best.score)) {
          best = matchFacet(id, facet, said, first, first + size - 1, textNeeded);
        }
      }
      if (facet.kind === 'text') {
        for (let first = 0; first < sentenceWindows; first++) sentenceScore = Math.max(sentenceScore, pairedScoreOf(facet, scoreFacet(facet, said, first, first, textNeeded)));
        wholeScore = Math.max(wholeScore, pairedScoreOf(facet, scoreFacet(facet, said, -Infinity, Infinity, textNeeded)));
      }
      if (facet.kind === 'also' && containsRun(stems, facet.stems)) {
        alsoCarried = true;
        if (!best!.carried) best = { ...matchFacet(id, facet, said, -Infinity, Infinity, textNeeded), carried: true };
      }
    }
    const { carried, score, found, missing } = best!;
    const share = found.length / Math.max(1, found.length + missing.length);
    // Field by field, in the order a spread gave: spreading matches of two shapes (with and without
    // a span) took V8's slow path, most of this function's time.
    return best!.start === undefined
      ? { id, carried, score, found, missing, textScore, pairedScore, sentenceScore, wholeScore, share, alsoCarried }
      : { id, carried, score, found, missing, start: best!.start, end: best!.end, textScore, pairedScore, sentenceScore, wholeScore, share, alsoCarried };
  });
}

/** Whether the draft says any alternative of any of the facet's terms. */
function saysSome(facet: Facet, occurrences: ReadonlyMap<string, Term[]>): boolean {
  for (const term of facet.terms) for (const key of term.lookups) if (occurrences.has(key)) return true;
  return false;
}

/** Every occurrence of each alternative of each of the facet's terms (undefined where the draft never says it). */
function saidTerms(facet: Facet, occurrences: ReadonlyMap<string, Term[]>): SaidTerms {
  const said: (Term[] | undefined)[][] = new Array(facet.terms.length);
  for (let i = 0; i < facet.terms.length; i++) {
    const { lookups } = facet.terms[i]!;
    const lists: (Term[] | undefined)[] = new Array(lookups.length);
    for (let k = 0; k < lookups.length; k++) lists[k] = occurrences.get(lookups[k]!);
    said[i] = lists;
  }
  return said;
}

/** A window's score where it says two of the facet's words (or its one word), else 0. */
function pairedScoreOf(facet: Facet, m: FacetScore): number {
  return m.found >= 2 || facet.terms.length === 1 ? m.score : 0;
}

/**
 * German compounds: a draft's word also says each of the campaign's message words (of five letters
 * or more) that its stem starts or ends with, and a message word that starts or ends with the draft's
 * ("Darmkrebsvorsorge" says "Vorsorge" and "Darmkrebs"; "Vorsorge" says "Darmkrebsvorsorge").
 */
function withCompoundParts(terms: readonly Term[], keys: ReadonlySet<string>): Term[] {
  const out: Term[] = [];
  for (const term of terms) {
    out.push(term);
    if (keys.has(term.key) || term.key.startsWith('c:')) continue;
    for (const key of keys) {
      const [part, whole] = key.length < term.key.length ? [key, term.key] : [term.key, key];
      if (part.length >= COMPOUND_PART && (whole.startsWith(part) || whole.endsWith(part))) out.push({ ...term, key });
    }
  }
  return out;
}

/** Every occurrence of each alternative of each of a facet's terms, in the draft (undefined: never said). */
type SaidTerms = readonly (readonly (readonly Term[] | undefined)[])[];

/** The term said for a facet's term within sentences first..last: its first alternative said there, at its first occurrence there. */
function hitIn(alternatives: readonly (readonly Term[] | undefined)[], first: number, last: number): Term | undefined {
  for (const list of alternatives) {
    if (list) for (const t of list) if (t.sentence >= first && t.sentence <= last) return t;
  }
  return undefined;
}

interface FacetScore {
  score: number;
  found: number;
  carried: boolean;
}

function carriedBy(facet: Facet, score: number, found: number, own: boolean, textNeeded: number): boolean {
  return facet.kind === 'text'
    ? score >= textNeeded && (found >= 2 || facet.terms.length === 1)
    : // An `also` phrasing said in other words needs a word of its own, not just the campaign's name ("flu jab").
      facet.terms.length >= 2 && score >= ALSO_NEEDED && own;
}

/** Whether a window that says none of the facet's terms carries it (only a threshold of 0 does). */
function emptyCarried(facet: Facet, textNeeded: number): boolean {
  return carriedBy(facet, 0, 0, false, textNeeded);
}

/** matchFacet's score and verdict alone, without building its word lists: what every window but the closest needs. */
function scoreFacet(facet: Facet, said: SaidTerms, first: number, last: number, textNeeded: number): FacetScore {
  let weight = 0;
  let found = 0;
  let own = false;
  for (let i = 0; i < facet.terms.length; i++) {
    if (!hitIn(said[i]!, first, last)) continue;
    const term = facet.terms[i]!;
    own ||= !term.named;
    weight += term.weight;
    found++;
  }
  const score = facet.total > 0 ? weight / facet.total : 0;
  return { score, found, carried: carriedBy(facet, score, found, own, textNeeded) };
}

/** How the draft's sentences first..last say a facet: its score, verdict, words found and missing, and where. */
function matchFacet(id: string, facet: Facet, said: SaidTerms, first: number, last: number, textNeeded: number): MessageMatch {
  let weight = 0;
  const found: string[] = [];
  const missing: string[] = [];
  let start = Infinity;
  let end = -1;
  let own = false;
  for (let i = 0; i < facet.terms.length; i++) {
    const term = facet.terms[i]!;
    const hit = hitIn(said[i]!, first, last);
    if (hit) {
      own ||= !term.named;
      weight += term.weight;
      found.push(term.word);
      start = Math.min(start, hit.start);
      end = Math.max(end, hit.end);
    } else missing.push(term.word);
  }
  const score = facet.total > 0 ? weight / facet.total : 0;
  const carried = carriedBy(facet, score, found.length, own, textNeeded);
  return carried ? { id, carried, score, found, missing, start, end } : { id, carried, score, found, missing };
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

// Keys of the facts kept on the draft's Analysis: its terms (whatever the campaign), and its matches
// per compiled campaign and word vectors (none: the lexical matcher alone).
const TERMS = { fact: 'key-message terms' };

function draftTerms(analysis: Analysis): { terms: Term[]; tokens: Stems } {
  return analysis.memo(TERMS, (a) => {
    const words = a.words;
    return readDraft(a.text, words, keyMessageLanguage(a.language));
  });
}

/**
 * How a draft stands against each key message of the campaign; computed once per draft, campaign
 * and vectors. With word vectors the combined matcher decides (lexical and meaning features through
 * the fitted model); without, the lexical matcher alone (stems, thesaurus, negation).
 */
export function keyMessageMatches(analysis: Analysis, campaign: Campaign, wordVectors?: WordVectors): MessageMatch[] {
  // The terms first: they read the draft's words before its language, which is then detected from
  // those words (the same answer as from the text, without a second pass over it).
  const { terms, tokens } = draftTerms(analysis);
  const vectors = vectorsFor(analysis, wordVectors);
  const byVectors = analysis.memo(compileKeyMessages(campaign, keyMessageLanguage(analysis.language)), () => new Map<WordVectors | undefined, MessageMatch[]>());
  let matches = byVectors.get(vectors);
  if (!matches) {
    matches = decide(analysis, campaign, terms, tokens, vectors);
    byVectors.set(vectors, matches);
  }
  return matches;
}

/** The same, counting only what appears before an offset (the channel's "see more" fold). */
export function keyMessageMatchesBefore(analysis: Analysis, campaign: Campaign, offset: number, wordVectors?: WordVectors): MessageMatch[] {
  const vectors = vectorsFor(analysis, wordVectors);
  const { terms, tokens } = draftTerms(analysis);
  const before = decide(analysis, campaign, terms.filter((t) => t.end <= offset), tokens.filter((s) => s.end <= offset), vectors);
  if (!vectors) return before;
  // By meaning, the opening alone can look like a message it only leads up to ("so we wait"): the
  // phrase that carries it in the whole draft must start before the offset too.
  const matches = keyMessageMatches(analysis, campaign, vectors);
  return before.map((match, i) => (match.carried && (matches[i]!.start ?? 0) >= offset ? { ...match, carried: false } : match));
}

/**
 * The vectors, when they are in the draft's language: English vectors and an English model read a
 * German or French draft as noise, so such a draft is matched by the lexical matcher alone.
 */
function vectorsFor(analysis: Analysis, vectors: WordVectors | undefined): WordVectors | undefined {
  return vectors && vectors.lang === analysis.language ? vectors : undefined;
}

const NO_STEMS: readonly string[] = [];

function decide(analysis: Analysis, campaign: Campaign, terms: readonly Term[], tokens: Stems, vectors: WordVectors | undefined): MessageMatch[] {
  const compiled = compileKeyMessages(campaign, keyMessageLanguage(analysis.language));
  // matchTerms reads the stems only for `also` phrasings said word for word.
  const lexical = matchTerms(compiled, terms, compiled.wordForWord ? tokens.map((t) => t.lower) : NO_STEMS);
  if (!vectors) return lexical.map(plain);
  const model = modelFor(vectors.lang);
  return featuresOf(analysis.text, campaign, terms, lexical, vectors).map(({ lexical: lex, meaning, values }): MessageMatch => {
    const confidence = probability(model, modelInputs(model, values));
    const carried = lex.alsoCarried || confidence >= model.threshold;
    const match: MessageMatch = { ...plain(lex), carried, meaning: round(meaning.score), confidence: round(confidence) };
    if (!carried) {
      delete match.start;
      delete match.end;
    } else if (!lex.carried) {
      // Carried by meaning: the phrase is the draft's words that said the message's words, or their
      // sentence when that is one word ("soon" alone tells a reviewer nothing).
      const span = meaning.end > meaning.start ? { start: meaning.start, end: meaning.end } : wholeText(terms);
      Object.assign(match, analysis.words.some((w) => w.start > span.start && w.end <= span.end) ? span : sentenceAround(analysis, span));
    }
    return match;
  });
}

// The match without the combined matcher's inputs: built field by field (a rest pattern copies through a slow path), in the same key order.
function plain(lexical: LexicalMatch): MessageMatch {
  const match: MessageMatch = { id: lexical.id, carried: lexical.carried, score: lexical.score, found: lexical.found, missing: lexical.missing };
  if ('start' in lexical) match.start = lexical.start;
  if ('end' in lexical) match.end = lexical.end;
  return match;
}

function sentenceAround(analysis: Analysis, span: { start: number; end: number }): { start: number; end: number } {
  const sentence = analysis.sentences.find((s) => s.start <= span.start && span.end <= s.end);
  if (!sentence) return span;
  const words = analysis.words.slice(sentence.firstWord, sentence.endWord);
  return words.length ? { start: words[0]!.start, end: words[words.length - 1]!.end } : span;
}

function wholeText(terms: readonly Term[]): { start: number; end: number } {
  return { start: terms[0]?.start ?? 0, end: terms[terms.length - 1]?.end ?? 0 };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Whether a key message must appear on a channel: everywhere, unless it lists channels. */
export function appliesTo(message: { channels?: readonly string[] }, channel: Channel): boolean {
  return !message.channels || message.channels.includes(channel.id);
}

/** `LintResult.keyMessages`: carried ids, and the ids the channel should carry but does not, in campaign order. */
export function keyMessageCoverage(analysis: Analysis, campaign: Campaign, channel: Channel, vectors?: WordVectors): KeyMessageCoverage {
  const matches = keyMessageMatches(analysis, campaign, vectors);
  const carried = matches.filter((m) => m.carried);
  return {
    carried: carried.map((m) => m.id),
    missing: campaign.keyMessages.filter((m, i) => !matches[i]!.carried && appliesTo(m, channel)).map((m) => m.id),
    // The words that carried each message, so an editor can highlight them and a reviewer see why.
    phrases: carried.map((m) => {
      const start = m.start ?? 0;
      const end = Math.max(start, m.end ?? start);
      return { id: m.id, text: analysis.text.slice(start, end), start: analysis.position(start), end: analysis.position(end) };
    }),
  };
}

const messageUnitsCache = new WeakMap<Campaign, WeakMap<WordVectors, WeightedUnit[][]>>();

/** Each message's own text as meaning units, weighted like its terms (rare in the campaign weighs more). */
export function messageUnits(campaign: Campaign, vectors: WordVectors): WeightedUnit[][] {
  let byVectors = messageUnitsCache.get(campaign);
  if (!byVectors) messageUnitsCache.set(campaign, (byVectors = new WeakMap()));
  let units = byVectors.get(vectors);
  if (!units) {
    const language = keyMessageLanguage(vectors.lang);
    units = compileKeyMessages(campaign, language).messages.map(({ facets }) => {
      const text = facets[0]!;
      return unitsOf(text.text, text.groups.flat(), vectors, language.stopWords).map((unit) => {
        const index = text.groups.findIndex((g) => g[0]!.start === unit.start && g[0]!.end === unit.end);
        return { ...unit, weight: text.terms[index]!.weight };
      });
    });
    byVectors.set(vectors, units);
  }
  return units;
}

/** What the combined matcher reads for each message: the lexical match, the meaning alignments and their features. */
export interface MessageFeatures {
  lexical: LexicalMatch;
  /** Within two neighbouring sentences. */
  meaning: Alignment;
  /** Named as in FEATURES, in that order. */
  values: number[];
}

/** The inputs the lexical matcher alone yields (stems, thesaurus, negation, compounds): what a language without vectors is decided on. */
export const LEXICAL_FEATURES = ['lexical', 'lexicalCarried', 'also', 'paired', 'pairedSentence', 'pairedWhole', 'lexicalShare', 'lexicalMargin', 'terms'] as const;
/** Every input a model may use, in this order in `MessageFeatures.values`; a model names the ones it weighs. */
export const FEATURES = [
  ...LEXICAL_FEATURES,
  'meaning', 'loose', 'whole', 'rare', 'strong', 'reverse', 'margin', 'gist', 'gistWhole', 'share', 'run', 'length', 'meaningSentence', 'meaningWide',
] as const;
// Cosine a word pair needs before it counts as saying the same (GloVe's unrelated words sit around 0.1-0.3).
export const MEANING_FLOOR = 0.4;
const LOOSE_FLOOR = 0.25;

/** The combined matcher's inputs for every message of the campaign (the evaluation fits the models on them); without vectors, the meaning inputs are 0. */
export function keyMessageFeatures(analysis: Analysis, campaign: Campaign, vectors?: WordVectors): MessageFeatures[] {
  const language = keyMessageLanguage(analysis.language);
  const { terms, stems } = readText(analysis.text, analysis.words, language);
  const lexical = matchTerms(compileKeyMessages(campaign, language), terms, stems.map((s) => s.stem));
  if (vectors) return featuresOf(analysis.text, campaign, terms, lexical, vectors);
  const none = FEATURES.length - LEXICAL_FEATURES.length;
  return lexicalValues(lexical, terms.length).map((values, i) => ({ lexical: lexical[i]!, meaning: NO_ALIGNMENT, values: [...values, ...new Array<number>(none).fill(0)] }));
}

const NO_ALIGNMENT: Alignment = { score: 0, rare: 0, strong: 0, reverse: 0, share: 0, run: 0, start: 0, end: 0 };

/** The lexical inputs of each message, in the order of LEXICAL_FEATURES. */
function lexicalValues(lexical: readonly LexicalMatch[], terms: number): number[][] {
  return lexical.map((lex, i) => [
    lex.textScore,
    lex.carried ? 1 : 0,
    lex.alsoCarried ? 1 : 0,
    lex.pairedScore,
    lex.sentenceScore,
    lex.wholeScore,
    lex.share,
    // How far this message leads the campaign's others: a draft about one message shares words with all of them.
    lex.pairedScore - Math.max(0, ...lexical.filter((_, k) => k !== i).map((m) => m.pairedScore)),
    Math.log(1 + terms),
  ]);
}

function featuresOf(text: string, campaign: Campaign, terms: readonly Term[], lexical: readonly LexicalMatch[], vectors: WordVectors): MessageFeatures[] {
  const draft = unitsOf(text, terms, vectors, keyMessageLanguage(vectors.lang).stopWords);
  const messages = messageUnits(campaign, vectors);
  const matrices = messages.map((units) => closenessMatrix(units, draft));
  const pairGists = windowGists(draft, vectors.dimensions);
  const wholeGist = windowGists(draft, vectors.dimensions, Infinity);
  const meanings = messages.map((units, i) => align(units, draft, matrices[i]!, MEANING_FLOOR));
  const lexicalInputs = lexicalValues(lexical, terms.length);
  return messages.map((units, i) => {
    const meaning = meanings[i]!;
    const others = meanings.filter((_, k) => k !== i).map((m) => m.score);
    const lex = lexical[i]!;
    const messageGist = gist(units, vectors.dimensions);
    const values = [
      ...lexicalInputs[i]!,
      meaning.score,
      align(units, draft, matrices[i]!, LOOSE_FLOOR).score,
      align(units, draft, matrices[i]!, MEANING_FLOOR, Infinity).score,
      meaning.rare,
      meaning.strong,
      meaning.reverse,
      meaning.score - Math.max(0, ...others),
      gistSimilarity(messageGist, pairGists),
      gistSimilarity(messageGist, wholeGist),
      meaning.share,
      meaning.run,
      Math.log(1 + draft.length),
      align(units, draft, matrices[i]!, MEANING_FLOOR, 1).score,
      align(units, draft, matrices[i]!, MEANING_FLOOR, 3).score,
    ];
    return { lexical: lex, meaning, values };
  });
}

/** A model's inputs, picked by name from every feature's value (a model may use a few of them). */
export function modelInputs(model: KeyMessageModel, values: readonly number[]): number[] {
  return model.features.map((name) => values[FEATURES.indexOf(name as (typeof FEATURES)[number])]!);
}

/** The fitted model for the vectors' language (only English has vectors and a model). */
function modelFor(lang: string): KeyMessageModel {
  const model = keyMessageLanguage(lang).model;
  // A model fitted on features this matcher no longer computes would weigh the wrong numbers: refit it rather than guess.
  if (!model || model.features.some((name) => !(FEATURES as readonly string[]).includes(name))) {
    throw new Error(`no key-message model for "${lang}" fitted on today's features; refit it with KM_WRITE_MODEL=1 npm run eval`);
  }
  return model;
}
