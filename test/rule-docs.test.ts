import { describe, expect, it } from 'vitest';
import { lint, rules } from '../src/index.js';

// Every rule's docs examples are tests: the rule reference can never drift from behaviour.
for (const [id, rule] of Object.entries(rules)) {
  describe(`${id} docs examples`, () => {
    it('has an id that matches its key, a description and at least one example of each kind', () => {
      expect(rule.meta.id).toBe(id);
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.docs.correct.length).toBeGreaterThan(0);
      expect(rule.meta.docs.incorrect.length).toBeGreaterThan(0);
    });
    const only = (options?: Record<string, unknown>) => ({
      preset: 'none',
      rules: { [id]: options ? (['error', options] as ['error', Record<string, unknown>]) : ('error' as const) },
    });
    for (const example of rule.meta.docs.correct) {
      it(`correct: ${JSON.stringify(example.text.slice(0, 60))}`, () => {
        const result = lint({ text: example.text, channel: example.channel }, only(example.options));
        expect(result.messages.map((m) => m.message)).toEqual([]);
      });
    }
    for (const example of rule.meta.docs.incorrect) {
      it(`incorrect: ${JSON.stringify(example.text.slice(0, 60))}`, () => {
        const result = lint({ text: example.text, channel: example.channel }, only(example.options));
        expect(result.messages.length).toBeGreaterThan(0);
        if (example.messages) expect(result.messages.map((m) => m.message)).toEqual(example.messages);
        if (example.output !== undefined) {
          const edits = result.messages.flatMap((m) => m.fix?.edits ?? []).sort((a, b) => b.range[0] - a.range[0]);
          let fixed = example.text;
          for (const edit of edits) fixed = fixed.slice(0, edit.range[0]) + edit.text + fixed.slice(edit.range[1]);
          expect(fixed).toBe(example.output);
        }
      });
    }
  });
}
