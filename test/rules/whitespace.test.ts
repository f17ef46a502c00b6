import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
tester.run('whitespace', rules.whitespace!, {
  valid: [
    { text: '  - indented list item\n  - another', channel: 'x' },
    { text: 'Two spaces end this line  \nin Markdown', channel: 'email' },
    { text: 'No\u00A0\u00A0break spaces are chosen', channel: 'x' },
    { text: 'One\n\n\nblank lines: two', channel: 'x' },
    { text: 'a\n\n\n\nb', channel: 'x', options: { maxBlankLines: 3 } },
  ],
  invalid: [
    { text: 'Tabs\t\tbetween', channel: 'x', errors: [{ message: 'Two spaces in a row: use one', range: [4, 6] }], output: 'Tabs between' },
    {
      text: 'a  b \n\n\n\nc',
      channel: 'x',
      errors: [
        { message: 'Two spaces in a row: use one', range: [1, 3] },
        { message: 'Space at the end of a line: remove it', range: [4, 5] },
        { message: '3 blank lines in a row: use at most 2', range: [6, 9] },
      ],
      output: 'a b\n\n\nc',
    },
    { text: 'a\n \n\t\n  \nb', channel: 'bluesky', errors: ['3 blank lines in a row: use at most 2'], output: 'a\n\n\nb' },
    { text: 'a\n  \nb', channel: 'x', errors: [{ message: 'Space at the end of a line: remove it', range: [2, 4] }], output: 'a\n\nb' },
    { text: 'Ends with spaces  ', channel: 'x', errors: [{ message: 'Space at the end of a line: remove it', range: [16, 18] }], output: 'Ends with spaces' },
    { text: 'a\n\nb', channel: 'x', options: { maxBlankLines: 0 }, errors: ['1 blank lines in a row: use at most 0'], output: 'a\nb' },
    { text: '#Run  @team  now', channel: 'x', errors: 2, output: '#Run @team now' },
  ],
});

describeRuleDocs('whitespace');
