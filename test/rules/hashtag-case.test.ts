import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
const camel = (text: string, from: string, to: string) => ({ title: `Write #${to}`, output: text.replace(`#${from}`, `#${to}`) });
tester.run('hashtag-case', rules['hashtag-case']!, {
  valid: [
    { text: 'Where next? #nowhere', channel: 'x' },
    { text: 'Thank you #therapist', channel: 'x' },
    { text: 'Hello #xyzzyqwerty', channel: 'x' },
    { text: 'Hello #NHS and #Run2026 and #cancer', channel: 'x' },
    { text: 'Café #santé', channel: 'x' },
  ],
  invalid: [
    {
      text: 'October is #breastcancerawareness month',
      channel: 'x',
      errors: ['Screen readers read #breastcancerawareness as one word: write #BreastCancerAwareness'],
      suggestions: [camel('October is #breastcancerawareness month', 'breastcancerawareness', 'BreastCancerAwareness')],
    },
    {
      text: '#mentalhealth matters #timetotalk',
      channel: 'bluesky',
      errors: [
        { range: [0, 13], suggestions: [camel('#mentalhealth matters #timetotalk', 'mentalhealth', 'MentalHealth')] },
        { range: [22, 33], suggestions: [camel('#mentalhealth matters #timetotalk', 'timetotalk', 'TimeToTalk')] },
      ],
    },
  ],
});

describeRuleDocs('hashtag-case');
