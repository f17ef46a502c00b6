import { defineRule } from '../src/rule/index.js';

const plan = (drafts: string) => `---
name: Spot It Early
keyMessages:
  - id: early-diagnosis
    text: Cancer found early is more likely to be treated successfully.
  - id: see-your-gp
    text: If you notice a change that isn't normal for you, book an appointment with your GP.
    channels: [linkedin]
---
${drafts}`;

export default defineRule({
  meta: {
    id: 'campaign-coverage',
    description: 'Every key message of a campaign is carried by at least one draft of the plan, and on each channel that lists it.',
    severity: 'warning',
    fixable: false,
    messages: {
      uncovered: "No draft carries key message '{id}': add it to at least one draft",
      uncoveredOn: "Key message '{id}' is listed for {channel}, but no {channel} draft carries it: add it to one",
    },
    defaults: {},
    docs: {
      why: 'A plan is only as good as its weakest message: if no post says it, the audience never hears it. This rule looks at the whole campaign file (run with `lintCampaign` or the CLI on a `.md` plan); the CLI prints the coverage matrix of key messages by drafts. It points at the key message in the front matter. Drafts carry key messages as key-messages reads them, in English, German and French alike.',
      languages: ['en', 'de', 'fr'],
      correct: [
        {
          plan: true,
          text: plan('## x\nSpotting it sooner means treatment is more likely to work.\n\n## linkedin\nNoticed a change that is not normal for you? Book an appointment with your GP.\n'),
        },
      ],
      incorrect: [
        {
          plan: true,
          text: plan('## x\nSpotting it sooner means treatment is more likely to work.\n\n## bluesky\nNoticed a change that is not normal for you? Book an appointment with your GP.\n'),
          messages: ["Key message 'see-your-gp' is listed for linkedin, but no linkedin draft carries it: add it to one"],
        },
        {
          plan: true,
          text: plan('## linkedin\nNoticed a change that is not normal for you? Book an appointment with your GP.\n'),
          messages: ["No draft carries key message 'early-diagnosis': add it to at least one draft"],
        },
      ],
    },
  },
  check() {
    // Coverage is a property of the whole plan: see checkPlan.
  },
  checkPlan({ campaign, drafts, keyMessageRanges, report }) {
    for (const message of campaign.keyMessages) {
      const [start, end] = keyMessageRanges.get(message.id) ?? [0, 0];
      const carriers = drafts.filter((d) => d.keyMessages.carried.includes(message.id));
      if (carriers.length === 0) {
        report({ messageId: 'uncovered', data: { id: message.id }, start, end });
        continue;
      }
      for (const channel of message.channels ?? []) {
        if (!carriers.some((d) => d.channel.id === channel)) report({ messageId: 'uncoveredOn', data: { id: message.id, channel }, start, end });
      }
    }
  },
});
