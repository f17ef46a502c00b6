import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, defineChannel, lint, measure, PostlintConfigError, rules } from '../../src/index.js';

// Options and channels from outside: anything wrong is a PostlintConfigError naming the key,
// never a TypeError from deep inside a rule or a counter.
function configErrorOrNothing(run: () => unknown, keyPrefix: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PostlintConfigError);
    expect((error as PostlintConfigError).key.startsWith(keyPrefix), (error as Error).message).toBe(true);
  }
}

const RUNS = 60;
const junk = fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true });
const text = 'Hi @jane_d your biopsy: https://exаmple.org 0808 800 4040 #tag\u200B 𝗙';

describe('option validation', () => {
  for (const id of Object.keys(rules)) {
    it(`${id}: any options give a result or a PostlintConfigError under rules.${id}`, () => {
      fc.assert(
        fc.property(fc.oneof(junk, fc.dictionary(fc.string(), junk), fc.record({ max: junk, allow: junk, shorteners: junk, allowedHosts: junk, allowedContacts: junk, defaultCountry: junk })), (options) => {
          configErrorOrNothing(() => lint({ text }, { preset: 'none', rules: { [id]: ['error', options as Record<string, unknown>] } }), `rules.${id}`);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('a rule setting of any shape is a result or an error naming the rule', () => {
    fc.assert(
      fc.property(junk, (setting) => {
        configErrorOrNothing(() => lint({ text }, { preset: 'none', rules: { 'max-length': setting as 'error' } }), 'rules.max-length');
      }),
      { numRuns: RUNS },
    );
  });

  it('defineChannel with any spec gives a channel or an error under channel', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.record({ id: junk, extends: fc.oneof(junk, fc.constantFrom(...Object.keys(channels))), limit: junk, counter: junk, purposes: junk }, { requiredKeys: [] })), (spec) => {
        configErrorOrNothing(() => {
          const channel = defineChannel(spec as never);
          lint({ text, channel });
        }, 'channel');
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('a channel object passed directly is checked field by field', () => {
    fc.assert(
      fc.property(fc.constantFrom('counter', 'limit', 'name', 'purposes', 'rendersMarkdown', 'maxBytes', 'id'), junk, (field, value) => {
        const broken = { ...channels.bluesky, [field]: value };
        configErrorOrNothing(() => lint({ text, channel: broken as never }), 'channel');
        configErrorOrNothing(() => lint({ text, channel: 'mine' }, { channels: { mine: broken as never } }), 'channels.mine');
        configErrorOrNothing(() => measure(text, 'mine', { channels: { mine: broken as never } }), 'channels.mine');
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('names the key and the fix in the message', () => {
    expect(() => lint({ text }, { rules: { 'max-length': ['error', { limit: 5 }] } })).toThrow('rules.max-length[1].limit: unknown option; this rule takes none');
    expect(() => lint({ text }, { rules: { 'max-links': ['error', { max: -1 }] } })).toThrow(/^rules\.max-links\[1\]\.max: /);
    expect(() => lint({ text }, { rules: { 'max-links': ['error', { maks: 1 }] } })).toThrow('rules.max-links[1].maks: unknown option; use one of max');
    expect(() => lint({ text, channel: { ...channels.x, counter: 'x' } as never })).toThrow(/^channel\.counter: expected a counter/);
    expect(() => lint({ text }, { channels: { a: { ...channels.x, limit: 'many' } as never } })).toThrow(/^channels\.a\.limit: /);
    expect(() => lint({ text, contentWarning: 3 as never })).toThrow('post.contentWarning: expected a string, got number');
    expect(() => lint({ text }, { plugins: { mine: {} as never } })).toThrow('plugins.mine: expected a plugin { rules: { "rule-id": rule } }');
    expect(() => lint({ text }, { plugins: { mine: { rules: { x: {} as never } } } })).toThrow('plugins.mine.rules.x: expected a rule made with defineRule({ meta, check })');
    expect(() => lint({ text }, { plugins: { 'a/b': { rules: {} } } })).toThrow('plugins.a/b: a plugin name is one word');
    expect(() => measure(3 as never, 'x')).toThrow('text: expected a string, got number');
  });

  it('names inherited from Object are not rules, presets or channels', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => lint({ text }, { preset: 'none', rules: { [name]: 'error' } })).toThrow(`rules.${name}: unknown rule`);
      expect(() => lint({ text }, { preset: name })).toThrow(`preset: unknown preset "${name}"`);
      expect(() => lint({ text, channel: name })).toThrow(`channel: unknown channel "${name}"`);
      expect(() => defineChannel({ id: 'a', extends: name })).toThrow(`channel.extends: unknown channel "${name}"`);
    }
  });

  it('a channel made by defineChannel passes the direct check', () => {
    const mine = defineChannel({ id: 'mine', extends: 'mastodon', limit: 1000 });
    expect(lint({ text, channel: 'mine' }, { channels: { mine } }).measure.limit).toBe(1000);
  });
});
