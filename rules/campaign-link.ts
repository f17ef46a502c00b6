import { defineRule, type Campaign } from '../src/rule/index.js';

const campaign: Campaign = { name: 'Spot It Early', link: 'https://example.org/spot-it-early', keyMessages: [{ id: 'gp', text: 'See your GP about unusual changes.' }] };
// Parameters that only say where a click came from: the page is the same without them.
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref|src)$/iu;

// Scheme, host, path and query of a URL as posts write it (the scheme is often left out).
const URL_PARTS = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)([^?#]*)(?:\?([^#]*))?/iu;

/** A URL reduced to what names the page: host without "www.", path without a trailing slash, no tracking parameters. */
export function pageOf(url: string): string {
  const [, host = '', path = '', query = ''] = URL_PARTS.exec(url.trim()) ?? [];
  const params = query
    .split('&')
    .filter((p) => p !== '' && !TRACKING.test(p.split('=')[0]!))
    .sort();
  return host.toLowerCase().replace(/^www\./u, '') + path.replace(/\/+$/u, '') + (params.length ? '?' + params.join('&') : '');
}

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
    const urls = analysis.urls;
    if (!link || urls.length === 0) return;
    const page = pageOf(link);
    if (urls.some((u) => pageOf(u.text) === page)) return;
    const first = urls[0]!;
    report({
      messageId: 'other',
      data: { link, found: first.text },
      start: first.start,
      end: first.end,
      suggestions: [{ title: `Use ${link}`, fix: { edits: [{ range: [first.start, first.end], text: link }] } }],
    });
  },
});
