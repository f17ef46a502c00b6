import fc from 'fast-check';
import { graphemeSegments } from 'unicode-segmenter/grapheme';
import { describe, expect, it } from 'vitest';
import { defineChannel, measure, planThread, split, threadParts, threadEdits, THREAD_SEPARATOR, applyFix, type Channel, type ChannelId } from '../../src/index.js';
import { extractEntities } from '../../src/text/entities.js';

// Pieces of drafts as posts have them: words, sentence and clause ends, URLs, mentions, hashtags,
// cashtags, emoji sequences, combining marks, CJK, accented and non-GSM characters.
const word = fc.stringMatching(/^[a-z]{1,12}$/);
const piece = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => w + '.') },
  { weight: 2, arbitrary: word.map((w) => w + ',') },
  { weight: 1, arbitrary: word.map((w) => w.charAt(0).toUpperCase() + w.slice(1) + '?') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,20}$/).map((p) => `https://example.org/${p}?id=${p.length}`) },
  { weight: 1, arbitrary: word.map((w) => `@${w}_team`) },
  { weight: 1, arbitrary: word.map((w) => `#${w}Day`) },
  { weight: 1, arbitrary: fc.constantFrom('$ABC', '$NHS') },
  { weight: 1, arbitrary: fc.constantFrom('👩‍👩‍👧', '🇬🇧', '👍🏽', '❤️', '🏳️‍🌈', '🧑🏿‍⚕️') },
  { weight: 1, arbitrary: fc.constantFrom('cafe\u0301', 'naïve', 'Zoë', 'e\u0301te\u0301', 'Ångström') },
  { weight: 1, arbitrary: fc.constantFrom('癌症筛查', '乳がん', '검진') },
  { weight: 1, arbitrary: fc.constantFrom('9–5', '“quoted”', '€20', 'it’s') },
);
const space = fc.oneof({ weight: 12, arbitrary: fc.constant(' ') }, { weight: 2, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constant('\n\n') }, { weight: 1, arbitrary: fc.constant('  ') });
const draft = (maxPieces: number, minPieces = 1) =>
  fc.array(fc.tuple(piece, space), { minLength: minPieces, maxLength: maxPieces, size: 'max' }).map((pairs) => pairs.map(([p, s]) => p + s).join('').trim());

const sms3: Channel = defineChannel({ id: 'sms-3', extends: 'sms', limit: 3 });
const channels: { channel: ChannelId | Channel; pieces: number; runs: number }[] = [
  { channel: 'x', pieces: 200, runs: 60 },
  { channel: 'x-140', pieces: 120, runs: 60 },
  { channel: 'bluesky', pieces: 200, runs: 60 },
  { channel: 'mastodon', pieces: 300, runs: 40 },
  { channel: 'threads', pieces: 300, runs: 40 },
  { channel: 'sms', pieces: 80, runs: 12 },
  { channel: sms3, pieces: 150, runs: 6 },
  { channel: 'instagram', pieces: 900, runs: 8 },
];
const nameOf = (channel: ChannelId | Channel) => (typeof channel === 'string' ? channel : channel.id);
const words = (text: string) => text.split(/\s+/u).filter((w) => w !== '');
const graphemeStarts = (text: string) => new Set([...graphemeSegments(text)].map((s) => s.index).concat(text.length));

describe('split: properties on random drafts', () => {
  for (const { channel, pieces, runs } of channels) {
    it(`${nameOf(channel)}: every part fits, the words come back in order, nothing is cut inside an entity or grapheme, parts are even`, () => {
      let threads = 0;
      fc.assert(
        fc.property(draft(pieces, 5), (text) => {
          const plan = planThread(text, channel);
          const { parts, ranges, labels } = plan;
          if (measure(text, channel).fits) {
            expect(parts).toEqual([text]);
            return;
          }
          threads++;
          const total = parts.length;
          expect(total).toBeGreaterThanOrEqual(2);
          // Every part fits, its numbering included.
          for (const part of parts) expect(measure(part, channel).fits, JSON.stringify(part)).toBe(true);
          // Numbering " i/n" at the end; removing it and joining gives the draft's words, in order, all of them.
          parts.forEach((part, i) => expect(part.endsWith(` ${i + 1}/${total}`)).toBe(true));
          expect(labels).toEqual(parts.map((_, i) => `${i + 1}/${total}`));
          const bodies = parts.map((part, i) => part.slice(0, -` ${i + 1}/${total}`.length));
          expect(words(bodies.join(' '))).toEqual(words(text));
          bodies.forEach((body, i) => expect(body).toBe(text.slice(ranges[i]![0], ranges[i]![1])));
          // Cuts fall on grapheme boundaries and outside URLs, mentions, hashtags and cashtags.
          const boundaries = graphemeStarts(text);
          for (const [start, end] of ranges) {
            expect(boundaries.has(start) && boundaries.has(end)).toBe(true);
            for (const entity of extractEntities(text).entities) expect(entity.end <= start || entity.start >= end || (entity.start >= start && entity.end <= end)).toBe(true);
          }
          // Balanced: no stub. The shortest part is at least a fifth of the longest.
          const lengths = bodies.map((b) => b.length);
          expect(Math.min(...lengths), JSON.stringify(lengths)).toBeGreaterThanOrEqual(Math.max(...lengths) / 5);
        }),
        { numRuns: runs, seed: 20260127 },
      );
      // Most drafts are too long: the properties were checked on real threads.
      expect(threads).toBeGreaterThan(runs / 2);
    });
  }

  it('x: a word longer than a post is cut at grapheme boundaries, and nothing is lost', () => {
    const long = fc.array(fc.constantFrom('a', 'é', '👍🏽', '癌', 'e\u0301'), { minLength: 150, maxLength: 400 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(draft(20), long, draft(20), (before, middle, after) => {
        const text = `${before} ${middle} ${after}`;
        const { parts, ranges } = planThread(text, 'x');
        for (const part of parts) expect(measure(part, 'x').fits).toBe(true);
        const bodies = ranges.map(([s, e]) => text.slice(s, e));
        expect(bodies.join('').replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
        const boundaries = graphemeStarts(text);
        for (const [start, end] of ranges) expect(boundaries.has(start) && boundaries.has(end)).toBe(true);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});

describe('split: behaviour', () => {
  const text =
    'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. You can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm.';

  it('cuts at a sentence end into even parts rather than a full part and a stub', () => {
    expect(split(text, 'x')).toEqual([
      'Our breast screening clinic is open late on Thursdays this month. Screening takes about ten minutes, and a woman nurse carries it out. 1/2',
      'You can bring someone with you, and we can arrange an interpreter. Book online or call our nurses free on 0808 800 4040, Monday to Friday, 9am to 5pm. 2/2',
    ]);
  });

  it('prefers a paragraph break', () => {
    const first = 'Our clinic is open late on Thursdays. Screening takes ten minutes, and a woman nurse carries it out. You can bring someone.';
    const second = 'Book online or call us free. ' + 'Our nurses are here to help. '.repeat(5) + 'Thank you.';
    expect(split(`${first}\n\n${second}`, 'x')).toEqual([`${first} 1/2`, `${second} 2/2`]);
    // Without the paragraph break it cuts at the sentence end nearest the middle.
    expect(split(`${first} ${second}`, 'x')[0]).toBe(`${first} Book online or call us free. 1/2`);
  });

  it('returns a draft that fits as it is, and nothing for an empty one', () => {
    expect(split('  Short post.  ', 'x')).toEqual(['Short post.']);
    expect(split(' \n ', 'x')).toEqual([]);
    expect(split(text, 'email')).toEqual([text]);
  });

  it('numbers at the start, with another template, or not at all', () => {
    expect(split(text, 'x', { numbering: 'start' })[1]).toMatch(/^2\/2 You can/);
    expect(split(text, 'x', { template: '({n} of {total})' })[0]).toMatch(/ \(1 of 2\)$/);
    const bare = split(text, 'x', { numbering: 'none' });
    expect(bare).toHaveLength(2);
    expect(bare.join(' ')).toBe(text);
  });

  it('keeps a URL longer than a post whole, in a part of its own', () => {
    const url = 'https://example.org/' + 'a'.repeat(400);
    const parts = split(`Read this: ${url} today`, 'bluesky');
    expect(parts.some((p) => p.includes(url))).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const odd of ['\uD800'.repeat(400), '\u0301'.repeat(700), '\n'.repeat(1000) + 'a', 'x'.repeat(5000)]) {
      expect(() => split(odd, 'x')).not.toThrow();
    }
  });

  it('gives the edits that turn the draft into the thread joined by THREAD_SEPARATOR, which threadParts reads back', () => {
    const plan = planThread(`  ${text}\n`, 'x');
    const joined = applyFix(`  ${text}\n`, { edits: threadEdits(`  ${text}\n`, plan) });
    expect(joined).toBe(plan.parts.join(THREAD_SEPARATOR));
    expect(threadParts(joined!)).toEqual(plan.parts);
    const started = planThread(text, 'x', { numbering: 'start' });
    expect(applyFix(text, { edits: threadEdits(text, started, 'start') })).toBe(started.parts.join(THREAD_SEPARATOR));
  });
});
