import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('invalid-characters', rules['invalid-characters']!, {
  valid: [{ text: 'Hello\uFEFF world', channel: 'email' }],
  invalid: [
    { text: '\uFFFEa\uFFFF', channel: 'x', errors: [{ message: 'X rejects a post containing the invisible character U+FFFE (often pasted from a document): remove it', range: [0, 1] }, { message: 'X rejects a post containing the invisible character U+FFFF (often pasted from a document): remove it', range: [2, 3] }], output: 'a' },
  ],
});

describeRuleDocs('invalid-characters');
