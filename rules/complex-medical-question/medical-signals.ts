import cueData from '../data/complex-medical-question/cues.json';
import medicalData from '../data/complex-medical-question/medical.json';
import patternData from '../data/complex-medical-question/patterns.json';
import weights from '../data/complex-medical-question/signals.json';
import { type Analysis, compileLexicon, entryOf, shippedLexicon, wordSet, type CompiledLexicon, type LexiconFileEntry, type Word } from '../../src/rule/index.js';

const cues = shippedLexicon<LexiconFileEntry & { signal: string }>(cueData, 'complex-medical-question/cues.json');
const medical = shippedLexicon<LexiconFileEntry & { category: string }>(medicalData, 'complex-medical-question/medical.json');
const patterns = shippedLexicon(patternData, 'complex-medical-question/patterns.json');

export type SignalId = keyof typeof weights.signals;

export interface Signal {
  id: SignalId;
  weight: number;
  /** The first text that raised it, for the message and for editors. */
  text: string;
  start: number;
  end: number;
}

export interface Assessment {
  signals: Signal[];
  score: number;
  /** Whether the draft asks or answers at all: a statement (a story, a fact) is never flagged. */
  engaged: boolean;
  /** Whether it has medical content: medical words alone never flag, but nothing flags without them. */
  medical: boolean;
}

/** Extra phrases by signal or vocabulary category, as the rule's `extraTerms` option gives them. */
export type ExtraTerms = Partial<Record<string, string[]>>;

export interface MedicalLexicons {
  medical: CompiledLexicon<{ phrases: string[]; category: string }>;
  cues: CompiledLexicon<{ phrases: string[]; signals: string[] }>;
}

export const MEDICAL_CATEGORIES = medical.entries.map((e) => e.category);
export const CUE_SIGNALS = cues.entries.map((e) => e.signal);

/**
 * Compiles the shipped lists plus any extra terms. A phrase may raise several signals, and a longer
 * phrase raises the signals of the phrases inside it ("is it safe" is also "is it"), since the
 * engine keeps only the longest match at each position.
 */
export function compileMedicalLexicons(extra: ExtraTerms = {}): MedicalLexicons {
  const medicalEntries = medical.entries.map((e) => ({ category: e.category, phrases: [...e.phrases, ...(extra[e.category] ?? [])] }));
  const bySignal = cues.entries.map((e) => ({ signal: e.signal, phrases: [...e.phrases, ...(extra[e.signal] ?? [])] }));
  return {
    medical: compileLexicon(medicalEntries),
    cues: compileLexicon(cueEntries(bySignal)),
  };
}

/**
 * One entry per cue phrase (lower-cased) with every signal it raises: its own, then those of the
 * phrases inside it of the same sign, in the order found. Runs on every first lint: a one-word or
 * neutral phrase, which inherits nothing, costs no scan, and signals gather in an array (a phrase
 * has a few), not a Set.
 */
export function cueEntries(bySignal: readonly { signal: string; phrases: readonly string[] }[]): { phrases: string[]; signals: string[] }[] {
  const map = new Map<string, Set<string>>();
  for (const { signal, phrases } of bySignal)
    for (const phrase of phrases) {
      const key = phrase.toLowerCase();
      (map.get(key) ?? map.set(key, new Set()).get(key)!).add(signal);
    }
  const entries: { phrases: string[]; signals: string[] }[] = [];
  for (const [phrase, own] of map) {
    const signals = [...own];
    entries.push({ phrases: [phrase], signals });
    // A phrase of one word holds only itself.
    if (own.has('neutral') || !phrase.includes(' ')) continue;
    // Inherit only signals of the same sign: "something to get checked" is a decision, not the awareness "get checked".
    const positive = signals.some((s) => weightOf(s) > 0);
    const words = phrase.split(' ');
    for (let i = 0; i < words.length; i++) {
      // Words i to j joined by spaces, one word longer each step.
      let span = words[i]!;
      for (let j = i; j < words.length; j++) {
        if (j > i) span += ' ' + words[j]!;
        const inner = map.get(span);
        if (inner === undefined || inner === own) continue;
        for (const s of inner) if (weightOf(s) > 0 === positive && !signals.includes(s)) signals.push(s);
      }
    }
  }
  return entries;
}

const weightOf = (signal: string) => weights.signals[signal as SignalId]?.weight ?? 0;
const DRUG_SUFFIXES = entryOf(patterns, 'drug-suffixes').phrases;
const DRUG_SUFFIX_MIN_LENGTH = entryOf(patterns, 'drug-suffixes').minLength as number;
// The drug endings by their last UTF-16 unit: a word is tried only against those ending as it does.
const DRUG_SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const suffix of DRUG_SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1);
  (DRUG_SUFFIXES_BY_LAST.get(last) ?? DRUG_SUFFIXES_BY_LAST.set(last, []).get(last)!).push(suffix);
}
// "stage 4", "end stage": what a word can start, in one lookup per word (STAGE_WORD, STAGE_PREFIX bits).
const STAGE_WORD = 1;
const STAGE_PREFIX = 2;
const STAGE_STARTS = new Map<string, number>();
for (const word of wordSet(patterns, 'stage-words')) STAGE_STARTS.set(word, (STAGE_STARTS.get(word) ?? 0) | STAGE_WORD);
for (const word of wordSet(patterns, 'stage-prefixes')) STAGE_STARTS.set(word, (STAGE_STARTS.get(word) ?? 0) | STAGE_PREFIX);
const STAGE_NUMERALS = wordSet(patterns, 'stage-numerals');
const DOSE_UNITS = wordSet(patterns, 'dose-units');
const MEASURE_UNITS = wordSet(patterns, 'measure-units');
// A number with its unit written on ("20mg", "8cm"): digits then letters, one pass, no overlap.
const NUMBER_WITH_UNIT = /^(\d+)([a-zµ]+)$/;
const DIGITS = /^\d+$/;
const YEAR = /^(?:19|20)\d\d$/;
// How far (in UTF-16 units) a number may sit from a test's name to read as its result: "PSA of 4.1", "6.1 PSA".
const NEAR = 16;
// A TNM stage written as one word: T2N1M0, pT1cN0M0.
const TNM = /^[pcy]?t[0-4x][a-d]?n[0-3x][a-c]?m[01x]$/;
const QUESTION_OPENERS = wordSet(patterns, 'question-openers');
const IMPLICIT_SUBJECT = wordSet(patterns, 'implicit-subject-verbs');
const SECOND_PERSON = wordSet(patterns, 'second-person');
// What reads as a question, after trailing white space: `asks` reads the same without trimming a copy of each sentence.
export const QUESTION_END = /\?["'’”)\]]*$/;

/** Weighs the signals of a complex medical question in a draft, from the shared analysis only. */
export function assess(analysis: Analysis, lexicons: MedicalLexicons): Assessment {
  const { text, words } = analysis;
  const found = new Map<SignalId, Signal>();
  const raise = (id: SignalId, start: number, end: number) => {
    if (!found.has(id)) found.set(id, { id, weight: weights.signals[id].weight, text: text.slice(start, end), start, end });
  };

  for (const hit of analysis.lexicon(lexicons.medical)) raise(hit.entry.category as SignalId, hit.start, hit.end);
  scanWords(text, words, found, raise);
  // Phone numbers signpost; they are not results. A run of nine digits or more reads as one.
  const phone = analysis.phoneRuns.find((run) => run.digits >= PHONE_DIGITS);
  if (phone) raise('phone', phone.start, phone.end);
  // Most drafts have no medical content: nothing else can make them a medical question, so stop here.
  if (!hasMedicalKind(found)) return { signals: [], score: 0, engaged: false, medical: false };
  const asking = new Set<number>();
  const rhetorical = new Set<number>();
  const personal = new Set<number>();
  const deciding = new Set<number>();
  const counters: { id: SignalId; start: number; end: number; sentence: number }[] = [];
  const claims: { start: number; end: number; sentence: number }[] = [];
  let adviceCue = false;
  for (const hit of analysis.lexicon(lexicons.cues)) {
    const sentence = words[hit.firstWord]!.sentence;
    const signals = hit.entry.signals;
    if (signals.includes('rhetorical')) rhetorical.add(sentence);
    if (signals.includes('ask')) asking.add(sentence);
    if (signals.includes('advice')) adviceCue = true;
    if (signals.includes('first-person') || signals.includes('relative')) personal.add(sentence);
    if (signals.includes('decision')) deciding.add(sentence);
    // "yes" or "no" answers only at the start of the draft or of a sentence, not in "if no better".
    const opener = hit.firstWord < 3 || words[hit.firstWord - 1]!.sentence !== sentence;
    for (const s of signals as SignalId[]) {
      if (s === 'claim') claims.push({ start: hit.start, end: hit.end, sentence });
      else if (weights.signals[s].weight < 0) counters.push({ id: s, start: hit.start, end: hit.end, sentence });
      else if (s !== 'neutral' && (s !== 'answer-opener' || opener)) raise(s, hit.start, hit.end);
    }
  }
  for (const sentence of analysis.sentences) {
    const first = words[sentence.firstWord]!;
    if (QUESTION_OPENERS.has(first.lower)) asking.add(first.sentence);
    // Posts drop the subject: "Found a lump...", "Had a hysterectomy..." are first-person.
    // ...unless the sentence speaks to the reader: "Noticed blood in your pee?" is awareness.
    if (IMPLICIT_SUBJECT.has(first.lower) && !speaksToReader(words, sentence.firstWord, sentence.endWord)) {
      raise('first-person', first.start, first.end);
      personal.add(first.sentence);
    }
  }

  const questions = analysis.sentences.filter((s, i) => !rhetorical.has(i) && (asking.has(i) || asks(s.text)));
  const asked = new Set(questions.map((q) => words[q.firstWord]!.sentence));
  found.delete('ask');
  found.delete('rhetorical');
  if (questions.length > 0) raise('ask', questions[0]!.start, questions[0]!.end);
  if (questions.length > 1) raise('several-questions', questions[1]!.start, questions[1]!.end);
  if (analysis.urls.length > 0) raise('link', analysis.urls[0]!.start, analysis.urls[0]!.end);
  // "Should I go to A&E or wait till tomorrow?" decides where to go: signposts and dates inside one's own decision do not count.
  const ownDecisions = new Set([...asked].filter((i) => personal.has(i) && deciding.has(i)));
  let signposts = 0;
  for (const counter of counters) {
    if (ownDecisions.has(counter.sentence) && (counter.id === 'signpost' || counter.id === 'event')) continue;
    if (counter.id === 'signpost') signposts++;
    raise(counter.id, counter.start, counter.end);
  }

  const reply = analysis.mentions[0] !== undefined && text.slice(0, analysis.mentions[0].start).trim() === '';
  // A claim asked about ("does X cause cancer?") or given as an answer needs nuance; stated to the public it is a fact.
  const answering = reply || adviceCue || found.has('answer-opener');
  const claim = claims.find((c) => answering || asked.has(c.sentence));
  if (claim) raise('claim', claim.start, claim.end);
  // A reply that asks is someone asking us (the question counts); a reply that asserts answers one person.
  if (reply && questions.length === 0) raise('reply', analysis.mentions[0]!.start, analysis.mentions[0]!.end);
  // Advice and "you" only count in a reply to one reader: to the public they are awareness, to us a question about us.
  if (!reply) found.delete('second-person');
  if (!found.has('second-person') && !reply) found.delete('advice');

  const signals = [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const medicalContent = signals.some((s) => MEDICAL_KINDS.has(s.id));
  const engaged = found.has('ask') || found.has('advice') || reply || (found.has('claim') && answering);
  // A reply that points several ways (call, email, DM, "in private") is a pointer, whatever else it says.
  const extraSignposts = found.has('signpost') ? Math.min(signposts, 2) - 1 : 0;
  const vocabulary = signals.reduce((sum, s) => sum + (VOCABULARY.has(s.id) ? s.weight : 0), 0);
  const others = signals.reduce((sum, s) => sum + (VOCABULARY.has(s.id) ? 0 : s.weight), 0);
  const score = others + Math.min(vocabulary, weights.vocabularyCap) + extraSignposts * weights.signals.signpost.weight;
  return { signals, score: Math.round(score * 100) / 100, engaged, medical: medicalContent };
}

/** The question mark that ends an asking sentence, then closing quotes or brackets, then white space. */
export const ASKS = /\?["'’”)\]]*\s*$/;
const CLOSERS = new Set([...'"\'’”)]'].map((c) => c.charCodeAt(0)));
const WHITE_SPACE = /^\s$/;
// Per BMP unit (\s has no astral member): 1 white space as \s reads it, 2 not.
const SPACE_CLASS = new Uint8Array(0x10000);

/** Whether a sentence asks, as ASKS reads it, scanning back from its end instead of trying the pattern at every unit. */
export function asks(text: string): boolean {
  let at = text.length - 1;
  while (at >= 0 && isWhiteSpace(text.charCodeAt(at))) at--;
  while (at >= 0 && CLOSERS.has(text.charCodeAt(at))) at--;
  return at >= 0 && text.charCodeAt(at) === 63;
}

function isWhiteSpace(code: number): boolean {
  let known = SPACE_CLASS[code]!;
  if (known === 0) SPACE_CLASS[code] = known = WHITE_SPACE.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

function hasMedicalKind(found: ReadonlyMap<SignalId, Signal>): boolean {
  for (const id of found.keys()) if (MEDICAL_KINDS.has(id)) return true;
  return false;
}

function speaksToReader(words: readonly Word[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SECOND_PERSON.has(words[i]!.lower)) return true;
  return false;
}

// Plain medical words: together they add at most vocabularyCap. Drugs, stages, values and doses are specific and count in full.
export const VOCABULARY = new Set<SignalId>(['condition', 'symptom', 'test', 'treatment', 'body', 'clinician', 'outlook']);
const MEDICAL_KINDS = new Set<SignalId>([...VOCABULARY, 'drug', 'stage', 'value', 'dose']);

const PHONE_DIGITS = 9;

/** Stages, TNM, test values, doses, sizes and drug-name endings: patterns over the words. */
function scanWords(text: string, words: readonly Word[], found: Map<SignalId, Signal>, raise: (id: SignalId, start: number, end: number) => void) {
  const test = found.get('test');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const adjacent = next !== undefined && next.start - word.end <= 2;
    const lower = word.lower;
    if (word.tag) continue;
    const stage = adjacent ? (STAGE_STARTS.get(lower) ?? 0) : 0;
    if (stage & STAGE_WORD && STAGE_NUMERALS.has(next!.lower)) raise('stage', word.start, next!.end);
    else if (stage & STAGE_PREFIX && next!.lower === 'stage') raise('stage', word.start, next!.end);
    else if (mayBeTnm(lower) && TNM.test(lower)) raise('stage', word.start, word.end);

    // Numbers, with or without a unit written on, start with a digit: most words need neither pattern.
    if (!startsWithDigit(lower)) {
      if (hasDrugSuffix(lower)) raise('drug', word.start, word.end);
      continue;
    }
    if (DIGITS.test(lower)) {
      if ('£$€'.includes(text[word.start - 1] ?? ' ')) raise('fundraising', word.start - 1, word.end);
      if ('£$€'.includes(text[word.start - 1] ?? ' ') || YEAR.test(lower)) continue;
      const decimal = adjacent && text[word.end] === '.' && next.start === word.end + 1 && DIGITS.test(next.lower);
      const last = decimal ? next : word;
      const after = decimal ? words[i + 2] : next;
      const unit = after && after.start - last.end <= 1 ? after.lower : '';
      if (DOSE_UNITS.has(unit) && unit !== 'g') raise('dose', word.start, after!.end);
      else if (MEASURE_UNITS.has(unit) || text[last.end] === '%') raise('value', word.start, MEASURE_UNITS.has(unit) ? after!.end : last.end + 1);
      else if (test && test.end <= word.start && word.start - test.end <= NEAR) raise('value', test.start, last.end);
      else if (test && test.start >= last.end && test.start - last.end <= NEAR) raise('value', word.start, test.end);
      continue;
    }
    const withUnit = NUMBER_WITH_UNIT.exec(lower);
    if (withUnit) {
      if (DOSE_UNITS.has(withUnit[2]!)) raise('dose', word.start, word.end);
      else if (MEASURE_UNITS.has(withUnit[2]!)) raise('value', word.start, word.end);
      continue;
    }
    if (hasDrugSuffix(lower)) raise('drug', word.start, word.end);
  }
}

/** Whether a word can be a one-word TNM stage: 6 to 9 letters from p, c, y or t on (see TNM). */
export const mayBeTnm = (lower: string) => lower.length >= 6 && lower.length <= 9 && 'pcyt'.includes(lower[0]!);
/** Whether a word starts with an ASCII digit, as DIGITS and NUMBER_WITH_UNIT need (`\d` without the u flag). */
export const startsWithDigit = (lower: string) => {
  const first = lower.charCodeAt(0);
  return first >= 48 && first <= 57;
};

/** A drug-name ending ("-mab", "-nib"), on the word or on its singular: the plural's "s" ignored without slicing it off. */
export function hasDrugSuffix(lower: string): boolean {
  if (lower.length < DRUG_SUFFIX_MIN_LENGTH) return false;
  const end = lower.endsWith('s') ? lower.length - 1 : lower.length;
  const suffixes = DRUG_SUFFIXES_BY_LAST.get(lower.charCodeAt(end - 1));
  if (suffixes) for (const suffix of suffixes) if (lower.endsWith(suffix, end)) return true;
  return false;
}
