import * as v from 'valibot';
import tracking from './data/tracking-parameters.json';
import { defineRule, safeFix } from '../src/rule/index.js';

// The WHATWG URL and URLSearchParams of the host (Node, browsers, editors); typed here because the core has no DOM or Node types.
interface WhatwgUrl {
  hostname: string;
}
const { URL: Url, URLSearchParams: SearchParams } = globalThis as unknown as {
  URL: new (href: string) => WhatwgUrl;
  URLSearchParams: new (query: string) => { keys(): IterableIterator<string> };
};

interface Matcher {
  test(name: string, host: string): boolean;
}

/** Names and prefixes (a trailing `*`), optionally only on some hosts, compared in lower case. */
function compile(entries: readonly { names: readonly string[]; hosts?: readonly string[] }[]): Matcher {
  const exact = new Map<string, readonly string[] | undefined>();
  const prefixes: { prefix: string; hosts?: readonly string[] }[] = [];
  for (const { names, hosts } of entries) {
    for (const name of names) {
      const lower = name.toLowerCase();
      if (lower.endsWith('*')) prefixes.push({ prefix: lower.slice(0, -1), hosts });
      else exact.set(lower, hosts);
    }
  }
  const onHost = (hosts: readonly string[] | undefined, host: string) => !hosts || hosts.includes(host);
  return {
    test(name, host) {
      const lower = name.toLowerCase();
      if (exact.has(lower) && onHost(exact.get(lower), host)) return true;
      return prefixes.some((p) => lower.startsWith(p.prefix) && onHost(p.hosts, host));
    },
  };
}

const TRACKERS = compile(tracking.parameters);

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
      sources: ['rules/data/tracking-parameters.json (who sets each parameter)', 'WHATWG URL Standard: application/x-www-form-urlencoded parsing'],
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
    const allowed = compile([{ names: options.allow }]);
    for (const link of analysis.urls) {
      const raw = link.text;
      const hash = raw.indexOf('#');
      const question = raw.indexOf('?');
      if (question < 0 || (hash >= 0 && hash < question)) continue;
      let host: string;
      try {
        host = new Url(/^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : 'https://' + raw).hostname;
      } catch {
        continue;
      }
      const queryEnd = hash >= 0 ? hash : raw.length;
      // Only the tracking pieces go; the others keep their exact spelling (URL's search setter would re-encode them).
      const pieces = raw.slice(question + 1, queryEnd).split('&');
      const found: string[] = [];
      const kept = pieces.filter((piece) => {
        const name = piece === '' ? undefined : new SearchParams(piece).keys().next().value;
        if (name === undefined || !TRACKERS.test(name, host) || allowed.test(name, host)) return true;
        found.push(name);
        return false;
      });
      if (found.length === 0) continue;
      const keep = kept.filter((piece) => piece !== '');
      const start = link.start + question + (keep.length > 0 ? 1 : 0);
      // A URL that ends inside a grapheme (before a combining mark) cannot lose its end safely: no fix then.
      const fix = safeFix(text, [{ range: [start, link.start + queryEnd], text: keep.join('&') }]);
      report({ messageId: 'tracking', data: { names: [...new Set(found)].join(', ') }, start: link.start, end: link.end, ...(fix ? { fix } : {}) });
    }
  },
});
