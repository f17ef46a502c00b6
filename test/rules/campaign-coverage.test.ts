import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
const plan = (drafts: string) => `---\nname: Spot it\nkeyMessages:\n  - id: gp\n    text: See your GP about a change that is not normal for you.\n    channels: [sms]\n---\n${drafts}`;

tester.run('campaign-coverage', rules['campaign-coverage']!, {
  valid: [
    { plan: true, text: plan('## sms\nA change that is not normal for you? See your GP about it.\n') },
    // A file that is one post has no plan to cover.
    { text: 'Hello', channel: 'x' },
  ],
  invalid: [
    {
      plan: true,
      text: plan('## x\nA change that is not normal for you? See your GP about it.\n\n## sms\nJoin us today.\n'),
      errors: [{ message: "Key message 'gp' is listed for sms, but no sms draft carries it: add it to one", line: 4 }],
    },
  ],
});

describeRuleDocs('campaign-coverage');
