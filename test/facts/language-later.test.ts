import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/facts/analysis.js';

// A lint result's language is computed when read: what lintDraft leaves for it must not keep the
// draft's analysis (its words, entities, Markdown tree...) alive while the result is held unread.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const DRAFTS = ['Early diagnosis saves lives. #WorldCancerDay https://example.org', 'Die Früherkennung rettet Leben, und wir helfen Ihnen.', "Le dépistage précoce sauve des vies : parlez-en à votre médecin.", ''];

/** Built outside the async test, whose suspended frame could hold the loop's last analysis. */
function build() {
  const refs: WeakRef<Analysis>[] = [];
  const later: (() => string)[] = [];
  const holding: (() => string)[] = [];
  const held: WeakRef<Analysis>[] = [];
  for (const text of DRAFTS) {
    // Facts an editor's lint would build, then dropped: only the function is kept.
    const analysis = new Analysis(text);
    void analysis.entities;
    refs.push(new WeakRef(analysis));
    later.push(analysis.languageLater());
    // The control: a function that reads the analysis keeps it, so the check can fail.
    const kept = new Analysis(text);
    held.push(new WeakRef(kept));
    holding.push(() => kept.language);
  }
  return { refs, later, held, holding };
}

describe('Analysis.languageLater', () => {
  it('gives the language the analysis gives, whatever the analysis has built', () => {
    for (const text of DRAFTS) {
      const expected = new Analysis(text).language;
      expect(new Analysis(text).languageLater()(), text).toBe(expected);
      const withWords = new Analysis(text);
      void withWords.words;
      expect(withWords.languageLater()(), text).toBe(expected);
      expect(new Analysis(text, { language: 'fr' }).languageLater()(), text).toBe('fr');
    }
  });

  it('holds no reference to the analysis', async () => {
    const { refs, later, held, holding } = build();
    await tick();
    gc();
    expect(refs.map((ref) => ref.deref() === undefined)).toEqual(DRAFTS.map(() => true));
    expect(held.every((ref) => ref.deref() !== undefined)).toBe(true);
    expect(later.map((read) => read())).toEqual(holding.map((read) => read()));
  });
});
