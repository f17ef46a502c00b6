import { defineRule, parseAddress, type Campaign } from '../src/rule/index.js';

const campaign: Campaign = { name: 'Spot It Early', link: 'https://example.org/spot-it-early', keyMessages: [{ id: 'gp', text: 'See your GP about unusual changes.' }] };
export default defineRule({
  meta: {
    id: 'campaign-link',
    description: "A campaign draft that links uses the campaign's link (tracking parameters aside).",
    severity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: { other: "This link goes to {found}, not the campaign's page: link to {link}" },
    defaults: {},
    docs: {
      why: "One plan, one landing page: every channel's link should go where the campaign's content, tracking and call to action are. UTM and click-id parameters may differ per channel; the page may not. A draft without a link is left alone (Instagram captions, SMS replies).",
      correct: [
        { text: 'Noticed a change? See your GP. https://example.org/spot-it-early?utm_source=x', channel: 'x', campaign },
        { text: 'Noticed a change? See your GP.', channel: 'x', campaign },
      ],
      incorrect: [
        {
          text: 'Noticed a change? See your GP. https://example.org/news',
          channel: 'x',
          campaign,
          messages: ["This link goes to https://example.org/news, not the campaign's page: link to https://example.org/spot-it-early"],
          suggestions: [{ title: 'Use https://example.org/spot-it-early', output: 'Noticed a change? See your GP. https://example.org/spot-it-early' }],
        },
      ],
    },
  },
  check({ campaign, analysis, report }) {
    const link = campaign?.link;
    const links = analysis.links;
    if (!link || links.length === 0) return;
    // Tracking parameters (src/facts/data/tracking-parameters.json) may differ per channel; the page may not.
    const page = campaignPage(link);
    if (links.some((l) => l.address !== undefined && l.address.page === page)) return;
    const first = links[0]!.entity;
    report({
      messageId: 'other',
      data: { link, found: first.text },
      start: first.start,
      end: first.end,
      suggestions: [{ title: `Use ${link}`, fix: { edits: [{ range: [first.start, first.end], text: link }] } }],
    });
  },
});

// A campaign's link is the same on every draft of it: its page is parsed (a WHATWG URL) once, not per lint.
let lastLink: string | undefined;
let lastPage: string | undefined;

function campaignPage(link: string): string | undefined {
  if (link !== lastLink) {
    lastPage = parseAddress(link.trim())?.page;
    lastLink = link;
  }
  return lastPage;
}
