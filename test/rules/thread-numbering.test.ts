import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

const thread = (...posts: string[]) => posts.join('\n\n---\n\n');

// Edge cases beyond the docs examples, through the same tester.
tester.run('thread-numbering', rules['thread-numbering']!, {
  valid: [
    // One post is no thread: "3/2" is a ratio, not a number of the thread.
    { thread: true, text: 'Two in 3/2', channel: 'x' },
    // A channel without a length limit reads "---" as a page's rule, not a thread's cut.
    { thread: true, text: thread('Read this. 1/2', 'And this. 1/2'), channel: 'email' },
  ],
  invalid: [
    {
      thread: true,
      text: thread('1/2 Book your screening today.', 'Call us free.'),
      channel: 'x',
      errors: [{ message: 'Post 2 of 2 has no number, unlike the others: add "2/2"', range: [37, 37] }],
      output: thread('1/2 Book your screening today.', '2/2 Call us free.'),
    },
  ],
});

describeRuleDocs('thread-numbering');
