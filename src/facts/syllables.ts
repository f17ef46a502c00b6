import { syllable } from 'syllable';
import type { Language } from './language.js';
import type { Word } from './words.js';

// German and French syllables are counted from the spelling: no npm package counts them, and the
// hyphenation patterns we tried (hyphenated-de/-fr, MIT) agreed with hand counts less often than these
// rules do (test/facts/syllables.test.ts holds the hand-counted words and the measured agreement).

// Letters that spell one vowel sound together, longest first within each language.
const GERMAN_VOWELS = ['äu', 'aa', 'ee', 'oo', 'ie', 'ei', 'ai', 'au', 'eu', 'ey', 'ay', 'a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'y', 'é', 'è', 'á', 'à'];
const FRENCH_VOWELS = ['eau', 'œu', 'oeu', 'aoû', 'ai', 'aî', 'ei', 'au', 'ou', 'oû', 'où', 'oi', 'oî', 'oy', 'ay', 'ey', 'eu', 'ea', 'œ', 'æ', 'a', 'à', 'â', 'e', 'é', 'è', 'ê', 'ë', 'i', 'î', 'ï', 'o', 'ô', 'u', 'ù', 'û', 'ü', 'y', 'ä', 'ö'];
// Before another vowel these are glides in French ("bien", "lui", "oui", "nation"), not syllables.
const FRENCH_GLIDES = new Set(['i', 'u', 'ou', 'y']);

function vowelAt(word: string, i: number, vowels: readonly string[]): string | undefined {
  for (const v of vowels) if (word.startsWith(v, i)) return v;
  return undefined;
}

/** Runs of vowel letters, each as the vowel sounds it spells ("feier" -> [["ei"], ["e"]]). */
function vowelRuns(word: string, vowels: readonly string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] | undefined;
  for (let i = 0; i < word.length; ) {
    const vowel = vowelAt(word, i, vowels);
    if (vowel === undefined) {
      run = undefined;
      i++;
      continue;
    }
    if (!run) runs.push((run = []));
    run.push(vowel);
    i += vowel.length;
  }
  return runs;
}

/**
 * German, as Duden divides syllables (with a lone vowel at the edge counted: "A-bend"): each vowel
 * sound is one, "ie" is one ("Fa-mi-lie") except in "-ient-" and a final "-ien" ("Pa-ti-ent",
 * "Stu-di-en"), and "ge-"/"be-" before a vowel is its own syllable ("ge-ehrt", "be-in-hal-ten").
 */
function german(word: string): number {
  const spelled = word
    .replace(/team/g, 'tim')
    .replace(/^(ge|be)(?=e[einh]|in(?:halt|h)|impf)/, '$1-')
    .replace(/(?<=[^aeiouäöüy])i(?=ent)/g, 'i-')
    .replace(/(?<=[aeiouäöüy].*[^aeiouäöüy])ien$/, 'i-en');
  return vowelRuns(spelled, GERMAN_VOWELS).reduce((sum, run) => sum + run.length, 0);
}

/**
 * French, as said in careful standard speech: a final mute e is not counted ("é-cole", "rue") nor the
 * "-ent" of a plural verb after a double consonant ("ils pas-sent"), an e inside a word is ("re-chute"),
 * and i, u, ou, y before a vowel are glides ("bien", "na-tion", "oui") unless a consonant and l or r
 * come before ("cli-ent", "bri-ère").
 */
function french(word: string): number {
  let spelled = word
    .replace(/qu/g, 'k')
    .replace(/gu(?=[eiéèêy])/g, 'g')
    .replace(/aient$/, 'ai')
    .replace(/(ss|nn|ll|tt|gn|ch)ent$/, '$1')
    .replace(/(?<=[bcdfgkptv][lr])i(?=[aeoéèêu])/g, 'i-');
  const trimmed = spelled.replace(/es?$/, '');
  if (trimmed !== spelled && vowelRuns(trimmed, FRENCH_VOWELS).length > 0) spelled = trimmed;
  let count = 0;
  for (const run of vowelRuns(spelled, FRENCH_VOWELS)) {
    for (let k = 0; k < run.length; k++) if (!(k < run.length - 1 && FRENCH_GLIDES.has(run[k]!))) count++;
  }
  return count;
}

const COUNTERS: Record<Language, (word: string) => number> = { en: syllable, de: german, fr: french };

// By language and word: an editor re-lints the same words on every keystroke. Bounded.
const caches: Record<Language, Map<string, number>> = { en: new Map(), de: new Map(), fr: new Map() };
const CACHE_SIZE = 20_000;

/** Syllables in one lower-case word. */
export function countSyllables(lower: string, language: Language): number {
  const cache = caches[language];
  let count = cache.get(lower);
  if (count === undefined) {
    // The English package's counts are used as they are; the German and French rules give a word at least 1.
    count = language === 'en' ? syllable(lower) : Math.max(1, COUNTERS[language](lower));
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(lower, count);
  }
  return count;
}

/** Syllables of each word in the draft's language, parallel to `words`. */
export function syllableCounts(words: readonly Word[], language: Language): number[] {
  return words.map((word) => countSyllables(word.lower, language));
}
