import * as v from 'valibot';
import { defineRule, type Campaign } from '../src/rule/index.js';

const campaign: Campaign = { name: 'World Cancer Day', hashtags: ['#WorldCancerDay'], keyMessages: [{ id: 'act', text: 'Everyone can act to reduce the impact of cancer.' }] };

export default defineRule({
  meta: {
    id: 'campaign-hashtag',
    description: "Each draft carries the campaign's hashtags, written the same way everywhere.",
    severity: 'warning',
    fixable: true,
    readsThread: true,
    hasSuggestions: true,
    messages: {
      missing: "The campaign's hashtag {hashtag} is missing: add it",
      spelling: 'Campaign hashtag spelled {found}: write {hashtag}, the same on every channel',
      inconsistent: '{found} is spelled {hashtag} in the other drafts of this plan: write {hashtag}',
    },
    schema: v.object({ skipChannels: v.array(v.string('a channel id')) }),
    defaults: { skipChannels: ['sms', 'email', 'helpline', 'web'] },
    docs: {
      why: 'One theme, one hashtag: people follow and search it, and a campaign reads as one when every channel writes it the same way (#WorldCancerDay, not #worldcancerday on one of them). CamelCase also lets screen readers say the words. SMS, email, the helpline and web pages are skipped by default (`skipChannels`).',
      correct: [{ text: 'Everyone can act on cancer. #WorldCancerDay', channel: 'x', campaign }],
      incorrect: [
        { text: 'Everyone can act on cancer. #worldcancerday', channel: 'x', campaign, messages: ['Campaign hashtag spelled #worldcancerday: write #WorldCancerDay, the same on every channel'], output: 'Everyone can act on cancer. #WorldCancerDay' },
        { text: 'Everyone can act on cancer.', channel: 'bluesky', campaign, messages: ["The campaign's hashtag #WorldCancerDay is missing: add it"], suggestions: [{ title: 'Add #WorldCancerDay', output: 'Everyone can act on cancer. #WorldCancerDay' }] },
        {
          plan: true,
          text: '---\nname: World Cancer Day\nkeyMessages:\n  - id: act\n    text: Everyone can act to reduce the impact of cancer.\n---\n## x\nEveryone can act. #CancerCare\n\n## bluesky\nEveryone can act. #CancerCare\n\n## threads\nEveryone can act. #cancercare\n',
          messages: ['#cancercare is spelled #CancerCare in the other drafts of this plan: write #CancerCare'],
        },
      ],
    },
  },
  checkPlan({ campaign, drafts, report }) {
    // Tags the campaign does not define: every draft should still write each one the same way.
    const defined = new Set((campaign.hashtags ?? []).map((t) => t.toLowerCase()));
    const spellings = new Map<string, Map<string, number>>();
    for (const tag of drafts.flatMap((d) => d.hashtags)) {
      const key = tag.text.toLowerCase();
      if (defined.has(key)) continue;
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(tag.text, (counts.get(tag.text) ?? 0) + 1);
      spellings.set(key, counts);
    }
    for (const tag of drafts.flatMap((d) => d.hashtags)) {
      const counts = spellings.get(tag.text.toLowerCase());
      if (!counts || counts.size < 2) continue;
      // The spelling most drafts use (the first one written, on a tie) is the one to keep.
      const usual = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
      if (tag.text !== usual) report({ messageId: 'inconsistent', data: { hashtag: usual, found: tag.text }, start: tag.start, end: tag.end });
    }
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
