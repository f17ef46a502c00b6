import { describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';
import { RuleTester, casesFromDocs } from '../../src/testing/rule-tester.js';

/** The tester every rule's test file uses, with vitest's describe and it. */
export const tester = new RuleTester({ describe, it });

/**
 * A built-in rule's meta, and its docs examples through the RuleTester: messages, ranges, fixed
 * output and suggestions are asserted and every fix checked for safety, so the rule reference
 * (docs/rules.md) cannot drift from behaviour.
 */
export function describeRuleDocs(id: string): void {
  const rule = rules[id];
  describe(`${id} meta`, () => {
    it('is a built-in rule whose id matches its key, with a description and an example of each kind', () => {
      expect(rule, `no built-in rule "${id}"`).toBeDefined();
      expect(rule!.meta.id).toBe(id);
      expect(rule!.meta.description.length).toBeGreaterThan(10);
      expect(rule!.meta.docs.correct.length).toBeGreaterThan(0);
      expect(rule!.meta.docs.incorrect.length).toBeGreaterThan(0);
    });
    it('gives the messages of every incorrect example, and an output for every example a fixable rule fixes', () => {
      for (const example of rule!.meta.docs.incorrect) {
        expect(example.messages?.length, JSON.stringify(example.text)).toBeGreaterThan(0);
        if (example.ranges) expect(example.ranges).toHaveLength(example.messages!.length);
      }
      if (rule!.meta.fixable) expect(rule!.meta.docs.incorrect.some((e) => e.output !== undefined)).toBe(true);
      if (rule!.meta.hasSuggestions) expect(rule!.meta.docs.incorrect.some((e) => e.suggestions !== undefined)).toBe(true);
    });
  });
  if (rule) tester.run(`${id} docs examples`, rule, casesFromDocs(rule));
}
