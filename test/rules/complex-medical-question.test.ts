import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, presets } from '../../src/index.js';
import type { LintOptions } from '../../src/engine/options.js';

const only = (options?: Record<string, unknown>): LintOptions => ({
  preset: 'none',
  rules: { 'complex-medical-question': options ? ['error', options] : 'error' },
});
const WHERE = 'on the helpline, by email or in a web article';

describe('complex-medical-question', () => {
  it('is in the recommended preset as an error', () => {
    expect(presets.recommended!['complex-medical-question']).toBe('error');
  });

  it('names the signals, the long-form channels, and covers the sentence that asks', () => {
    const text = 'Lovely day for it!\nMy PSA is 6.1, should I worry?';
    const [message, ...rest] = lint({ text, channel: 'x' }, only()).messages;
    expect(rest).toEqual([]);
    expect(message!.message).toBe(
      `Reads as a personal medical question (first-person framing, 'psa is 6.1', treatment decision): answer it ${WHERE}, and post a pointer here instead.`,
    );
    expect(message!.severity).toBe('error');
    expect(message!.start).toEqual({ line: 2, column: 1, offset: 19 });
    expect(message!.end).toEqual({ line: 2, column: 31, offset: 49 });
  });

  it('carries the score, the threshold and every signal with its range', () => {
    const text = 'is 20mg tamoxifen safe with my warfarin?';
    const [message] = lint({ text, channel: 'sms' }, only()).messages;
    expect(message!.message).toBe(
      `Reads as a personal medical question ('20mg', 'tamoxifen', interactions or side effects): answer it ${WHERE}, and post a pointer here instead.`,
    );
    expect(message!.data).toMatchObject({ score: 5.5, threshold: 3 });
    expect((message!.data!.signals as { id: string; text: string; start: number; end: number }[]).map(({ id, text, start, end }) => [id, text, start, end])).toEqual([
      ['ask', text, 0, 40],
      ['dose', '20mg', 3, 7],
      ['drug', 'tamoxifen', 8, 17],
      ['interaction', 'safe with', 18, 27],
      ['first-person', 'my', 28, 30],
    ]);
  });

  it('flags a reply that gives individual advice', () => {
    const text = '@jo_k honestly i would stop the capecitabine for a week, the 2mg dose is too high for you';
    const messages = lint({ text, channel: 'threads' }, only()).messages;
    expect(messages.map((m) => [m.message, m.start.offset, m.end.offset])).toEqual([
      [`Reads as individual medical advice (individual advice, 'capecitabine', '2mg'): give it ${WHERE}, and post a pointer here instead.`, 0, 89],
    ]);
  });

  it('suggests the long-form channels the organisation configured', () => {
    const text = 'my dad got told stage 4 and the chemo isnt working what are his options';
    const [message] = lint({ text, channel: 'bluesky' }, { ...only(), longFormChannels: ['helpline', 'dm'] }).messages;
    expect(message!.message).toBe(
      "Reads as a personal medical question (framing about someone close, 'stage 4', treatment decision): answer it on the helpline or in a private message, and post a pointer here instead.",
    );
  });

  it.each([
    ['signposting', 'Worried about a symptom? Our nurses are here: 0808 157 0192 / read our guide https://example.org/symptoms'],
    ['an engagement question', 'What got you through your treatment? Tell us your favourite film 🍿'],
    ['research news', 'Can exercise lower your risk of cancer? Our new study says yes. Read it here: https://example.org/exercise'],
    ['a personal story', 'Diagnosed with stage 2 bowel cancer at 41. Surgery, 3 months of capecitabine, and today the all-clear.'],
    ['a question about the organisation', 'Is our helpline open on Christmas Day? Yes! 8am-8pm, call free on 0808 800 4040'],
    ['a thank-you reply', '@jim_k Thanks for sharing, Jim. Wishing your dad a smooth recovery after his surgery 💙'],
  ])('leaves %s alone', (_kind, text) => {
    expect(lint({ text, channel: 'x' }, only()).messages).toEqual([]);
  });

  it('is silent on long-form channels and on channels left out of its list', () => {
    const text = 'my CA125 is 48 is that ovarian cancer';
    expect(lint({ text, channel: 'x' }, only()).messages).toHaveLength(1);
    for (const channel of ['email', 'web', 'helpline', 'linkedin']) expect(lint({ text, channel }, only()).messages).toEqual([]);
    expect(lint({ text, channel: 'linkedin' }, only({ channels: ['linkedin'] })).messages).toHaveLength(1);
    expect(lint({ text, channel: 'x' }, only({ channels: ['linkedin'] })).messages).toEqual([]);
  });

  it('flags at the threshold and not above it', () => {
    const text = 'is 20mg tamoxifen safe with my warfarin?'; // score 5.5
    expect(lint({ text, channel: 'x' }, only({ threshold: 5.5 })).messages).toHaveLength(1);
    expect(lint({ text, channel: 'x' }, only({ threshold: 6 })).messages).toEqual([]);
  });

  it('takes extra terms from the options', () => {
    const text = 'is xyloquil ok for me';
    expect(lint({ text, channel: 'x' }, only()).messages).toEqual([]);
    const [message] = lint({ text, channel: 'x' }, only({ extraTerms: { drug: ['xyloquil'] } })).messages;
    expect(message!.message).toBe(`Reads as a personal medical question ('xyloquil', first-person framing): answer it ${WHERE}, and post a pointer here instead.`);
    const signposted = 'is xyloquil ok for me? ask the pharmacy team';
    expect(lint({ text: signposted, channel: 'x' }, only({ extraTerms: { drug: ['xyloquil'], signpost: ['pharmacy team'] } })).messages).toEqual([]);
  });

  it.each([
    [{ threshold: 'high' }, 'rules.complex-medical-question[1].threshold'],
    [{ channels: 'x' }, 'rules.complex-medical-question[1].channels'],
    [{ extraTerms: { drugz: ['x'] } }, 'rules.complex-medical-question[1].extraTerms.drugz'],
    [{ extraTerms: { drug: [''] } }, 'rules.complex-medical-question[1].extraTerms.drug.0'],
  ])('rejects bad options %j naming the key', (options, keyPath) => {
    let error: unknown;
    try {
      lint({ text: 'x', channel: 'x' }, only(options));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PostlintConfigError);
    expect((error as Error).message).toContain(keyPath);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '?', '@', '\uD800 is it cancer?', 'stage', '0'.repeat(10_000), 'is it safe? '.repeat(5_000), '£', '1.', 'T2N1M0']) {
      expect(() => lint({ text, channel: 'x' }, only())).not.toThrow();
    }
  });
});

describe('complex-medical-question with a low threshold', () => {
  it('names the medical term when it and the question form are all it found', () => {
    const [message] = lint({ text: 'is chemo ok?', channel: 'x' }, only({ threshold: 0 })).messages;
    expect(message!.message).toBe(`Reads as a medical question that needs a nuanced answer ('chemo'): answer it ${WHERE}, and post a pointer here instead.`);
  });
});

describeRuleDocs('complex-medical-question');
