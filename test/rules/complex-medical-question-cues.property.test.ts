import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cueData from '../../rules/data/complex-medical-question/cues.json';
import weights from '../../rules/data/complex-medical-question/signals.json';
import { cueEntries } from '../../rules/complex-medical-question/medical-signals.js';

// The cue entries as compileMedicalLexicons built them before cueEntries (commit e96de0b): a Set
// of signals per phrase, every span of every phrase looked up. The oracle of the fast build.
const weightOf = (signal: string) => (weights.signals as Record<string, { weight: number } | undefined>)[signal]?.weight ?? 0;
function oldCueEntries(group: readonly { signal: string; phrases: readonly string[] }[]) {
  const map = new Map<string, Set<string>>();
  for (const { signal, phrases } of group)
    for (const phrase of phrases) {
      const key = phrase.toLowerCase();
      (map.get(key) ?? map.set(key, new Set()).get(key)!).add(signal);
    }
  return [...map].map(([phrase, own]) => {
    const words = phrase.split(' ');
    const all = new Set(own);
    const positive = [...own].some((s) => weightOf(s) > 0);
    if (!own.has('neutral'))
      for (let i = 0; i < words.length; i++) {
        let span = words[i]!;
        for (let j = i; j < words.length; j++) {
          if (j > i) span += ' ' + words[j]!;
          for (const s of map.get(span) ?? []) if (weightOf(s) > 0 === positive) all.add(s);
        }
      }
    return { phrases: [phrase], signals: [...all] };
  });
}

const shipped = (cueData.entries as { id: string; signal: string; phrases: string[] }[]).map((e) => ({ signal: e.signal, phrases: e.phrases }));
const SIGNALS = [...new Set([...shipped.map((e) => e.signal), ...Object.keys(weights.signals), 'neutral', 'unknown'])];
const shippedWords = [...new Set(shipped.flatMap((e) => e.phrases.flatMap((p) => p.split(' '))))];
const phrase = fc.oneof(
  fc.constantFrom(...shipped.flatMap((e) => e.phrases)),
  fc.array(fc.oneof(fc.constantFrom(...shippedWords), fc.constantFrom('A', 'Is', 'IT', '', 'x')), { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
  fc.string({ maxLength: 8 }),
);

describe('the cue entries of complex-medical-question', () => {
  it('are, for the shipped lists, the entries the old build gave: phrases, signals and their order', () => {
    const entries = cueEntries(shipped);
    expect(entries).toEqual(oldCueEntries(shipped));
    // The control: some phrases inherit signals from phrases inside them, so the scan is compared too.
    expect(entries.filter((e) => e.signals.length > 1).length).toBeGreaterThan(20);
  });

  it('are the old build’s with any extra terms, on random and adversarial phrases', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ signal: fc.constantFrom(...SIGNALS), phrases: fc.array(phrase, { maxLength: 6 }) }), { maxLength: 8 }), fc.boolean(), (extra, withShipped) => {
        const group = withShipped ? [...shipped, ...extra] : extra;
        expect(cueEntries(group)).toEqual(oldCueEntries(group));
      }),
      { numRuns: 300 },
    );
  });
});
