import * as v from 'valibot';
import shortenerData from '../data/link-shorteners.json';
import { defineRule, entryOf, shippedLexicon, type Address, type MarkdownLinkFact, type Report, Coverage, isIpHost, isWithin, stripWww } from '../../src/rule/index.js';
import { domainList } from './domain-list.js';
import { scriptMix } from './script-mix.js';

interface Options {
  /** Hosts that hide a link's destination; replaces the built-in list (rules/data/link-shorteners.json). */
  shorteners: string[];
  /** Hosts the organisation trusts (its own short domain, an IDN it owns): never flagged. */
  allowedHosts: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'suspicious-link',
    description: 'Links show where they go: no look-alike domains, no text that names another site, https, no shorteners, no bare IP addresses.',
    severity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: {
      mixedScripts: 'Link domain "{host}" mixes {scripts} letters ({odd}): look-alike letters can imitate another domain',
      idn: 'Link domain "{host}" is internationalised ({ascii}): check it is the site you mean, as look-alike letters can imitate another domain',
      mismatch: 'The link text shows {shown} but the link goes to {target}: show the address it really goes to',
      insecure: 'Link "{url}" uses http: use https so nobody can change the page on the way',
      shortener: 'Link shortener {host} hides where "{url}" goes: use the full address',
      ipAddress: 'Link "{url}" goes to an IP address, so readers cannot tell whose site it is: link to the site by its name',
    },
    schema: v.strictObject({
      shorteners: v.array(v.pipe(v.string(), v.minLength(1))),
      allowedHosts: v.array(v.pipe(v.string(), v.minLength(1))),
    }),
    defaults: { shorteners: entryOf(shippedLexicon(shortenerData, 'link-shorteners.json'), 'shorteners').phrases, allowedHosts: [] },
    docs: {
      why:
        'Health misinformation and phishing spread through links that look trustworthy. A reader checks the domain before clicking: a Cyrillic "а" in "exаmple.org", a punycode (xn--) domain, link text naming one site while the link opens another, a shortener or an IP address all defeat that check, and http lets anyone on the network change the page. Severity is a warning in `recommended`: a shortener or an http link is poor practice rather than a leak, and an organisation may own an internationalised domain (list it in `allowedHosts`).',
      sources: [
        'Unicode UTS #39 (Security Mechanisms): mixed-script detection, "Highly Restrictive" level',
        'WHATWG URL Standard (host parsing, IDNA to punycode)',
        'NCSC (UK) phishing guidance: check the real destination of links',
        'NHS Digital service manual: use https everywhere',
      ],
      correct: [
        { text: 'Read our guide https://www.nhs.uk/conditions/', channel: 'x' },
        { text: 'Read [nhs.uk](https://www.nhs.uk/conditions/)', channel: 'email' },
        { text: 'Short link: https://ch.ar/guide', channel: 'x' },
        { text: 'https://bit.ly/guide', channel: 'x', options: { allowedHosts: ['bit.ly'] } },
      ],
      incorrect: [
        { text: 'Book at https://exаmple.org/book', channel: 'x', messages: ['Link domain "exаmple.org" mixes Latin and Cyrillic letters ("а" U+0430 Cyrillic): look-alike letters can imitate another domain'] },
        { text: 'Book at xn--80ak6aa92e.com', channel: 'x', messages: ['Link domain "аррӏе.com" is internationalised (xn--80ak6aa92e.com): check it is the site you mean, as look-alike letters can imitate another domain'] },
        { text: 'See [nhs.uk](https://nhs-help.example.com/login)', channel: 'email', messages: ['The link text shows nhs.uk but the link goes to nhs-help.example.com: show the address it really goes to'] },
        { text: 'Details: http://example.org/clinic', channel: 'x', messages: ['Link "http://example.org/clinic" uses http: use https so nobody can change the page on the way'], suggestions: [{ title: 'Use https://', output: 'Details: https://example.org/clinic' }] },
        { text: 'Details: https://bit.ly/3abc', channel: 'x', messages: ['Link shortener bit.ly hides where "https://bit.ly/3abc" goes: use the full address'] },
        { text: 'Results: https://192.168.10.4/results', channel: 'x', messages: ['Link "https://192.168.10.4/results" goes to an IP address, so readers cannot tell whose site it is: link to the site by its name'] },
      ],
    },
  },
  check({ text, analysis, options, report }) {
    // Each link is checked once: a Markdown link's target is also a twitter-text URL.
    const coverage = new Coverage(text.length);
    const allowedHosts = domainList(options.allowedHosts);
    const shorteners = domainList(options.shorteners);

    // Markdown links first: their text and target are both known.
    for (const link of analysis.markdownLinks) checkMarkdownLink(link);
    for (const link of analysis.links) {
      if (coverage.claim(link.start, link.end)) checkAddress(link.address, link.text, link.writtenStart, link.end, link.writtenStart);
    }
    for (const link of analysis.ipLinks) {
      if (coverage.claim(link.start, link.end)) checkAddress(link.address, link.text, link.start, link.end, link.start);
    }

    function checkMarkdownLink(link: MarkdownLinkFact) {
      const { start, end, address: target, shown, shownText } = link;
      if (!coverage.claim(start, end)) return;
      if (!target || !/^https?:$/.test(target.protocol)) return;
      if (shown && !/\s/.test(shownText) && /\.\p{L}{2,63}$/u.test(shown.unicodeHost) && !sameSite(shown.hostname, target.hostname)) {
        report({ messageId: 'mismatch', data: { shown: stripWww(shown.unicodeHost), target: target.unicodeHost }, start, end });
      }
      checkAddress(target, link.url, start, end, link.urlAt);
    }

    /** Checks one address; `schemeAt` is where it is written in the draft, for the https suggestion (-1: not written as is). */
    function checkAddress(url: Address | undefined, address: string, start: number, end: number, schemeAt: number) {
      if (!url || !/^https?:$/.test(url.protocol)) return;
      const host = url.hostname;
      const unicode = url.unicodeHost;
      if (allowedHosts.within(host) || allowedHosts.within(unicode)) return;
      const shown = address.length > 60 ? address.slice(0, 57) + '...' : address;
      const found: Report[] = [];
      if (isIpHost(host)) found.push({ messageId: 'ipAddress', data: { url: shown }, start, end });
      const mixedLabel = unicode.split('.').map(scriptMix).find((mix) => mix !== undefined);
      if (mixedLabel) {
        const odd = [...new Map(mixedLabel.odd.map((o) => [o.char, o])).values()].slice(0, 3);
        found.push({
          messageId: 'mixedScripts',
          data: { host: unicode, scripts: mixedLabel.scripts.join(' and '), odd: odd.map((o) => `"${o.char}" ${codePoint(o.char)} ${o.script}`).join(', ') },
          start,
          end,
        });
      } else if (unicode !== host || /(?:^|\.)xn--/i.test(host)) {
        found.push({ messageId: 'idn', data: { host: unicode, ascii: host }, start, end });
      }
      const shortener = shorteners.find(host);
      if (shortener) found.push({ messageId: 'shortener', data: { host: stripWww(host), url: shown }, start, end });
      if (url.protocol === 'http:') {
        const insecure: Report = { messageId: 'insecure', data: { url: shown }, start, end };
        if (schemeAt >= 0 && text.slice(schemeAt, schemeAt + 7).toLowerCase() === 'http://') {
          insecure.suggestions = [{ title: 'Use https://', fix: { edits: [{ range: [schemeAt, schemeAt + 4], text: 'https' }] } }];
        }
        found.push(insecure);
      }
      for (const item of found) report(item);
    }
  },
});

function sameSite(shown: string, target: string): boolean {
  return isWithin(target, shown) || isWithin(shown, target);
}

function codePoint(char: string): string {
  return 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
