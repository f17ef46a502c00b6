import * as v from 'valibot';
import { compileParameterNames, defineRule, safeFix } from '../src/rule/index.js';

export default defineRule({
  meta: {
    id: 'link-tracking',
    description: 'Links carry no tracking parameters (utm_*, fbclid, gclid, mc_eid...).',
    severity: 'warning',
    fixable: true,
    messages: { tracking: 'Tracking codes in this link ({names}): remove them; the page opens the same without them' },
    schema: v.object({ allow: v.array(v.string()) }),
    defaults: { allow: [] as string[] },
    docs: {
      why: "Tracking parameters make a link longer (SMS and Bluesky count every character), look like spam, and can identify people: Mailchimp's mc_eid names the subscriber whose newsletter the link was copied from. A campaign that wants its own utm_ tags can list them in `allow`.",
      sources: ['src/facts/data/tracking-parameters.json (who sets each parameter)', 'WHATWG URL Standard: application/x-www-form-urlencoded parsing'],
      correct: [
        { text: 'Read our guide https://example.org/guide?page=2', channel: 'bluesky' },
        { text: 'Register https://example.org/run?utm_campaign=run2026', channel: 'x', options: { allow: ['utm_campaign'] } },
      ],
      incorrect: [
        {
          text: 'Read our guide https://example.org/guide?utm_source=newsletter&page=2&mc_eid=4f2a',
          channel: 'bluesky',
          messages: ['Tracking codes in this link (utm_source, mc_eid): remove them; the page opens the same without them'],
          ranges: [[15, 81]],
          output: 'Read our guide https://example.org/guide?page=2',
        },
        {
          text: 'Donate: example.org/give?fbclid=IwAR0xyz#form',
          channel: 'sms',
          messages: ['Tracking codes in this link (fbclid): remove them; the page opens the same without them'],
          ranges: [[8, 45]],
          output: 'Donate: example.org/give#form',
        },
      ],
    },
  },
  check({ text, analysis, options, report }) {
    const allowed = compileParameterNames([{ names: options.allow }]);
    for (const link of analysis.links) {
      const { query, address } = link;
      if (!query || !address) continue;
      const found: string[] = [];
      const kept = query.parameters.filter(({ name, removable }) => {
        if (name === undefined || !removable || allowed.test(name, address.hostname)) return true;
        found.push(name);
        return false;
      });
      if (found.length === 0) continue;
      // Only the tracking pieces go; the others keep their exact spelling (URL's search setter would re-encode them).
      const keep = kept.map((p) => p.raw).filter((piece) => piece !== '');
      const start = query.start + (keep.length > 0 ? 1 : 0);
      // A URL that ends inside a grapheme (before a combining mark) cannot lose its end safely: no fix then.
      const fix = safeFix(text, [{ range: [start, query.end], text: keep.join('&') }], analysis.entities);
      report({ messageId: 'tracking', data: { names: [...new Set(found)].join(', ') }, start: link.start, end: link.end, ...(fix ? { fix } : {}) });
    }
  },
});
