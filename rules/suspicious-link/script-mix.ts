// The scripts a look-alike domain draws on; a letter of any other script counts as "Other".
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Cherokee', 'Coptic', 'Canadian_Aboriginal', 'Lisu', 'Hebrew',
  'Arabic', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Devanagari',
  'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Tibetan', 'Ethiopic',
].map((name) => ({ name: name.replace('_', ' '), pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));
const ASCII = /^[\x00-\x7f]*$/;
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
// UTS #39 "Highly Restrictive": Latin may mix only with the scripts written together in Japan, China and Korea.
const ALLOWED_MIXES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

export interface ScriptMix {
  scripts: string[];
  /** The letters outside the label's main script, e.g. the Cyrillic "а" in "exаmple". */
  odd: { char: string; script: string }[];
}

/** The scripts a domain label mixes against UTS #39's restriction, or undefined when it mixes none. */
export function scriptMix(label: string): ScriptMix | undefined {
  // ASCII letters are all Latin and the rest of ASCII is Common: an ASCII label (nearly every one) mixes nothing.
  if (ASCII.test(label)) return undefined;
  const letters: { char: string; script: string }[] = [];
  for (const char of label) {
    if (NEUTRAL.test(char)) continue;
    letters.push({ char, script: SCRIPTS.find((s) => s.pattern.test(char))?.name ?? 'Other' });
  }
  const counts = new Map<string, number>();
  for (const { script } of letters) counts.set(script, (counts.get(script) ?? 0) + 1);
  const scripts = [...counts.keys()];
  if (scripts.length < 2 || ALLOWED_MIXES.some((mix) => scripts.every((s) => mix.includes(s)))) return undefined;
  const main = scripts.reduce((a, b) => (counts.get(b)! > counts.get(a)! ? b : a));
  return { scripts, odd: letters.filter((l) => l.script !== main) };
}
