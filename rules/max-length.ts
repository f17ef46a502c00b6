import { defineRule } from '../src/run/rule.js';

export default defineRule({
  meta: {
    id: 'max-length',
    description: "The draft fits the channel's limit, counted the way the channel counts.",
    severity: 'error',
    fixable: false,
    messages: {
      tooLong: '{count}/{limit} {unit} for {channel}: {over} over',
      tooManyBytes: '{count}/{limit} UTF-8 bytes for {channel}: {over} over',
      tooManySegments: '{count}/{limit} {unit} for {channel} ({encoding}, {perSegment} characters per segment{because}): {over} over',
    },
    defaults: {},
    docs: {
      why:
        'A post over the limit is rejected or cut off by the platform. Each channel counts differently: X weighs URLs as 23 and emoji and CJK as 2, Bluesky counts graphemes, Mastodon counts URLs as 23 and remote mentions as @user, SMS counts GSM-7 or UCS-2 parts.',
      sources: ['twitter-text 3.1.0 (configs version1 and version3)', 'AT Protocol app.bsky.feed.post lexicon', 'Mastodon StatusLengthValidator', '3GPP TS 23.038'],
      correct: [{ text: 'Our nurses answer your questions free on 0808 800 4040.', channel: 'x' }],
      incorrect: [
        { text: 'x'.repeat(291), channel: 'x', messages: ['291/280 weighted characters for X: 11 over'] },
        { text: 'Book your screening today. Café open 9–5.'.repeat(2), channel: 'sms', messages: ['2/1 segments for SMS (UCS-2, 67 characters per segment, because of "–"): 1 over'] },
      ],
    },
  },
  check({ text, channel, measurement, report }) {
    if (measurement.fits) return;
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
