import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { forEachCluster, forEachClusterHolding } from '../../src/channels/graphemes.js';
import { lint } from '../../src/index.js';

// The old reading: every cluster of the draft (what Analysis.graphemeStarts lists), kept when it holds an offset.
function clustersHoldingByAll(text: string, offsets: readonly number[]): [number, number][] {
  const found: [number, number][] = [];
  forEachCluster(text, (segment, index) => {
    if (offsets.some((o) => o >= index && o < index + segment.length)) found.push([index, index + segment.length]);
  });
  return found;
}

function clustersHolding(text: string, offsets: readonly number[]): [number, number][] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const found: [number, number][] = [];
  forEachClusterHolding(text, (from) => sorted.find((o) => o >= from) ?? text.length, (start, end) => found.push([start, end]));
  return found;
}

// ASCII, CR LF, combining marks, joiners, variation selectors, emoji, skin tones, flags, a prepend mark, Hangul, lone surrogates, hidden characters.
const piece = fc.constantFrom('a', ' ', '\r', '\n', '\u0301', '\u200d', '\u200b', '\u00ad', '\ufe0f', '👩', '🏽', '🇬', '🇧', '\u0600', '\u1100', '\u1161', '\ud800', '\udc00', 'é', '©', '#', '1', '\u20e3', '𝐀', 'Ⓐ', '\u202e');
const drafts = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('forEachClusterHolding', () => {
  it('gives the clusters forEachCluster gives that hold an offset, in order', () => {
    fc.assert(
      fc.property(
        drafts.chain((text) => fc.tuple(fc.constant(text), fc.array(fc.nat({ max: Math.max(0, text.length - 1) }), { maxLength: 8 }))),
        ([text, offsets]) => {
          const inText = offsets.filter((o) => o < text.length);
          expect(clustersHolding(text, inText)).toEqual(clustersHoldingByAll(text, inText));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('gives every cluster when every offset is asked', () => {
    fc.assert(
      fc.property(drafts, (text) => {
        const every = Array.from({ length: text.length }, (_, i) => i);
        expect(clustersHolding(text, every)).toEqual(clustersHoldingByAll(text, every));
      }),
      { numRuns: 2000 },
    );
  });

  it('visits each cluster that holds an offset once, and asks for the next offset once per cluster', () => {
    // Non-ASCII throughout (no boundary forEachCluster restarts from) with a hidden character every few units.
    const text = 'é\u200bé'.repeat(20_000);
    let asked = 0;
    let visited = 0;
    forEachClusterHolding(
      text,
      (from) => {
        asked++;
        const at = text.indexOf('\u200b', from);
        return at === -1 ? text.length : at;
      },
      () => visited++,
    );
    expect(visited).toBe(20_000);
    expect(asked).toBe(20_001);
  });
});

describe('hidden-characters on drafts with hidden characters', () => {
  it('reports what it reported when it read every cluster of the draft', async () => {
    // The rule as it read before: every cluster (Analysis.graphemeStarts), those holding a candidate kept.
    vi.resetModules();
    vi.doMock('../../src/channels/graphemes.js', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../src/channels/graphemes.js')>()),
      forEachClusterHolding: (text: string, next: (from: number) => number, visit: (start: number, end: number) => void) => {
        let candidate = next(0);
        forEachCluster(text, (segment, index) => {
          const end = index + segment.length;
          if (candidate >= end || candidate >= text.length) return;
          visit(index, end);
          candidate = next(end);
        });
      },
    }));
    const old = (await import('../../src/index.js')).lint;
    vi.doUnmock('../../src/channels/graphemes.js');
    expect(old).not.toBe(lint);
    const options = { preset: 'none', rules: { 'hidden-characters': 'warn' } } as const;
    const withHidden = fc.array(fc.oneof(piece, fc.constantFrom('word ', '\u200b', '\u2066', '\u{E0041}', '\u180b', 'ملا', '\u200c')), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(withHidden, (text) => {
        expect(lint({ text, channel: 'x' }, options).messages).toEqual(old({ text, channel: 'x' }, options).messages);
      }),
      { numRuns: 1500 },
    );
  });
});
