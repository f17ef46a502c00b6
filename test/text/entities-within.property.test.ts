import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/types.js';
import { entitiesWithin } from '../../src/text/edits.js';

// safeFix reads the entities around a fix by binary search: the same entities, in the same order, as a filter.
const entity = fc.tuple(fc.nat(60), fc.nat(12)).map(([start, length]): Entity => ({ type: 'hashtag', text: 'x', start, end: start + length }) as Entity);

describe('the entities within a stretch', () => {
  it('are those a filter finds, in order, whether or not the list is in order of starts', () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 30 }), fc.boolean(), fc.nat(70), fc.nat(30), (list, sort, from, length) => {
        const entities = sort ? [...list].sort((a, b) => a.start - b.start) : list;
        const to = from + length;
        expect(entitiesWithin(entities, from, to)).toEqual(entities.filter((e) => e.start >= from && e.end <= to));
      }),
      { numRuns: 5000 },
    );
  });
});
