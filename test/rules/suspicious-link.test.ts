import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const only = (options?: Record<string, unknown>) => ({ preset: 'none', rules: { 'suspicious-link': options ? (['warn', options] as ['warn', Record<string, unknown>]) : ('warn' as const) } });
const found = (text: string, channel = 'x', options?: Record<string, unknown>) =>
  lint({ text, channel }, only(options)).messages.map((m) => [m.messageId, m.start.offset, m.end.offset]);
const messages = (text: string, channel = 'x', options?: Record<string, unknown>) => lint({ text, channel }, only(options)).messages.map((m) => m.message);

describe('suspicious-link', () => {
  it('finds a Cyrillic letter in a domain written without protocol, over the whole domain', () => {
    // twitter-text alone sees only "mple.org" after the Cyrillic "а".
    expect(found('Book at exаmple.org today')).toEqual([['mixedScripts', 8, 19]]);
  });

  it('names the odd letters and their scripts', () => {
    expect(messages('https://pаypаl.com/x')).toEqual([
      'Link domain "pаypаl.com" mixes Latin and Cyrillic letters ("а" U+0430 Cyrillic): look-alike letters can imitate another domain',
    ]);
  });

  it('accepts Japanese mixes that UTS #39 allows, but flags the domain as internationalised', () => {
    expect(found('https://例え.jp/x')).toEqual([['idn', 0, 15]]);
  });

  it('does not pull a CJK sentence into a link without protocol', () => {
    expect(found('请访问example.org')).toEqual([]);
  });

  it('checks a Markdown link once, over the whole link', () => {
    const text = 'See [our guide](http://bit.ly/x) now';
    expect(found(text, 'email')).toEqual([
      ['shortener', 4, 32],
      ['insecure', 4, 32],
    ]);
  });

  it('offers https for an http link written in the draft', () => {
    const [message] = lint({ text: 'Go to http://example.org/a', channel: 'x' }, only()).messages;
    expect(message!.suggestions).toEqual([{ title: 'Use https://', fix: { edits: [{ range: [6, 10], text: 'https' }] } }]);
  });

  it('compares a link text that names a domain with the target, subdomains allowed', () => {
    expect(found('[nhs.uk](https://www.nhs.uk/conditions)', 'web')).toEqual([]);
    expect(found('[www.nhs.uk](https://nhs.uk)', 'web')).toEqual([]);
    expect(found('[Read more](https://example.org)', 'web')).toEqual([]);
    expect(messages('[https://nhs.uk/help](https://nhs.uk.evil.example/help)', 'web')).toEqual(['The link text shows nhs.uk but the link goes to nhs.uk.evil.example: show the address it really goes to']);
  });

  it('finds IPv4 and IPv6 hosts, which twitter-text does not extract', () => {
    expect(found('a http://10.0.0.1:8080/x b https://[2001:db8::1]/y')).toEqual([
      ['ipAddress', 2, 24],
      ['insecure', 2, 24],
      ['ipAddress', 27, 50],
    ]);
  });

  it('reads shortener lists and allowed hosts from its options', () => {
    expect(found('https://go.example.org/abc', 'x', { shorteners: ['go.example.org'] })).toEqual([['shortener', 0, 26]]);
    expect(found('https://bit.ly/abc', 'x', { shorteners: [] })).toEqual([]);
    expect(found('https://xn--80ak6aa92e.com', 'x', { allowedHosts: ['аррӏе.com'] })).toEqual([]);
  });

  it('rejects a wrong option with its key', () => {
    expect(() => found('x', 'x', { allowedHost: [] })).toThrow('rules.suspicious-link[1].allowedHost: unknown option; use one of shorteners, allowedHosts');
    expect(() => found('x', 'x', { shorteners: [''] })).toThrow(/^rules\.suspicious-link\[1\]\.shorteners\.0: /);
  });

  it('ignores links that are fine and schemes that are not web links', () => {
    expect(found('https://www.cancerresearchuk.org/about-cancer mailto:a@b.org [x](tel:+441234)', 'web')).toEqual([]);
  });
});

describeRuleDocs('suspicious-link');
