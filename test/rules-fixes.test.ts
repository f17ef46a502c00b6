import { describe, it } from 'vitest';
import { rules } from '../src/index.js';
import { RuleTester } from '../src/testing/rule-tester.js';

// Edge cases of the fixable and suggesting rules, beyond their docs examples, through the same tester.
const tester = new RuleTester({ describe, it });

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

tester.run('link-tracking', rules['link-tracking']!, {
  valid: [
    { text: 'https://example.org/utm_source/page', channel: 'x' },
    { text: 'https://example.org/a#section?utm_source=x', channel: 'x' },
    { text: 'https://example.org/a?si=2', channel: 'x' },
    { text: 'https://example.org/a?utm_source=x&utm_medium=y', channel: 'x', options: { allow: ['utm_*'] } },
  ],
  invalid: [
    {
      text: 'Read https://example.org/a?utm_source=x&utm_medium=y.',
      channel: 'x',
      errors: [{ message: 'Tracking codes in this link (utm_source, utm_medium): remove them; the page opens the same without them', range: [5, 52] }],
      output: 'Read https://example.org/a.',
    },
    { text: 'https://example.org/a?UTM_Source=x&b=%20c+d', channel: 'x', errors: ['Tracking codes in this link (UTM_Source): remove them; the page opens the same without them'], output: 'https://example.org/a?b=%20c+d' },
    { text: 'Listen https://open.spotify.com/episode/abc?si=9f1e', channel: 'bluesky', errors: 1, output: 'Listen https://open.spotify.com/episode/abc' },
    {
      text: 'https://a.org/?gclid=1 and https://b.org/?x=1&msclkid=2',
      channel: 'mastodon',
      errors: ['Tracking codes in this link (gclid): remove them; the page opens the same without them', 'Tracking codes in this link (msclkid): remove them; the page opens the same without them'],
      output: 'https://a.org/ and https://b.org/?x=1',
    },
    { text: 'https://example.org/a?utm_source=x&utm_campaign=run', channel: 'x', options: { allow: ['utm_campaign'] }, errors: 1, output: 'https://example.org/a?utm_campaign=run' },
    // Found by the property test in fix.test.ts: the URL ends before a combining accent, so removing its end would orphan it.
    { text: 'example.org/?fbclid=1e\u0301 ', channel: 'x', errors: ['Tracking codes in this link (fbclid): remove them; the page opens the same without them'], output: null },
  ],
});

tester.run('no-markdown', rules['no-markdown']!, {
  valid: [{ text: '2 * 3 * 4 = 24', channel: 'x' }],
  invalid: [
    // Found by the property test in fix.test.ts: "$ABCbold" would be another cashtag, so no fix is offered.
    { text: '$ABC**bold** ', channel: 'x', errors: ['X does not show bold: readers will see "**bold**" as typed; write "bold"'], output: null },
    { text: '**Join** #WorldCancerDay', channel: 'x', errors: [{ range: [0, 8] }], output: 'Join #WorldCancerDay' },
  ],
});

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
