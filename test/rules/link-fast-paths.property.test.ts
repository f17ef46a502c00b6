import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channels, lint, presets } from '../../src/index.js';
import { isWithin, parseAddress } from '../../src/rule/index.js';
import { nameOf } from '../../src/facts/links.js';
import { Analysis } from '../../src/facts/analysis.js';
import { domainList } from '../../rules/suspicious-link/domain-list.js';
import { scriptMix } from '../../rules/suspicious-link/script-mix.js';

// Each fast path of the link rules, whitespace and invalid-characters against the simple reading it replaced.
const RUNS = { numRuns: 400 };
const pick = (alphabet: string[], maxLength = 40) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((xs) => xs.join(''));

describe('query piece names', () => {
  const oldNameOf = (piece: string) => (piece === '' ? undefined : new URLSearchParams(piece).keys().next().value);
  const piece = fc.oneof(pick(['a', 'Z', '_', '=', '?', '%', '%2', '%41', '%e2%82%ac', '+', ' ', '\u00e9', '\ud83d\ude00', '\ud800', '\udc00', '#', '.', '\u0000']), fc.string({ unit: 'binary' }));
  it('reads every piece as URLSearchParams does', () => {
    fc.assert(
      fc.property(piece, (p) => {
        expect(nameOf(p)).toBe(oldNameOf(p));
      }),
      RUNS,
    );
  });
});

describe('domain lists', () => {
  const label = pick(['a', 'B', 'www', 'www.', '.', 'x', 'xn--', '-', '\u0130', '\u212a', 'K'], 8);
  it('finds and tests hosts as isWithin over the list does', () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 6 }), label, (domains, host) => {
        const list = domainList(domains);
        expect(list.find(host)).toBe(domains.find((d) => isWithin(host, d)));
        expect(list.within(host)).toBe(domains.some((d) => isWithin(host, d)));
      }),
      RUNS,
    );
  });
});

describe('script mixes', () => {
  // scriptMix without its ASCII shortcut: every letter classified.
  const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Han', 'Hiragana'].map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));
  const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
  const scriptsOf = (label: string) => new Set([...label].filter((c) => !NEUTRAL.test(c)).map((c) => SCRIPTS.find((s) => s.pattern.test(c))?.name ?? 'Other'));
  it('finds no mix in an ASCII label, and the same as a full reading otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), pick(['a', '-', '1', '\u0430', '\u03bf', '\u4e2d', '\u3042', '\u0301'])), (label) => {
        const scripts = scriptsOf(label);
        const mix = scriptMix(label);
        if (/^[\x00-\x7f]*$/.test(label)) expect(scripts.size).toBeLessThan(2);
        if (mix) expect(new Set(mix.scripts)).toEqual(scripts);
        else expect(scripts.size < 2 || [...scripts].every((s) => ['Latin', 'Han', 'Hiragana'].includes(s))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('whitespace and invalid characters', () => {
  const only = (id: string) => ({ preset: 'none' as const, rules: { [id]: presets.recommended![id]! } });
  const text = pick(['a', ' ', '\t', '\n', '\r', '.', '\u00a0', '\u3000', '\ufffe', '\ufeff', '\uffff', 'x '], 30);
  it('reports the runs of spaces a look-behind search over every line finds', () => {
    const INNER_RUN = /(?<=\S)[ \t]{2,}(?=\S)/g;
    fc.assert(
      fc.property(text, (t) => {
        const expected: [number, number][] = [];
        let lineStart = 0;
        for (const line of t.split('\n')) {
          if (!/^[ \t]*$/.test(line) || lineStart + line.length === t.length) for (const m of line.trimEnd().matchAll(INNER_RUN)) expected.push([lineStart + m.index!, lineStart + m.index! + m[0].length]);
          lineStart += line.length + 1;
        }
        const doubles = lint({ text: t, channel: 'x' }, only('whitespace')).messages.filter((m) => m.messageId === 'double');
        expect(doubles.map((m) => [m.start.offset, m.end.offset])).toEqual(expected);
      }),
      RUNS,
    );
  });
  it('reports every invalid code unit, in order, as a scan of each unit does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('x', 'bluesky', 'email'), (t, channel) => {
        const invalid: readonly string[] = channels[channel]!.invalidCharacters ?? [];
        const expected: number[] = [];
        for (let i = 0; i < t.length; i++) if (invalid.includes(t[i]!)) expected.push(i);
        const got = lint({ text: t, channel }, only('invalid-characters')).messages.map((m) => m.start.offset);
        expect(got).toEqual(expected);
      }),
      RUNS,
    );
  });
});

describe('campaign links', () => {
  // The campaign's page is kept from the last lint: drafts of different campaigns in turn must each read their own.
  const campaignLink = fc.constantFrom('https://example.org/a', 'https://example.org/a?utm_source=x', ' https://www.example.org/a/ ', 'https://example.org/b', 'https://EXAMPLE.org/a#top', 'http://example.org/a?id=2');
  const written = fc.constantFrom('https://example.org/a', 'example.org/a?utm_source=x', 'www.example.org/a/', 'https://example.org/b', 'example.org/a?id=2', 'no link', 'https://example.org/a#top');
  it("reports a draft whose links all miss the campaign's page, as parsing the campaign link each time does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(campaignLink, written), { minLength: 1, maxLength: 6 }), (pairs) => {
        for (const [link, written] of pairs) {
          const text = `See ${written.trim()} today`;
          const options = { preset: 'none' as const, rules: { 'campaign-link': 'warn' as const }, campaign: { name: 'C', link, keyMessages: [{ id: 'gp', text: 'See your GP.' }] } };
          const result = lint({ text, channel: 'x' }, options);
          const page = parseAddress(link.trim())?.page;
          const links = new Analysis(text).links;
          const expected = links.length > 0 && !links.some((l) => l.address !== undefined && l.address.page === page);
          expect(result.messages.some((m) => m.ruleId === 'campaign-link')).toBe(expected);
        }
      }),
      RUNS,
    );
  });
});
