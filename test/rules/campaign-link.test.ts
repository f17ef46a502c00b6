import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
const campaign = { name: 'Spot It Early', link: 'https://example.org/spot-it-early', keyMessages: [{ id: 'gp', text: 'See your GP about unusual changes.' }] };

tester.run('campaign-link', rules['campaign-link']!, {
  valid: [
    // The page is the same whatever the tracking (utm_*, fbclid, ref), www. or a trailing slash.
    { text: 'See your GP. https://www.example.org/spot-it-early/?utm_source=x&fbclid=1&ref=nav', channel: 'x', campaign },
    { text: 'See your GP. example.org/spot-it-early', channel: 'sms', campaign },
    { text: 'See your GP. https://example.org/news', channel: 'x' },
  ],
  invalid: [
    {
      text: 'See your GP. https://example.org/spot-it-early?page=2',
      channel: 'x',
      campaign,
      errors: [
        {
          message: "This link goes to https://example.org/spot-it-early?page=2, not the campaign's page: link to https://example.org/spot-it-early",
          range: [13, 53],
          suggestions: [{ title: 'Use https://example.org/spot-it-early', output: 'See your GP. https://example.org/spot-it-early' }],
        },
      ],
    },
  ],
});

describeRuleDocs('campaign-link');
