import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedContacts, allowedContactsFor } from '../../rules/personal-data/allowed.js';

// The rule keeps its allowed contacts per options object; whatever is changed in place between
// lints, it must allow what a fresh reading of the same contacts allows.
describe('personal-data: allowed contacts kept per options object', () => {
  const contact = fc.oneof(
    fc.constantFrom('+44 20 7946 0958', '020 7946 0958', '0808 800 4040', '07911 123456', '(212) 555-0123', '+1 212 555 0123', 'hello@example.org', 'Nurses@Example.org', '', ' ', '12'),
    fc.string({ maxLength: 12 }),
  );
  const step = fc.oneof(
    fc.record({ op: fc.constant('push-listed' as const), value: contact }),
    fc.record({ op: fc.constant('push-phone' as const), value: contact }),
    fc.record({ op: fc.constant('set-listed' as const), value: contact }),
    fc.record({ op: fc.constant('pop' as const) }),
    fc.record({ op: fc.constant('country' as const), value: fc.constantFrom('GB', 'US', 'DE', 'FR') }),
    fc.record({ op: fc.constant('lint' as const) }),
  );

  it('allows what a fresh reading allows, after any change in place', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 3 }), fc.array(contact, { maxLength: 3 }), fc.array(step, { maxLength: 12 }), (listed, phones, steps) => {
        const options = { allowedContacts: [...listed], defaultCountry: 'GB' };
        const configured = [...phones];
        for (const s of steps) {
          if (s.op === 'push-listed') options.allowedContacts.push(s.value);
          else if (s.op === 'push-phone') configured.push(s.value);
          else if (s.op === 'set-listed' && options.allowedContacts.length > 0) options.allowedContacts[0] = s.value;
          else if (s.op === 'pop') configured.pop();
          else if (s.op === 'country') options.defaultCountry = s.value;
          expect([...allowedContactsFor(options, configured)].sort()).toEqual([...allowedContacts(options.allowedContacts, configured, options.defaultCountry)].sort());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads the contacts once while they stay the same', () => {
    const options = { allowedContacts: ['+44 20 7946 0958'], defaultCountry: 'GB' };
    const first = allowedContactsFor(options, ['0808 800 4040']);
    expect(first.has('+442079460958')).toBe(true);
    expect(first.has('+448088004040')).toBe(true);
    expect(allowedContactsFor(options, ['0808 800 4040'])).toBe(first);
    const changed = allowedContactsFor(options, ['0808 800 4041']);
    expect(changed).not.toBe(first);
    expect(changed.has('+448088004040')).toBe(false);
    options.allowedContacts.push('07911 123456');
    expect(allowedContactsFor(options, ['0808 800 4041']).has('+447911123456')).toBe(true);
  });
});
