import fc from 'fast-check';

// Pieces a real or hostile draft is made of; the fuzzers join random runs of them.
const FRAGMENTS = [
  '\u202E', '\u2066', '\u2069', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\uFE0F', '\u{E0041}', '\u{E007F}',
  '\u0000', '\u0007', '\u001B[31m', '\r\n', '\r', '\n', '\t', '\u2028', '\u0085',
  'שלום', 'مرحبا', 'می‌خواهم', '\u0301', '\u0308\u0308\u0308', 'e\u0301', 'Z̤̈́a̫͂l͍̈g̹̾o̟̔',
  '👍🏽', '👩‍⚕️', '👨‍👩‍👧‍👦', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🇬🇧', '1️⃣', '🏽🏽🏽', '\u200D👍', '𝗙𝗿𝗲𝗲', 'Ⓐ', '漢字', 'ｆｕｌｌ',
  '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFFFF', '\uFFFE',
  '**bold**', '_it_', '`code`', '```\nfence\n```', '# Heading\n', '> quote\n', '- item\n', '1. item\n', '[text](https://example.org)',
  '[nhs.uk](http://evil.example.com)', '![alt](x.png)', '<https://example.org>', '<a href="https://x.org">y</a>', '<script>', '&amp;', '---\n',
  'https://example.org/path?q=1#f', 'http://192.168.0.1/x', 'https://[::1]/', 'exаmple.org', 'xn--80ak6aa92e.com', 'bit.ly/abc', 'www.nhs.uk',
  '@jane_d', '@user@mastodon.social', '#WorldCancerDay', '$TSLA', 'jane@example.org', '0808 800 4040', '+44 20 7946 0958',
  '943 476 5919', 'DOB 12/03/1985', 'MRN: A1234567', 'SW1A 2AA', '10 Downing Street', ' your biopsy results', 'Hi Sam, ',
  ' ', '  ', '.', ':/', '(', ')', '#', '@', '*', '[', ']', '<', '>', '_', '~', '|', '\\',
];

/** Any UTF-16 code unit sequence, lone surrogates included. */
export const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
/** Any code points, astral included. */
export const codePoints = fc.string({ unit: 'binary', maxLength: 200 });
/** Runs of fragments: the shapes rules look for, mixed with what breaks parsers. */
export const fragments = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
/** A fragment repeated many times: long runs of emoji modifiers, joiners, brackets... */
export const runs = fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 150 }), fragments).map(([part, times, tail]) => part.repeat(times) + tail);

export const drafts = fc.oneof(codeUnits, codePoints, fragments, runs);
