import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint } from '../../src/index.js';
import keyMessages from '../../rules/key-messages.js';
import { appliesTo, defineRule, keyMessageMatches, keyMessageMatchesBefore, quoteWords, type MessageMatch } from '../../src/rule/index.js';
import type { Campaign } from '../../src/core/types.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// key-messages reads a long draft's opening alone only when some message it carries must come
// before the fold. The rule as it read before, reading the opening of every long draft, must agree.
const reference = defineRule({
  meta: keyMessages.meta,
  check({ campaign, channel, analysis, options, text, report, wordVectors }) {
    if (!campaign) return;
    const matches = keyMessageMatches(analysis, campaign, wordVectors);
    const firstSentence = analysis.sentences[0];
    const whole = { start: firstSentence?.start ?? 0, end: firstSentence?.end ?? text.length };
    const carried = matches.filter((m) => m.carried);
    if (carried.length < options.minimum) {
      let closest: MessageMatch | undefined;
      for (const m of matches.filter((m) => !m.carried)) if (m.found.length > 0 && (!closest || m.score > closest.score)) closest = m;
      report({
        messageId: closest ? 'tooFew' : 'tooFewNothing',
        data: { carried: carried.length, minimum: options.minimum, ...(closest ? describeMatch(closest) : {}) },
        ...whole,
        details: { carried: carried.map((m) => m.id), scores: Object.fromEntries(matches.map((m) => [m.id, Math.round(m.score * 100) / 100])) },
      });
    }
    campaign.keyMessages.forEach((message, index) => {
      const match = matches[index]!;
      if (message.channels && appliesTo(message, channel) && !match.carried) {
        report({ messageId: match.found.length ? 'required' : 'requiredNothing', data: { channel: channel.name, ...describeMatch(match) }, ...whole });
      }
    });
    if (channel.fold !== undefined && text.length > channel.fold) {
      const beforeFold = keyMessageMatchesBefore(analysis, campaign, channel.fold, wordVectors);
      campaign.keyMessages.forEach((message, index) => {
        const match = matches[index]!;
        if (message.beforeFold && match.carried && !beforeFold[index]!.carried) {
          const end = match.end ?? 0;
          const firstWord = analysis.words.find((w) => w.start >= channel.fold!)?.start ?? channel.fold!;
          report({ messageId: 'afterFold', data: { id: message.id, channel: channel.name, fold: channel.fold! }, start: Math.min(Math.max(match.start ?? 0, firstWord), end), end });
        }
      });
    }
  },
});

function describeMatch(match: MessageMatch) {
  return { id: match.id, found: match.found.length ? quoteWords(match.found) : 'nothing', missing: quoteWords(match.missing) };
}

const SAYINGS = [
  'Early diagnosis saves lives. ',
  'Spotting it sooner means treatment is more likely to work. ',
  'If you notice a change that is not normal for you, book an appointment with your GP. ',
  'We are proud to be part of this campaign with our partners and volunteers. ',
  'Not normal? ',
  '\n\n',
];
const texts = fc.array(fc.oneof(fc.constantFrom(...SAYINGS), drafts), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const campaigns = fc.tuple(fc.boolean(), fc.boolean()).map(
  ([first, second]): Campaign => ({
    name: 'Spot It Early',
    keyMessages: [
      { id: 'early-diagnosis', text: 'Cancer found early is more likely to be treated successfully.', also: ['early diagnosis saves lives'], ...(first ? { beforeFold: true } : {}) },
      { id: 'see-your-gp', text: "If you notice a change that isn't normal for you, book an appointment with your GP.", ...(second ? { beforeFold: true } : {}) },
    ],
  }),
);

describe('key-messages before the fold', () => {
  it('reports what the rule reading every long opening reported', () => {
    fc.assert(
      fc.property(texts, campaigns, fc.constantFrom('linkedin', 'instagram', 'facebook', 'x'), (text, campaign, channel) => {
        const fast = lint({ text, channel }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign }).messages;
        const simple = lint({ text, channel }, { preset: 'none', plugins: { ref: { rules: { 'key-messages': reference } } }, rules: { 'ref/key-messages': 'warn' }, campaign }).messages;
        expect(fast.map(({ ruleId: _r, url: _u, ...m }) => m)).toStrictEqual(simple.map(({ ruleId: _r, url: _u, ...m }) => m));
      }),
      { numRuns: 200 },
    );
  });
});
