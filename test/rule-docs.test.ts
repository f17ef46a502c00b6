import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { RuleTester, casesFromDocs } from '../src/testing/rule-tester.js';

// Every rule's docs examples run through the RuleTester: messages, ranges, fixed output and
// suggestions are asserted, and every fix is checked for safety. The rule reference can never
// drift from behaviour.
const tester = new RuleTester({ describe, it });

for (const [id, rule] of Object.entries(rules)) {
  describe(`${id} meta`, () => {
    it('has an id that matches its key, a description and at least one example of each kind', () => {
      expect(rule.meta.id).toBe(id);
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.docs.correct.length).toBeGreaterThan(0);
      expect(rule.meta.docs.incorrect.length).toBeGreaterThan(0);
    });
    it('gives the messages of every incorrect example, and an output for every example a fixable rule fixes', () => {
      for (const example of rule.meta.docs.incorrect) {
        expect(example.messages?.length, JSON.stringify(example.text)).toBeGreaterThan(0);
        if (example.ranges) expect(example.ranges).toHaveLength(example.messages!.length);
      }
      if (rule.meta.fixable) expect(rule.meta.docs.incorrect.some((e) => e.output !== undefined)).toBe(true);
      if (rule.meta.hasSuggestions) expect(rule.meta.docs.incorrect.some((e) => e.suggestions !== undefined)).toBe(true);
    });
  });
  tester.run(`${id} docs examples`, rule, casesFromDocs(rule));
}
