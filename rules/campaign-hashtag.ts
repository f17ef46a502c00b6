import * as v from 'valibot';
import { defineRule } from '../src/run/rule.js';
import type { Campaign } from '../src/types.js';

const campaign: Campaign = { name: 'World Cancer Day', hashtags: ['#WorldCancerDay'], keyMessages: [{ id: 'act', text: 'Everyone can act to reduce the impact of cancer.' }] };

export default defineRule({
  meta: {
    id: 'campaign-hashtag',
    description: "Each draft carries the campaign's hashtags, written the same way everywhere.",
    severity: 'warning',
    fixable: true,
    hasSuggestions: true,
    messages: {
      missing: "Add the campaign's hashtag {hashtag}",
      spelling: 'Write the campaign hashtag as {hashtag}, the same on every channel, not {found}',
    },
    schema: v.object({ skipChannels: v.array(v.string('a channel id')) }),
    defaults: { skipChannels: ['sms', 'email', 'helpline', 'web'] },
    docs: {
      why: 'One theme, one hashtag: people follow and search it, and a campaign reads as one when every channel writes it the same way (#WorldCancerDay, not #worldcancerday on one of them). CamelCase also lets screen readers say the words. SMS, email, the helpline and web pages are skipped by default (`skipChannels`).',
      correct: [{ text: 'Everyone can act on cancer. #WorldCancerDay', channel: 'x', campaign }],
      incorrect: [
        { text: 'Everyone can act on cancer. #worldcancerday', channel: 'x', campaign, messages: ['Write the campaign hashtag as #WorldCancerDay, the same on every channel, not #worldcancerday'], output: 'Everyone can act on cancer. #WorldCancerDay' },
        { text: 'Everyone can act on cancer.', channel: 'bluesky', campaign, messages: ["Add the campaign's hashtag #WorldCancerDay"] },
      ],
    },
  },
  check({ campaign, channel, analysis, options, text, report }) {
    if (!campaign?.hashtags?.length || options.skipChannels.includes(channel.id)) return;
    for (const hashtag of campaign.hashtags) {
      const wanted = hashtag.slice(1).toLowerCase();
      // Entity text is the tag without its '#'.
      const found = analysis.hashtags.filter((h) => h.text.toLowerCase() === wanted);
      if (found.length === 0) {
        const at = text.replace(/\s+$/u, '').length;
        const fix = { edits: [{ range: [at, at] as [number, number], text: ' ' + hashtag }] };
        report({ messageId: 'missing', data: { hashtag }, start: at, end: at, suggestions: [{ title: `Add ${hashtag}`, fix }] });
      }
      for (const entity of found) {
        if (entity.text === hashtag.slice(1)) continue;
        report({
          messageId: 'spelling',
          data: { hashtag, found: text.slice(entity.start, entity.end) },
          start: entity.start,
          end: entity.end,
          fix: { edits: [{ range: [entity.start, entity.end], text: hashtag }] },
        });
      }
    }
  },
});
