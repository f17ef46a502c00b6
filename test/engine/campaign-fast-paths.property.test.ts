import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic, Position } from '../../src/core/types.js';
import { rules } from '../../rules/index.js';
import { presets } from '../../rules/presets.js';
import { lintDraft } from '../../src/engine/lint.js';
import { toSource } from '../../src/engine/campaign.js';
import { hasLazySuggestions, mapSuggestions, withoutSuggestions } from '../../src/core/lazy.js';
import { displayText, parseCampaignFile, type DisplayText } from '../../src/text/campaign-file.js';
import { lineStarts, positionAt } from '../../src/text/positions.js';
import { sourceOffset } from '../../src/text/campaign-file.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// The campaign plan's fast paths, each against the simple reading it replaced: every draft's result
// built with its language and key-message coverage set at once (not lazy, then read), and each
// message mapped to the Markdown source key by key (not a spread of it with its fix deleted).
const ruleSet = { rules, presets };
const campaign = {
  name: 'World Cancer Day 2026',
  hashtags: ['#WorldCancerDay'],
  keyMessages: [
    { id: 'early-diagnosis', text: 'Early diagnosis saves lives' },
    { id: 'know-the-signs', text: 'Know the signs and symptoms', channels: ['x'] },
    { id: 'helpline', text: 'Our nurses are here to help', also: ['call our nurses'] },
  ],
};
const CHANNELS = ['x', 'bluesky', 'linkedin', 'mastodon', 'threads', 'instagram', 'sms'] as const;
const SAYINGS = ['Early diagnosis saves lives. ', 'Know the signs! ', 'Call our nurses today ', '#worldcancerday ', '**bold** ', '[a](https://example.org/x?utm_source=y) ', 'https://bit.ly/3abc ', '\n\n', 'Not alone. '];
const draftTexts = fc.oneof(drafts, fc.array(fc.oneof(fc.constantFrom(...SAYINGS), drafts), { maxLength: 6 }).map((parts) => parts.join('')));
const withCampaign = fc.boolean();

/** The result as every reader sees it: its keys in order and its JSON. */
const asRead = (value: unknown) => ({ keys: Object.keys(value as object), json: JSON.stringify(value) });

// toSource as it read before: a spread of the diagnostic without its suggestions, the fix deleted and mapped back.
function referenceToSource(diagnostic: Diagnostic, display: DisplayText, markdown: string, position: (offset: number) => Position): Diagnostic {
  const start = sourceOffset(display, diagnostic.start.offset);
  const end = Math.max(start, sourceOffset(display, diagnostic.end.offset, diagnostic.end.offset > diagnostic.start.offset));
  const mapped: Diagnostic = { ...withoutSuggestions(diagnostic), start: position(start), end: position(end) };
  delete mapped.fix;
  const mapFix = (fix: NonNullable<Diagnostic['fix']>) => {
    const edits = [];
    for (const edit of fix.edits) {
      const [from, to] = edit.range;
      const s = sourceOffset(display, from);
      const e = to > from ? sourceOffset(display, to, true) : s;
      if (markdown.slice(s, e) !== display.text.slice(from, to)) return undefined;
      edits.push({ range: [s, e] as [number, number], text: edit.text });
    }
    return { edits };
  };
  const fix = diagnostic.fix && mapFix(diagnostic.fix);
  if (fix) mapped.fix = fix;
  mapSuggestions(diagnostic, mapped, (suggestions) =>
    suggestions.flatMap((s) => {
      const mappedFix = mapFix(s.fix);
      return mappedFix ? [{ title: s.title, fix: mappedFix }] : [];
    }),
  );
  return mapped;
}

describe('campaign plan fast paths', () => {
  it('maps a draft as written to its source as the map of every offset did', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(500), fc.array(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom(Infinity, -Infinity))), fc.boolean(), (text, start, offsets, isEnd) => {
        const everyOffset: DisplayText = { text, start, offsets: Array.from({ length: text.length + 1 }, (_, i) => start + i) };
        const asWritten: DisplayText = { text, start };
        for (const offset of [0, text.length, ...offsets]) expect(sourceOffset(asWritten, offset, isEnd)).toBe(sourceOffset(everyOffset, offset, isEnd));
      }),
      { numRuns: 500 },
    );
  });

  it('an eager draft result is the lazy one, read: the same keys in the same order, the same values', () => {
    fc.assert(
      fc.property(draftTexts, fc.constantFrom(...CHANNELS), withCampaign, (text, channel, hasCampaign) => {
        const options = { preset: 'recommended', ...(hasCampaign ? { campaign } : {}) };
        const lazy = lintDraft(ruleSet, { text, channel }, options).result;
        const eager = lintDraft(ruleSet, { text, channel }, options, undefined, true).result;
        // Plain data properties, never getters, on the eager result.
        for (const key of ['language', 'keyMessages'] as const) expect(Object.getOwnPropertyDescriptor(eager, key)?.get).toBeUndefined();
        expect('keyMessages' in eager).toBe(hasCampaign);
        expect(asRead(eager)).toEqual(asRead(lazy));
        expect(eager).toStrictEqual(lazy);
      }),
      { numRuns: 150 },
    );
  });

  it('maps every message to the source as the spread-and-delete reading did, suggestions lazy where they were', () => {
    fc.assert(
      fc.property(draftTexts, fc.constantFrom(...CHANNELS), fc.constantFrom('', '# Plan\n\n', '<!-- note -->\n'), (text, channel, before) => {
        const markdown = `---\nname: World Cancer Day 2026\nkeyMessages:\n  - id: helpline\n    text: Our nurses are here to help\n---\n${before}## ${channel}: one\n\n${text}\n`;
        const file = parseCampaignFile(markdown);
        const starts = lineStarts(markdown);
        const position = (offset: number) => positionAt(starts, Math.min(Math.max(0, offset), markdown.length));
        for (const section of file.sections) {
          const display = displayText(markdown, section.nodes);
          const messages = lintDraft(ruleSet, { text: display.text, channel }, { preset: 'recommended', campaign }).result.messages;
          for (const message of messages) {
            const fast = toSource(message, display, markdown, position);
            const simple = referenceToSource(message, display, markdown, position);
            expect(hasLazySuggestions(fast)).toBe(hasLazySuggestions(simple));
            expect(asRead(fast)).toEqual(asRead(simple));
            expect(fast).toStrictEqual(simple);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
