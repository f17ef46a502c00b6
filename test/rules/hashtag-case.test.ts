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
    // English only: a German or French draft is skipped, whatever its hashtags spell in English.
    { text: 'Unser Team beim Lauf: #teamrun #worldcancerday', channel: 'x', language: 'de' },
    { text: 'Notre équipe : #teamrun #worldcancerday', channel: 'x', language: 'fr' },
  ],
  invalid: [
    {
      text: 'Our team: #teamrun #worldcancerday',
      channel: 'x',
      language: 'en',
      errors: [
        { message: 'Screen readers read #teamrun as one word: write #TeamRun', range: [10, 18] },
        { message: 'Screen readers read #worldcancerday as one word: write #WorldCancerDay', range: [19, 34] },
      ],
      suggestions: [camel('Our team: #teamrun #worldcancerday', 'teamrun', 'TeamRun'), camel('Our team: #teamrun #worldcancerday', 'worldcancerday', 'WorldCancerDay')],
    },
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
