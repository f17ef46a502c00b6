import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, type LintOptions } from '../../src/index.js';

const only = (id: string) => ({ preset: 'none', rules: { [id]: 'error' as const } });
const contacts = { phones: ['020 7946 0958'], emails: ['press@charity.example'], addresses: ['1 Main Street, London SW1A 2AA'], handles: ['@OurNurses'], domains: ['example.org'] };
const messages = (text: string, id: string, withContacts = true) => lint({ text, channel: 'x' }, { ...only(id), ...(withContacts ? { contacts } : {}) }).messages.map((m) => m.messageId);

describe('contacts: the organisation’s own details', () => {
  it('personal-data passes its numbers, emails (and emails at its domains), address and handle', () => {
    expect(messages('Call us on 020 7946 0958', 'personal-data', false)).toEqual(['phone']);
    expect(messages('Call us on 020 7946 0958', 'personal-data')).toEqual([]);
    expect(messages('Email nurses@example.org or press@charity.example', 'personal-data')).toEqual([]);
    expect(messages('Email jane.doe@elsewhere.com', 'personal-data')).toEqual(['email']);
    expect(messages('Visit us at 1 Main Street, London SW1A 2AA', 'personal-data')).toEqual([]);
    expect(messages('@OurNurses your biopsy guide is ready', 'personal-data', false)).toEqual(['healthDetail']);
    expect(messages('@OurNurses your biopsy guide is ready', 'personal-data')).toEqual([]);
    // Someone else's number is still reported, and the message names the setting.
    const [phone] = lint({ text: 'Call Jo on 07911 123456', channel: 'x' }, { ...only('personal-data'), contacts }).messages;
    expect(phone!.message).toContain('(if it is yours, list it under contacts in the config)');
  });

  it('complex-medical-question counts a pointer to the organisation as signposting', () => {
    // The learned model reads it as the signpost signal: it lowers the probability, it does not decide alone.
    const text = 'Is a PSA of 4.1 something to worry about? Ask @OurNurses';
    const scored = (draft: string, withContacts: boolean) => {
      const options: LintOptions = { preset: 'none', rules: { 'complex-medical-question': ['error', { threshold: 0 }] }, ...(withContacts ? { contacts } : {}) };
      const data = lint({ text: draft, channel: 'x' }, options).messages[0]!.data as { probability: number; signals: { id: string; start: number; end: number }[] };
      return { probability: data.probability, signpost: data.signals.find((s) => s.id === 'signpost') };
    };
    const without = scored(text, false);
    const withOwn = scored(text, true);
    expect(without.signpost).toBeUndefined();
    expect(withOwn.signpost).toMatchObject({ start: text.indexOf('@OurNurses'), end: text.length });
    expect(withOwn.probability).toBeLessThan(without.probability);
    // Another handle is not the organisation's.
    const other = text.replace('@OurNurses', '@someone');
    expect(scored(other, true)).toEqual(scored(other, false));
    // A link to one of its domains signposts too.
    const linked = 'Is a PSA of 4.1 something to worry about? https://example.org/psa';
    expect(scored(linked, true).signpost).toBeDefined();
    expect(scored(linked, true).probability).toBeLessThan(scored(linked, false).probability);
  });

  it('names the key of a mistake', () => {
    expect(() => lint({ text: 'x' }, { contacts: { phone: ['1'] } as never })).toThrow(new PostlintConfigError('contacts.phone', 'unknown key; contacts has phones, emails, addresses, handles, domains'));
    expect(() => lint({ text: 'x' }, { contacts: { emails: [''] } })).toThrow(PostlintConfigError);
    expect(() => lint({ text: 'x' }, { contacts: { domains: 'example.org' } as never })).toThrow(/contacts\.domains: expected a list/);
  });

  it('finds emails in linear time: a long run of letters before an at sign', () => {
    const text = 'Is a PSA of 4.1 worrying? ' + ('a'.repeat(60) + '@').repeat(5000);
    const result = lint({ text, channel: 'x' }, { ...only('complex-medical-question'), contacts });
    expect(result.messages.map((m) => m.messageId)).toEqual(['nuanced']);
  });
});
