import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Analysis } from '../../src/facts/analysis.js';
import { plainWordForms, tokenize } from '../../src/facts/words.js';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import { findPhoneRuns } from '../../src/facts/contacts.js';

describe('Analysis: each fact a lazy, memoised getter', () => {
  it('computes a fact on first use and hands every later reader the same object', () => {
    const analysis = new Analysis('Book at https://example.org/a?utm_source=x or call 0808 800 4040, #Screening @nhs');
    for (const fact of ['entities', 'words', 'sentences', 'links', 'ipLinks', 'markdownLinks', 'emails', 'phoneRuns', 'entityWords', 'thread', 'graphemeStarts'] as const) {
      expect(analysis[fact], fact).toBe(analysis[fact]);
    }
    expect(analysis.phoneNumbers('GB')).toBe(analysis.phoneNumbers('GB'));
    expect(analysis.links[0]!.query!.parameters.map((p) => [p.name, p.tracking])).toEqual([['utm_source', true]]);
    expect(analysis.phoneRuns.map((r) => r.digits)).toEqual([11]);
  });
});

describe('per-keystroke facts built without per-character garbage give what the plain readings give', () => {
  const PHONE_CHAR = /^[\d+()\-. \u00A0/]$/;
  // The regex reading findPhoneRuns had before it read character codes.
  const phoneRunsByRegex = (text: string) => {
    const runs: { start: number; end: number; digits: number }[] = [];
    for (let i = 0; i < text.length; ) {
      if (!/[\d+(]/.test(text[i]!)) {
        i++;
        continue;
      }
      let end = i;
      let digits = 0;
      let lastDigit = i;
      for (; end < text.length && PHONE_CHAR.test(text[end]!); end++) if (/[0-9]/.test(text[end]!)) (digits++, (lastDigit = end));
      if (digits >= 7) runs.push({ start: i, end: Math.max(lastDigit + 1, i + 1), digits });
      i = Math.max(end, i + 1);
    }
    return runs;
  };
  const pieces = ['a', ' ', '\r\n', '👩‍⚕️', '🇬🇧', '🇫', '1️⃣', '\u200d', '\ufe0f', 'é', 'e\u0301', '한', '0', '7', '+', '(', ')', '-', '.', '/', '\u00a0', '٣', '\ud800', '𝗙'];
  const drafts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));

  it('graphemeStarts: every cluster start graphemeSegments gives, then the length', () => {
    fc.assert(
      fc.property(drafts, (text) => {
        expect([...new Analysis(text).graphemeStarts]).toEqual([...[...graphemeSegments(text)].map((s) => s.index), text.length]);
      }),
      { numRuns: 1000 },
    );
  });

  it('phoneRuns: the runs of the regex reading', () => {
    fc.assert(
      fc.property(drafts, (text) => {
        expect(findPhoneRuns(text)).toEqual(phoneRunsByRegex(text));
      }),
    );
  });
});

describe('one URL parse per link, whichever rules read links', () => {
  const RealUrl = globalThis.URL;
  afterEach(() => {
    globalThis.URL = RealUrl;
    vi.resetModules();
  });

  it('parses each link of a draft once for link-tracking, suspicious-link, campaign-link and risk-link together', async () => {
    let parsed = 0;
    globalThis.URL = class extends RealUrl {
      constructor(...args: ConstructorParameters<typeof URL>) {
        super(...args);
        parsed++;
      }
    } as typeof URL;
    vi.resetModules();
    const { lint } = await import('../../src/index.js');
    const campaign = { name: 'Spot it', link: 'https://example.org/spot', keyMessages: [{ id: 'gp', text: 'See your GP.' }] };
    const options = { preset: 'none', rules: { 'link-tracking': 'warn', 'suspicious-link': 'warn', 'campaign-link': 'warn', 'risk-link': 'warn' }, campaign } as const;
    lint({ text: 'warm up https://example.org/x' }, options);
    const before = parsed;
    lint({ text: 'See https://example.org/a?utm_source=x and http://bit.ly/abc' }, options);
    // The two links in the draft: the campaign's own link, the same as in the warm-up, was parsed then.
    expect(parsed - before).toBe(2);
    lint({ text: 'See https://example.org/a', channel: 'x' }, { ...options, campaign: { ...campaign, link: 'https://example.org/other' } });
    // One link in the draft, and a campaign link not seen before.
    expect(parsed - before).toBe(4);
  });
});

describe('the words language detection reads', () => {
  const pieces = fc.constantFrom('und', 'the', 'le', 'Über', 'l’hôpital', "isn't", ' ', '.', '#', '@', '$', 'a', 'https://', 'x.org', '/', '\n', '’', '😀', 'e\u0301');
  it('are the words tokenize finds without a tag, whether or not the words were built first', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const analysis = new Analysis(text);
        const expected = tokenize(text, analysis.entities).filter((word) => !word.tag).map((word) => word.lower);
        expect(plainWordForms(text, analysis.entities)).toEqual(expected);
        const built = new Analysis(text);
        void built.words;
        expect(built.language).toBe(new Analysis(text).language);
      }),
    );
  });
});
