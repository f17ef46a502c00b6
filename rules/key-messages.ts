import * as v from 'valibot';
import { defineRule, type Campaign, appliesTo, keyMessageMatches, keyMessageMatchesBefore, type MessageMatch, quoteWords } from '../src/rule/index.js';

const campaign: Campaign = {
  name: 'Spot It Early',
  keyMessages: [
    { id: 'early-diagnosis', text: 'Cancer found early is more likely to be treated successfully.', also: ['early diagnosis saves lives'] },
    { id: 'see-your-gp', text: "If you notice a change that isn't normal for you, book an appointment with your GP.", beforeFold: true },
  ],
};

export default defineRule({
  meta: {
    id: 'key-messages',
    description: "A campaign draft carries the campaign's key messages, by meaning, and before the fold where asked.",
    severity: 'warning',
    fixable: false,
    readsThread: true,
    messages: {
      tooFew: "Carries {carried} of the campaign's key messages, needs {minimum}; closest: '{id}', found {found}, missing {missing}",
      tooFewNothing: "Carries {carried} of the campaign's key messages, needs {minimum}; none is even partly said",
      required: "Key message '{id}' is listed for {channel} but this draft does not carry it; found {found}, missing {missing}",
      requiredNothing: "Key message '{id}' is listed for {channel} but this draft does not carry it",
      afterFold: "Key message '{id}' only appears after {channel}'s \"see more\" fold ({fold} characters): move it up",
    },
    schema: v.object({ minimum: v.pipe(v.number(), v.integer(), v.minValue(0, 'minimum must be 0 or more')) }),
    defaults: { minimum: 1 },
    docs: {
      why: "A plan has one set of key messages, and every post should carry at least one of them, in its own words: readers skim, and a post that only names the campaign tells them nothing. Drafts are read by meaning: stems, synonyms from a small health-comms thesaurus, rare words weighing more, negation; and, with the `wordVectors` option (the package `@postlint/vectors-en`, which the CLI and language server load for campaigns when it is installed), word vectors that know words nobody listed, so \"that envelope with the little stick in it? Please use it as soon as it comes\" carries \"do your home test kit as soon as it arrives\". `result.keyMessages.phrases` shows the words that carried each message. A message with `beforeFold` must be said before LinkedIn's, Instagram's or Facebook's \"see more\". German and French drafts are read in their own language: Snowball stems, the language's stop words and negators, French elisions (\"l'âge\", \"n'attendez pas\"), German compounds (\"Darmkrebsvorsorge\" says \"Vorsorge\" and \"Darmkrebs\"); there are no German or French vectors or thesaurus, so they are matched by stems alone and miss more paraphrases than English (figures in the README).",
      sources: ['Public Health England, Campaign resource centre: one core message, repeated across channels'],
      languages: ['en', 'de', 'fr'],
      correct: [
        { text: 'Spotting it sooner means treatment is more likely to work. #SpotItEarly', channel: 'x', campaign },
        { text: 'Early diagnosis saves lives. #SpotItEarly', channel: 'bluesky', campaign },
      ],
      incorrect: [
        {
          text: 'Join us at the Spot It Early launch on Friday, 10am at the library, to find out about the campaign. All welcome! #SpotItEarly',
          channel: 'x',
          campaign,
          messages: ["Carries 0 of the campaign's key messages, needs 1; closest: 'early-diagnosis', found 'found' + 'early', missing 'Cancer' + 'treated' + 'successfully'"],
        },
        {
          text: `${'We are proud to be part of Spot It Early this year, with our partners across the region and our brilliant volunteers, who have given their time to this campaign. '.repeat(2)}If you notice a change that is not normal for you, book an appointment with your GP.`,
          channel: 'linkedin',
          campaign,
          messages: ["Key message 'see-your-gp' only appears after LinkedIn's \"see more\" fold (210 characters): move it up"],
        },
      ],
    },
  },
  check({ campaign, channel, analysis, options, text, report, wordVectors }) {
    if (!campaign) return;
    const matches = keyMessageMatches(analysis, campaign, wordVectors);
    const firstSentence = analysis.sentences[0];
    const whole = { start: firstSentence?.start ?? 0, end: firstSentence?.end ?? text.length };
    const carried = matches.filter((m) => m.carried);
    if (carried.length < options.minimum) {
      const closest = closestOf(matches.filter((m) => !m.carried));
      report({
        messageId: closest ? 'tooFew' : 'tooFewNothing',
        data: { carried: carried.length, minimum: options.minimum, ...(closest ? describe(closest) : {}) },
        ...whole,
        details: { carried: carried.map((m) => m.id), scores: Object.fromEntries(matches.map((m) => [m.id, round(m.score)])) },
      });
    }
    campaign.keyMessages.forEach((message, index) => {
      const match = matches[index]!;
      if (message.channels && appliesTo(message, channel) && !match.carried) {
        report({ messageId: match.found.length ? 'required' : 'requiredNothing', data: { channel: channel.name, ...describe(match) }, ...whole });
      }
    });
    // The opening is read alone only for a message that must come before the fold and that the
    // draft carries: no other can be reported there (most campaigns ask it of none).
    if (channel.fold !== undefined && text.length > channel.fold && campaign.keyMessages.some((message, index) => message.beforeFold && matches[index]!.carried)) {
      const beforeFold = keyMessageMatchesBefore(analysis, campaign, channel.fold, wordVectors);
      campaign.keyMessages.forEach((message, index) => {
        const match = matches[index]!;
        if (message.beforeFold && match.carried && !beforeFold[index]!.carried) {
          // Point at the part after the fold: that is what the writer has to move up.
          const end = match.end ?? 0;
          report({ messageId: 'afterFold', data: { id: message.id, channel: channel.name, fold: channel.fold! }, start: Math.min(Math.max(match.start ?? 0, firstWordFrom(analysis.words, channel.fold!)), end), end });
        }
      });
    }
  },
});

function firstWordFrom(words: readonly { start: number }[], offset: number): number {
  return words.find((w) => w.start >= offset)?.start ?? offset;
}

function closestOf(matches: MessageMatch[]): MessageMatch | undefined {
  let best: MessageMatch | undefined;
  for (const m of matches) if (m.found.length > 0 && (!best || m.score > best.score)) best = m;
  return best;
}

function describe(match: MessageMatch) {
  return { id: match.id, found: match.found.length ? quoteWords(match.found) : 'nothing', missing: quoteWords(match.missing) };
}

const round = (n: number) => Math.round(n * 100) / 100;
