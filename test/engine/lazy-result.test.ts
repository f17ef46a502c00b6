import { describe, expect, it } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../../src/index.js';
import { Analysis } from '../../src/facts/analysis.js';
import { keyMessageCoverage } from '../../src/facts/key-message-match.js';
import { checkedCampaign } from '../../src/engine/campaign-schema.js';
import { resolveChannel } from '../../src/channels/define.js';
import type { Campaign } from '../../src/core/types.js';

// lint() computes the result's language and key-message coverage when they are read. Read or not,
// the result must be the object the eager code built: the same keys in the same order, the same
// values, whatever reads it (JSON, structuredClone, deep equality, Object.keys, a spread).
const campaign: Campaign = {
  name: 'World Cancer Day 2026',
  hashtags: ['#WorldCancerDay'],
  keyMessages: [
    { id: 'early-diagnosis', text: 'Early diagnosis saves lives', also: ['finding it early saves lives'] },
    { id: 'know-the-signs', text: 'Know the signs and symptoms', channels: ['linkedin'] },
    { id: 'helpline', text: 'Our nurses are here to help' },
  ],
};

const drafts: { text: string; channel?: string; language?: 'en' | 'de' | 'fr' }[] = [
  { text: 'Early diagnosis saves lives. Know the signs! #WorldCancerDay' },
  { text: 'Our nurses are here to help, call them today.', channel: 'linkedin' },
  { text: 'Nothing to do with it at all.' },
  { text: '' },
  { text: 'Die Früherkennung rettet Leben. Unsere Pflegekräfte helfen Ihnen gern.' },
  { text: "N'attendez pas : le dépistage précoce sauve des vies.", channel: 'bluesky' },
  { text: 'Early diagnosis saves lives', language: 'de' },
  { text: 'Our nurses are here.\n\n<!-- postlint-disable max-length -->\nKnow the signs and symptoms ' + 'x'.repeat(300) },
];

const optionSets: LintOptions[] = [{ preset: 'none' }, { preset: 'none', campaign }, { preset: 'recommended', campaign }, { campaign, rules: { 'key-messages': 'off', 'campaign-link': 'warn' } }];

/** The result as lint() built it before: every field set as a value, in this order. */
function eager(draft: (typeof drafts)[number], options: LintOptions): LintResult {
  const post = { text: draft.text, channel: draft.channel ?? 'x' };
  const all = { ...options, ...(draft.language ? { language: draft.language } : {}) };
  const lazy = lint(post, all);
  // Computed afresh from a new analysis of the same text (positions are the directive-free draft's only without comments).
  const result: LintResult = { channel: lazy.channel, measure: lazy.measure, messages: lazy.messages, language: lazy.language };
  if (options.campaign) {
    const analysis = new Analysis(post.text, draft.language ? { language: draft.language } : {});
    result.keyMessages = post.text.includes('<!--') ? lazy.keyMessages : keyMessageCoverage(analysis, checkedCampaign(options.campaign), resolveChannel(post.channel), undefined);
  }
  return result;
}

const isUnread = (result: object, key: string) => typeof Object.getOwnPropertyDescriptor(result, key)?.get === 'function';

describe('lint() result: language and key-message coverage computed when read', () => {
  const cases = drafts.flatMap((draft) => optionSets.map((options) => ({ draft, options })));

  it('leaves both unread when no one asks, and lists their keys in the eager order', () => {
    for (const { draft, options } of cases) {
      if (draft.text.includes('<!--')) continue; // mapped to the file with directives: read then
      const result = lint({ text: draft.text, channel: draft.channel ?? 'x' }, { ...options, ...(draft.language ? { language: draft.language } : {}) });
      const keys = ['channel', 'measure', 'messages', 'language', ...(options.campaign ? ['keyMessages'] : [])];
      expect(Object.keys(result)).toEqual(keys);
      expect(isUnread(result, 'language')).toBe(true);
      if (options.campaign) expect(isUnread(result, 'keyMessages')).toBe(true);
      else expect('keyMessages' in result).toBe(false);
    }
  });

  it('is the eager result to JSON.stringify, structuredClone, toStrictEqual, Object.keys and a spread, each reading it first', () => {
    for (const { draft, options } of cases) {
      const expected = eager(draft, options);
      const fresh = () => lint({ text: draft.text, channel: draft.channel ?? 'x' }, { ...options, ...(draft.language ? { language: draft.language } : {}) });
      expect(JSON.stringify(fresh())).toBe(JSON.stringify(expected));
      expect(structuredClone(fresh())).toStrictEqual(structuredClone(expected));
      expect(fresh()).toStrictEqual(expected);
      expect(fresh()).toEqual(expected);
      expect(Object.keys(fresh())).toEqual(Object.keys(expected));
      const spread = { ...fresh() };
      expect(Object.getOwnPropertyDescriptors(spread)).toStrictEqual(Object.getOwnPropertyDescriptors({ ...expected }));
    }
  });

  it('computes once and keeps the value as a plain property; a write replaces it unread', () => {
    const result = lint({ text: 'Early diagnosis saves lives.' }, { preset: 'none', campaign });
    const first = result.keyMessages;
    expect(first?.carried).toEqual(['early-diagnosis']);
    expect(isUnread(result, 'keyMessages')).toBe(false);
    expect(Object.getOwnPropertyDescriptor(result, 'keyMessages')).toStrictEqual({ value: first, writable: true, enumerable: true, configurable: true });
    expect(result.keyMessages).toBe(first);
    expect(result.language).toBe('en');
    expect(Object.getOwnPropertyDescriptor(result, 'language')).toStrictEqual({ value: 'en', writable: true, enumerable: true, configurable: true });

    const written = lint({ text: 'Early diagnosis saves lives.' }, { preset: 'none', campaign });
    const replacement = { carried: [], missing: [], phrases: [] };
    written.keyMessages = replacement;
    expect(written.keyMessages).toBe(replacement);
    expect(Object.getOwnPropertyDescriptor(written, 'keyMessages')).toStrictEqual({ value: replacement, writable: true, enumerable: true, configurable: true });
  });
});
