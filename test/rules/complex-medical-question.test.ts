import { describe, expect, it } from 'vitest';
import { lint, PostlintConfigError, presets } from '../../src/index.js';
import type { LintOptions } from '../../src/engine/options.js';
import model from '../../rules/data/complex-medical-question/model.en.json';

const only = (options?: Record<string, unknown>): LintOptions => ({
  preset: 'none',
  rules: { 'complex-medical-question': options ? ['error', options] : 'error' },
});
const flagged = (text: string, channel = 'x', options?: Record<string, unknown>) => lint({ text, channel }, only(options)).messages;
const POINT = 'and post only a short reply here that points there, such as your helpline number or a link to your guide.';
const WHERE = 'on the helpline, by email or in a web article';

describe('complex-medical-question', () => {
  it('is in the recommended preset, at the threshold chosen on leave-one-author-out folds', () => {
    expect(presets.recommended!['complex-medical-question']).toBe('error');
    const [message] = flagged('is 20mg tamoxifen safe with my warfarin?');
    expect(message!.data).toMatchObject({ threshold: model.threshold });
  });

  it('says what reads as personal, where to answer it, and covers the sentence that asks', () => {
    const text = 'Lovely day for it!\nMy PSA is 6.1, should I worry?';
    const [message, ...rest] = flagged(text);
    expect(rest).toEqual([]);
    expect(message!.message).toBe(`This reads as a personal medical question (first-person framing, 'psa is 6.1', treatment decision). Answer it privately or at length (${WHERE}) ${POINT}`);
    expect(message!.severity).toBe('error');
    expect([message!.start, message!.end]).toEqual([
      { line: 2, column: 1, offset: 19 },
      { line: 2, column: 31, offset: 49 },
    ]);
  });

  it('reads a reply that answers one person in substance as advice', () => {
    const text = "@kim_r With your platelets at 45 it's best to hold off on the ibuprofen";
    const [message] = flagged(text, 'bluesky');
    expect(message!.messageId).toBe('advice');
    expect(message!.message).toBe(
      `This reads as an answer to one person's medical question (reply to one person, 'platelets at 45', 'ibuprofen'). Give that answer privately or at length (${WHERE}) ${POINT}`,
    );
    expect([message!.start.offset, message!.end.offset]).toEqual([0, text.length]);
  });

  it('grades a general question that needs nuance as a warning, and both grades are configurable', () => {
    const text = 'Is it safe to take turmeric supplements during chemotherapy?';
    expect(flagged(text).map((m) => [m.messageId, m.severity])).toEqual([['nuanced', 'warning']]);
    expect(flagged(text, 'x', { severity: { personal: 'warning', general: 'error' } }).map((m) => m.severity)).toEqual(['error']);
    expect(flagged('my CA125 is 48 is that ovarian cancer', 'x', { severity: { personal: 'info', general: 'warning' } }).map((m) => m.severity)).toEqual(['info']);
  });

  it('names the long-form channels the organisation configured', () => {
    const text = 'my dad got told stage 4 and the chemo isnt working what are his options';
    const [message] = lint({ text, channel: 'bluesky' }, { ...only(), longFormChannels: ['helpline', 'dm'] }).messages;
    expect(message!.message).toContain('(on the helpline or in a private message)');
  });

  it('carries the probability, the threshold, the evidence and every signal with its range', () => {
    const text = 'is 20mg tamoxifen safe with my warfarin?';
    const [message] = flagged(text, 'sms');
    expect(message!.data!.probability).toBeGreaterThanOrEqual(model.threshold);
    expect(message!.data!.evidence).toEqual(["'20mg'", "'tamoxifen'", 'interactions or side effects']);
    expect((message!.data!.signals as { id: string; start: number; end: number }[]).map(({ id, start, end }) => [id, start, end])).toContainEqual(['dose', 3, 7]);
  });

  // Must-pass cases: the everyday awareness posts and the misses that v0.1 got wrong (issue 16).
  it.each([
    'Worried about a lump? Most breast lumps are not cancer, but always get them checked by your GP.',
    'Mole changed shape or colour? Get it checked.',
    'Feeling bloated most days? It can be a sign of ovarian cancer. Talk to your GP.',
    'Does alcohol cause cancer? Yes. The more you drink, the higher the risk.',
    'Can HPV vaccination prevent cervical cancer? Yes, it protects against the types that cause most cases.',
    'Worried about a symptom? Our nurses are here: 01632 960 123 / read our guide https://example.org/symptoms',
    'What got you through your treatment? Tell us your favourite film 🍿',
    'Can exercise lower your risk of cancer? Our new study says yes. Read it here: https://example.org/exercise',
    'Is our helpline open on Christmas Day? Yes! 8am-8pm, call free on 01632 960 400',
    '@jim_k Thanks for sharing, Jim. Wishing your dad a smooth recovery after his surgery 💙',
    'Who’s running with us on Sunday? 🏃 #RaceForLife',
  ])('leaves alone: %s', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it.each([
    "@kim_r With your platelets at 45 it's best to hold off on the ibuprofen",
    'is 20mg tamoxifen safe with my warfarin?',
    '@jo_k honestly i would stop the capecitabine for a week, the 2mg dose is too high for you',
    'my dad got told stage 4 and the chemo isnt working what are his options',
    '@sam yes you can take ibuprofen with that, it won’t interfere with your chemo',
    'my CA125 is 48 is that ovarian cancer',
    'How long do people usually live with stage 4 pancreatic cancer?',
    'Does anyone know if chemo makes you lose your hair straight away? Starting next week and terrified',
  ])('flags: %s', (text) => {
    expect(flagged(text)).toHaveLength(1);
  });

  it('is silent on long-form channels and on channels left out of its list', () => {
    const text = 'my CA125 is 48 is that ovarian cancer';
    for (const channel of ['email', 'web', 'helpline', 'linkedin']) expect(flagged(text, channel)).toEqual([]);
    expect(flagged(text, 'linkedin', { channels: ['linkedin'] })).toHaveLength(1);
    expect(flagged(text, 'x', { channels: ['linkedin'] })).toEqual([]);
  });

  it('flags at the threshold and not above it', () => {
    const text = 'is chemo ok?';
    const probability = flagged(text, 'x', { threshold: 0 })[0]!.data!.probability as number;
    expect(flagged(text, 'x', { threshold: probability })).toHaveLength(1);
    expect(flagged(text, 'x', { threshold: Math.min(1, probability + 1e-9) })).toEqual([]);
    expect(flagged('Who’s running with us on Sunday?', 'x', { threshold: 0 })).toHaveLength(1);
  });

  it('reads extra terms from the options as evidence the model weighs', () => {
    const score = (text: string, extraTerms: Record<string, string[]>) => flagged(text, 'x', { threshold: 0, extraTerms })[0]!;
    const plain = score('is xyloquil ok for me?', {});
    const withDrug = score('is xyloquil ok for me?', { drug: ['xyloquil'] });
    expect(withDrug.data!.evidence).toContain("'xyloquil'");
    expect(withDrug.data!.probability as number).toBeGreaterThan(plain.data!.probability as number);
    const text = 'is xyloquil ok for me? ask the pharmacy team';
    expect(score(text, { drug: ['xyloquil'], signpost: ['pharmacy team'] }).data!.probability as number).toBeLessThan(score(text, { drug: ['xyloquil'] }).data!.probability as number);
  });

  it('gives the same answer for the same draft, every time', () => {
    const text = 'Starting chemo next week, will I lose my hair straight away?';
    const first = lint({ text, channel: 'x' }, only({ threshold: 0 })).messages[0]!.data!.probability;
    for (let i = 0; i < 3; i++) expect(lint({ text, channel: 'x' }, only({ threshold: 0 })).messages[0]!.data!.probability).toBe(first);
  });

  it.each([
    [{ threshold: 'high' }, 'rules.complex-medical-question[1].threshold'],
    [{ threshold: 3 }, 'rules.complex-medical-question[1].threshold'],
    [{ channels: 'x' }, 'rules.complex-medical-question[1].channels'],
    [{ extraTerms: { drugz: ['x'] } }, 'rules.complex-medical-question[1].extraTerms.drugz'],
    [{ extraTerms: { drug: [''] } }, 'rules.complex-medical-question[1].extraTerms.drug.0'],
    [{ severity: { personal: 'loud', general: 'warning' } }, 'rules.complex-medical-question[1].severity.personal'],
  ])('rejects bad options %j naming the key', (options, keyPath) => {
    expect(() => lint({ text: 'x', channel: 'x' }, only(options))).toThrow(PostlintConfigError);
    expect(() => lint({ text: 'x', channel: 'x' }, only(options))).toThrow(keyPath);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '?', '@', '\uD800 is it cancer?', 'stage', '0'.repeat(10_000), 'is it safe? '.repeat(5_000), '£', '1.', 'T2N1M0']) {
      expect(() => lint({ text, channel: 'x' }, only({ threshold: 0 }))).not.toThrow();
    }
  });
});
