import gsmData from './data/gsm-replacements.json';
import { defineRule, measure, shippedLexicon, safeFix, type Analysis, type Report, type Channel, type Suggestion, type TextEdit, planThread, threadEdits } from '../src/rule/index.js';

/** Each character outside the GSM alphabet that has a plain one, and that plain character. */
const GSM_REPLACEMENTS: Readonly<Record<string, string>> = Object.fromEntries(
  shippedLexicon(gsmData, 'gsm-replacements.json').entries.flatMap((entry) => entry.phrases.map((character) => [character, entry.replace![0]!])),
);

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

/**
 * SMS: the plain characters that would send the draft in GSM-7 (160 a message, not 70), when every
 * character forcing UCS-2 has one; with the edits and the number of messages it would then take.
 */
function gsmReplacement(text: string, nonGsm: readonly string[], channel: Channel) {
  if (nonGsm.length === 0 || nonGsm.some((c) => GSM_REPLACEMENTS[c] === undefined)) return undefined;
  const edits: TextEdit[] = [];
  let replaced = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const plain = GSM_REPLACEMENTS[text[i]!];
    if (plain === undefined) continue;
    edits.push({ range: [i, i + 1], text: plain });
    replaced += text.slice(last, i) + plain;
    last = i + 1;
  }
  replaced += text.slice(last);
  const pairs = nonGsm.map((c) => `"${c}" with "${GSM_REPLACEMENTS[c]}"`);
  return { edits, what: pairs.length > 1 ? `${pairs.slice(0, -1).join(', ')} and ${pairs[pairs.length - 1]}` : pairs[0]!, after: measure(replaced, channel) };
}

export default defineRule({
  meta: {
    id: 'max-length',
    description: "The draft fits the channel's limit, counted the way the channel counts.",
    severity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      tooLong: 'Too long for {channel}: {count}/{limit} {unit}, {over} over: shorten it or split it into a thread',
      tooManyBytes: 'Too long for {channel}: {count}/{limit} bytes, {over} over (emoji and letters outside English take 2 to 4 bytes each): shorten it or split it into a thread',
      tooManySegments: 'Too long for {channel}: {count} {unit}, the limit is {limit} ({perSegment} characters each in {encoding}): shorten it or split it into messages',
      tooManySegmentsUcs: 'Too long for {channel}: {count} {unit}, the limit is {limit}; {culprits} is not in the SMS alphabet, so each part holds {perSegment} characters, not {gsmPerSegment}: {advice}',
    },
    defaults: {},
    docs: {
      why:
        'A post over the limit is rejected or cut off by the platform. Each channel counts differently: X weighs URLs as 23 and emoji and CJK as 2, Bluesky counts graphemes, Mastodon counts URLs as 23 and remote mentions as @user, Threads counts each emoji as its UTF-8 bytes, SMS counts GSM-7 or UCS-2 parts. A thread document (posts between lines of "---") is measured post by post. The suggestion splits the draft into a numbered thread whose every part fits (see `split`), cut at paragraphs, then sentences, clauses and words, with the parts joined by a line of "---" between blank lines.',
      sources: ['twitter-text 3.1.0 (configs version1 and version3)', 'AT Protocol app.bsky.feed.post lexicon', 'mastodon/mastodon: app/validators/status_length_validator.rb, app/lib/extractor.rb, Account::MENTION_RE', 'Meta Threads API, Posts: https://developers.facebook.com/docs/threads/posts', '3GPP TS 23.038'],
      correct: [{ text: 'Our nurses answer your questions free on 0808 800 4040.', channel: 'x' }],
      incorrect: [
        {
          text: LONG_POST,
          channel: 'x',
          messages: ['Too long for X: 285/280 weighted characters, 5 over: shorten it or split it into a thread'],
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
          text: 'Your screening kit is on its way – do the test when it arrives. It’s quick, private and could save your life. Reply STOP to opt out.',
          channel: 'sms',
          messages: ['Too long for SMS: 2 segments, the limit is 1; "–" or "’" is not in the SMS alphabet, so each part holds 67 characters, not 153: replace "–" with "-" and "’" with "\'" and it fits'],
          ranges: [[70, 132]],
          suggestions: [
            { title: 'Replace "–" with "-" and "’" with "\'"', output: "Your screening kit is on its way - do the test when it arrives. It's quick, private and could save your life. Reply STOP to opt out." },
            { title: 'Split into 3 messages', output: 'Your screening kit is on its way – do the test when it arrives. 1/3\n\n---\n\nIt’s quick, private and could save your life. 2/3\n\n---\n\nReply STOP to opt out. 3/3' },
          ],
        },
      ],
    },
  },
  check({ text, analysis, channel, measurement, report: send }) {
    if (measurement.fits) return;
    // The thread plan costs far more than the check (a few ms for a long draft): it is planned only
    // when a consumer reads the suggestions, never on a re-lint nobody asks it of.
    const report = (found: Report, first: Suggestion[] = []) =>
      send({ ...found, suggestions: () => [...first, ...(threadSuggestion(analysis, channel) ?? [])] });
    const start = measurement.overflowStart ?? text.length;
    const { bytes, sms } = measurement;
    if (measurement.count <= measurement.limit && bytes && bytes.count > bytes.limit) {
      report({ messageId: 'tooManyBytes', data: { count: bytes.count, limit: bytes.limit, channel: channel.name, over: bytes.count - bytes.limit }, start, end: text.length });
      return;
    }
    const data = { count: measurement.count, limit: measurement.limit, unit: measurement.unit, channel: channel.name, over: measurement.count - measurement.limit };
    if (sms && sms.encoding === 'UCS-2') {
      const named = sms.nonGsmCharacters.slice(0, 3).map((c) => `"${c}"`);
      const culprits = named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named[0]!;
      const plain = gsmReplacement(text, sms.nonGsmCharacters, channel);
      let advice = 'shorten it or split it into messages';
      if (plain) advice = plain.after.fits ? `replace ${plain.what} and it fits` : `replace ${plain.what} (then ${plain.after.count} ${plain.after.unit}), and shorten it or split it`;
      const found: Report = {
        messageId: 'tooManySegmentsUcs',
        data: { ...data, perSegment: sms.charactersPerSegment, gsmPerSegment: sms.charactersPerSegment === 70 ? 160 : 153, culprits: sms.nonGsmCharacters.length > 3 ? culprits + ' (and others)' : culprits, advice },
        start,
        end: text.length,
      };
      const fix = plain && safeFix(text, plain.edits);
      report(found, fix ? [{ title: `Replace ${plain.what}`, fix }] : []);
      return;
    }
    if (sms) {
      report({ messageId: 'tooManySegments', data: { ...data, encoding: sms.encoding, perSegment: sms.charactersPerSegment }, start, end: text.length });
      return;
    }
    report({ messageId: 'tooLong', data, start, end: text.length });
  },
});
