import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Coverage } from '../../src/rule/coverage.js';

// Coverage as it read before its ranges: a byte per UTF-16 unit of the text.
class UnitCoverage {
  #taken: Uint8Array | undefined;
  constructor(readonly length: number) {}
  claim(start: number, end: number): boolean {
    const taken = (this.#taken ??= new Uint8Array(this.length + 1));
    for (let i = start; i < end; i++) if (taken[i]) return false;
    taken.fill(1, start, end);
    return true;
  }
}

const answers = (coverage: { claim(start: number, end: number): boolean }, claims: [number, number][]) => claims.map(([start, end]) => coverage.claim(start, end));

describe('Coverage', () => {
  it('answers every claim as the byte-per-unit reading does, for ranges inside the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(fc.tuple(fc.nat(60), fc.nat(12)), { maxLength: 40 }), (length, pieces) => {
        // Short ranges, often touching or nested, in any order: what merging and the search must get right.
        const claims = pieces.map(([start, size]): [number, number] => [Math.min(start, length), Math.min(start + size, length)]);
        expect(answers(new Coverage(length), claims)).toEqual(answers(new UnitCoverage(length), claims));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers as the byte-per-unit reading does for offsets outside the text, reversed or not whole', () => {
    // Not ±Infinity: the byte-per-unit loop never ends on them, and neither does the fallback that keeps it.
    const offset = fc.oneof(fc.integer({ min: -5, max: 30 }), fc.double({ min: -5, max: 30, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(fc.tuple(offset, offset), { maxLength: 20 }), (length, claims) => {
        expect(answers(new Coverage(length), claims)).toEqual(answers(new UnitCoverage(length), claims));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps ranges, not a byte per unit: claims on a 50 MB text take no buffer of its length', () => {
    const before = process.memoryUsage().arrayBuffers;
    const coverage = new Coverage(50_000_000);
    expect(coverage.claim(10, 20)).toBe(true);
    expect(coverage.claim(20, 30)).toBe(true);
    expect(coverage.claim(15, 25)).toBe(false);
    expect(coverage.claim(49_999_990, 50_000_000)).toBe(true);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1_000_000);
  });
});
