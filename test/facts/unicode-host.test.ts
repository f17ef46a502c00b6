import fc from 'fast-check';
import punycode from 'punycode/punycode.js';
import { describe, expect, it } from 'vitest';
import { unicodeHost } from '../../src/facts/links.js';

// unicodeHost skips punycode for hosts it would give back unchanged; the plain reading always asks it.
const plain = (host: string) => {
  try {
    return punycode.toUnicode(host);
  } catch {
    return host;
  }
};

describe('unicodeHost', () => {
  const piece = fc.constantFrom('xn--', 'XN--', 'xn-', 'e1afmkfd', '80ak6aa92e', 'example', 'www', 'nhs', 'uk', '.', '@', '@@', '\u3002', '\uFF0E', '\uFF61', '-', 'a', 'é', '', 'xn--zz', 'xn--a-ecp');
  const host = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((p) => p.join('')));

  it('gives what punycode gives, on any host', () => {
    fc.assert(fc.property(host, (h) => {
        expect(unicodeHost(h)).toBe(plain(h));
      }), { numRuns: 3000 });
    for (const h of ['xn--80ak6aa92e.com', 'www.xn--e1afmkfd.xn--p1ai', 'a@xn--80ak6aa92e.com', 'a@b@c', 'example\u3002org', 'XN--80AK6AA92E.com', 'xn--', 'nhs.uk']) expect(unicodeHost(h)).toBe(plain(h));
  });
});
