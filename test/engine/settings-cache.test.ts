import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rules, presets } from '../../src/index.js';
import { resolveSettings, settingsKey, type RuleSet } from '../../src/engine/settings.js';
import type { LintOptions } from '../../src/engine/options.js';

const ruleSet: RuleSet = { rules, presets };
// Options of another prototype take the identity cache: resolveUncached on the object itself, the plain reading.
const byIdentity = (options: LintOptions) => Object.assign(Object.create(null), options) as LintOptions;
const outcome = (resolve: () => unknown) => {
  try {
    return { settings: resolve() };
  } catch (error) {
    return { error: String(error), key: (error as { key?: string }).key };
  }
};

describe('settings resolved once per content for plain options', () => {
  it('gives a new options object of the same content the same settings, resolving nothing again', () => {
    const first = resolveSettings(ruleSet, { preset: 'recommended' });
    expect(resolveSettings(ruleSet, { preset: 'recommended' })).toBe(first);
    expect(resolveSettings(ruleSet, { preset: 'recommended', products: [], campaign: undefined, fix: false })).toBe(first);
    expect(resolveSettings(ruleSet, { preset: 'health' })).not.toBe(first);
    const withRule = { preset: 'none', rules: { 'max-hashtags': ['warn', { max: 2 }] } } as LintOptions;
    expect(resolveSettings(ruleSet, { ...withRule })).toBe(resolveSettings(ruleSet, JSON.parse(JSON.stringify(withRule))));
  });

  it('never hands back stale settings for an object changed after it was used', () => {
    const options: LintOptions = { preset: 'none', rules: { 'max-hashtags': ['warn', { max: 2 }] } };
    expect(resolveSettings(ruleSet, options).rules.map((r) => [r.id, r.options])).toEqual([['max-hashtags', { max: 2 }]]);
    (options.rules!['max-hashtags'] as [string, { max: number }])[1].max = 5;
    expect(resolveSettings(ruleSet, options).rules.map((r) => [r.id, r.options])).toEqual([['max-hashtags', { max: 5 }]]);
    options.rules!['max-hashtags'] = 'off';
    expect(resolveSettings(ruleSet, options).rules).toEqual([]);
    options.language = 'de';
    expect(resolveSettings(ruleSet, options).language).toBe('de');
    // The settings first resolved for { max: 2 } are still those of { max: 2 }: nothing they hold is the caller's.
    const again = resolveSettings(ruleSet, { preset: 'none', rules: { 'max-hashtags': ['warn', { max: 2 }] } });
    expect(again.rules.map((r) => [r.id, r.options])).toEqual([['max-hashtags', { max: 2 }]]);
  });

  it('keys only plain values: functions, undefined inside, holes, -0, other prototypes and custom channels or plugins go by identity', () => {
    expect(settingsKey({ preset: 'recommended' })).toBeDefined();
    for (const options of [
      { rules: { 'max-hashtags': undefined } },
      { rules: { 'max-hashtags': ['warn', { max: -0 }] } },
      { rules: { 'max-hashtags': ['warn', { max: Number.NaN }] } },
      { rules: { 'max-hashtags': ['warn', { max: () => 2 }] } },
      { rules: { 'max-hashtags': ['warn', new Map()] } },
      { rules: { 'max-hashtags': ['warn', { [Symbol('s')]: 1 }] } },
      // eslint-disable-next-line no-sparse-arrays
      { longFormChannels: ['web', , 'email'] },
      { channels: {} },
      { plugins: {} },
      Object.create(null),
      new (class Options {})(),
    ] as unknown as LintOptions[]) {
      expect(settingsKey(options), JSON.stringify(options)).toBeUndefined();
    }
    expect(() => resolveSettings(ruleSet, { rules: { 'max-hashtags': undefined } } as unknown as LintOptions)).toThrow(/rules\.max-hashtags/);
  });

  it('resolves random plain options as the identity cache does, errors included', () => {
    const ruleIds = [...Object.keys(rules), 'no-such-rule', '__proto__', 'constructor'];
    const severity = fc.constantFrom('off', 'warn', 'warning', 'error', 'info', 'bogus', 'constructor', 1, null, true);
    const ruleOptions = fc.oneof(
      fc.constant(undefined),
      fc.dictionary(fc.constantFrom('max', 'allowed', 'words', 'limit', 'bogus', 'level', '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const setting = fc.oneof(severity, fc.tuple(severity, ruleOptions).map(([s, o]) => (o === undefined ? [s] : [s, o])));
    const options = fc.record(
      {
        preset: fc.constantFrom('recommended', 'none', 'health', 'pharma', 'nope', 'constructor', 3),
        rules: fc.oneof(fc.dictionary(fc.constantFrom(...ruleIds), setting, { maxKeys: 4 }), fc.constant(null), fc.constant([])),
        language: fc.constantFrom('en', 'de', 'fr', 'auto', 'xx'),
        longFormChannels: fc.oneof(fc.array(fc.constantFrom('web', 'email', 'helpline', 'x')), fc.constant(['web', 3])),
        reportUnusedDisableDirectives: fc.constantFrom('off', 'warning', 'error', 'info', 'warn'),
      },
      { requiredKeys: [] },
      // As JSON gives them back: objects of Object's prototype, no undefined inside.
    ).map((o) => JSON.parse(JSON.stringify(o)) as LintOptions);
    fc.assert(
      fc.property(options, (opts) => {
        expect(settingsKey(opts)).toBeDefined();
        const ours = outcome(() => resolveSettings(ruleSet, opts));
        expect(ours).toEqual(outcome(() => resolveSettings(ruleSet, byIdentity(opts))));
        // Twice from a copy: the content cache's answer, whatever was resolved first.
        expect(outcome(() => resolveSettings(ruleSet, structuredClone(opts)))).toEqual(ours);
      }),
      { numRuns: 1000 },
    );
  });
});
