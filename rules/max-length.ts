import { defineRule, type Analysis, type Report, type Channel, type Suggestion, planThread, threadEdits } from '../src/rule/index.js';

const LONG_POST =
  'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. You can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm.';

// Past this length a thread plan would cost an editor a keystroke's time; the CLI's --split still splits.
const MAX_SPLIT_LENGTH = 10_000;

/** "Split into a 3-post thread": the draft as a thread, parts joined by THREAD_SEPARATOR (see src/split). */
function threadSuggestion(analysis: Analysis, channel: Channel): Suggestion[] | undefined {
  const { text } = analysis;
  if (text.length > MAX_SPLIT_LENGTH) return undefined;
  const plan = planThread(analysis, channel);
  if (plan.parts.length < 2) return undefined;
  const title = channel.id === 'sms' ? `Split into ${plan.parts.length} messages` : `Split into a ${plan.parts.length}-post thread`;
  return [{ title, fix: { edits: threadEdits(text, plan) } }];
}

export default defineRule({
  meta: {
    id: 'max-length',
    description: "The draft fits the channel's limit, counted the way the channel counts.",
    severity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      tooLong: '{count}/{limit} {unit} for {channel}: {over} over',
      tooManyBytes: '{count}/{limit} UTF-8 bytes for {channel}: {over} over',
      tooManySegments: '{count}/{limit} {unit} for {channel} ({encoding}, {perSegment} characters per segment{because}): {over} over',
    },
    defaults: {},
    docs: {
      why:
        'A post over the limit is rejected or cut off by the platform. Each channel counts differently: X weighs URLs as 23 and emoji and CJK as 2, Bluesky counts graphemes, Mastodon counts URLs as 23 and remote mentions as @user, SMS counts GSM-7 or UCS-2 parts. The suggestion splits the draft into a numbered thread whose every part fits (see `split`), cut at paragraphs, then sentences, clauses and words, with the parts joined by a line of "---" between blank lines.',
      sources: ['twitter-text 3.1.0 (configs version1 and version3)', 'AT Protocol app.bsky.feed.post lexicon', 'Mastodon StatusLengthValidator', '3GPP TS 23.038'],
      correct: [{ text: 'Our nurses answer your questions free on 0808 800 4040.', channel: 'x' }],
      incorrect: [
        {
          text: LONG_POST,
          channel: 'x',
          messages: ['285/280 weighted characters for X: 5 over'],
          ranges: [[280, 285]],
          suggestions: [
            {
              title: 'Split into a 2-post thread',
              output:
                'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. 1/2\n\n---\n\nYou can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm. 2/2',
            },
          ],
        },
        {
          text: 'Book your screening today. Café open 9–5.'.repeat(2),
          channel: 'sms',
          messages: ['2/1 segments for SMS (UCS-2, 67 characters per segment, because of "–"): 1 over'],
          ranges: [[70, 82]],
          suggestions: [{ title: 'Split into 2 messages', output: 'Book your screening today. 1/2\n\n---\n\nCafé open 9–5.Book your screening today. Café open 9–5. 2/2' }],
        },
      ],
    },
  },
  check({ text, analysis, channel, measurement, report: send }) {
    if (measurement.fits) return;
    // The thread plan costs far more than the check (a few ms for a long draft): it is planned only
    // when a consumer reads the suggestion, never on a re-lint nobody asks it of.
    const report = (found: Report) => send({ ...found, suggestions: () => threadSuggestion(analysis, channel) });
    const start = measurement.overflowStart ?? text.length;
    const { bytes, sms } = measurement;
    if (measurement.count <= measurement.limit && bytes && bytes.count > bytes.limit) {
      report({ messageId: 'tooManyBytes', data: { count: bytes.count, limit: bytes.limit, channel: channel.name, over: bytes.count - bytes.limit }, start, end: text.length });
      return;
    }
    const data = { count: measurement.count, limit: measurement.limit, unit: measurement.unit, channel: channel.name, over: measurement.count - measurement.limit };
    if (sms) {
      const culprits = sms.nonGsmCharacters.slice(0, 3).map((c) => JSON.stringify(c)).join(', ');
      report({
        messageId: 'tooManySegments',
        data: { ...data, encoding: sms.encoding, perSegment: sms.charactersPerSegment, because: culprits ? `, because of ${culprits}` : '' },
        start,
        end: text.length,
      });
      return;
    }
    report({ messageId: 'tooLong', data, start, end: text.length });
  },
});
