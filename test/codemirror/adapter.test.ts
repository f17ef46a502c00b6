import { readFileSync } from 'node:fs';
import { EditorState } from '@codemirror/state';
import { forEachDiagnostic, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { describe, expect, it } from 'vitest';
import { lint, lintCampaign, measure } from '../../src/index.js';
import { counterText, draftAt, formatCount, getPostlintState, postlint, setChannel, setPostlintOptions } from '../../src/codemirror/index.js';
import { lintText } from '../../src/codemirror/report.js';
import { resolveSettings } from '../../src/codemirror/settings.js';
import { keyMessagesFrom, readFragment, writeFragment } from '../../playground/src/share.js';

// The editor parts that need no DOM: settings, reports, counts and the counter's words. The
// browser tests (playground.browser.test.ts beside this file) drive the same extension through a real editor.
const plan = readFileSync(new URL('../../examples/bowel-cancer-awareness.md', import.meta.url), 'utf8');

/** Every diagnostic the editor holds, with its current range. */
function allDiagnostics(state: EditorState) {
  const found: EditorDiagnostic[] = [];
  forEachDiagnostic(state, (d, from, to) => found.push({ from, to, severity: d.severity, source: d.source, message: d.message }));
  return found;
}

describe('lintText', () => {
  it('lints a single draft exactly as lint() does, offsets in UTF-16 code units', () => {
    const text = 'Nurse 👩🏽‍⚕️ here  to help';
    const report = lintText(text, resolveSettings({ channel: 'x' }));
    expect(report.mode).toBe('draft');
    expect(report.messages).toEqual(lint({ text, channel: 'x' }).messages);
    const space = report.messages.find((m) => m.ruleId === 'whitespace')!;
    expect([space.start.offset, space.end.offset]).toEqual([text.indexOf('  '), text.indexOf('  ') + 2]);
    expect(report.drafts).toEqual([{ from: 0, to: text.length, channel: 'x', channelName: 'X', measurement: measure(text, 'x') }]);
  });

  it('lints a campaign plan draft by draft, each for its own channel, as lintCampaign does', () => {
    const report = lintText(plan, resolveSettings({ channel: 'bluesky' }));
    const expected = lintCampaign(plan, { channel: 'bluesky' });
    expect(report.mode).toBe('plan');
    expect(report.messages).toEqual([...expected.messages, ...expected.posts.flatMap((p) => p.result.messages)]);
    expect(report.drafts.map((d) => [d.channel, d.from, d.to, d.measurement.count])).toEqual(expected.posts.map((p) => [p.channel, p.start.offset, p.end.offset, p.result.measure.count]));
    expect(lintText(plan, resolveSettings({ campaignPlans: false })).mode).toBe('draft');
  });

  it('marks a plan draft’s overflow in the source', () => {
    const over = plan.replace('## bluesky', '## x: long\n\n' + 'Book your bowel screening kit today. '.repeat(9) + '\n\n## bluesky');
    const draft = lintText(over, resolveSettings({})).drafts.find((d) => d.label === 'long')!;
    expect(draft.measurement.fits).toBe(false);
    expect(draft.overflow).toEqual({ from: draft.from + draft.measurement.overflowStart!, to: draft.to });
  });

  it('never throws: a settings mistake is the report’s error, naming the key', () => {
    const report = lintText('Hello', resolveSettings({ preset: 'nope' }));
    expect(report.error).toBe('preset: unknown preset "nope"; use one of none, recommended, pharma, health');
    expect(report.messages).toEqual([]);
    expect(lintText('Hello', resolveSettings({ channel: 'myspace' })).error).toMatch(/^channel: unknown channel "myspace"/);
  });
});

describe('settings', () => {
  it('contacts become personal-data’s allowedContacts at the preset’s severity', () => {
    const text = 'Email our nurses at nurses@example.org';
    expect(lintText(text, resolveSettings({})).messages.map((m) => m.ruleId)).toContain('personal-data');
    expect(lintText(text, resolveSettings({ contacts: ['nurses@example.org'] })).messages.map((m) => m.ruleId)).not.toContain('personal-data');
    expect(resolveSettings({ contacts: ['a@b.org'] }).lintOptions.rules).toEqual({ 'personal-data': ['error', { allowedContacts: ['a@b.org'] }] });
    expect(resolveSettings({ contacts: ['a@b.org'], rules: { 'personal-data': ['warn', { allowedContacts: ['c@d.org'] }] } }).lintOptions.rules).toEqual({
      'personal-data': ['warn', { allowedContacts: ['c@d.org', 'a@b.org'] }],
    });
    expect(resolveSettings({ contacts: ['a@b.org'], preset: 'none' }).lintOptions.rules).toBeUndefined();
  });

  it('a channel object is known to plans by its id', () => {
    const custom = { ...resolveSettings({}).profile!, id: 'our-x', name: 'Our X', limit: 100 };
    const resolved = resolveSettings({ channel: custom });
    expect(resolved.planOptions.channel).toBe('our-x');
    expect(resolved.lintOptions.channels).toEqual({ 'our-x': custom });
  });
});

describe('the editor state', () => {
  const create = (doc: string, options = {}) => EditorState.create({ doc, extensions: postlint(options) });

  it('counts a single draft on every change, before any lint', () => {
    let state = create('Hello', { channel: 'x' });
    expect(counterText(state).text).toBe('5/280 weighted characters for X');
    state = state.update({ changes: { from: 5, insert: ' 👩🏽‍⚕️' } }).state;
    expect(counterText(state).text).toBe(`${measure('Hello 👩🏽‍⚕️', 'x').count}/280 weighted characters for X`);
    expect(getPostlintState(state)!.current).toBe(false);
  });

  it('changes channel at run time with an effect, keeping the editor', () => {
    let state = create('Café open 9–5', { channel: 'x' });
    state = state.update({ effects: setChannel('sms') }).state;
    expect(counterText(state).text).toBe('1/1 segments for SMS (UCS-2, 13 characters)');
    state = state.update({ effects: setPostlintOptions.of({ channel: 'bluesky' }) }).state;
    expect(counterText(state).text).toBe('13/300 graphemes for Bluesky, 16/3000 UTF-8 bytes');
  });

  it('with delay 0, the transaction that changes the draft or the settings carries its lint and diagnostics', () => {
    const shown = (state: EditorState) => {
      const out: [number, number, string][] = [];
      forEachDiagnostic(state, (d, from, to) => out.push([from, to, d.message]));
      return out;
    };
    const expected = (text: string, channel = 'x') =>
      lint({ text, channel })
        .messages.map((m): [number, number, string] => [m.start.offset, Math.max(m.start.offset, m.end.offset), `${m.message} (${m.ruleId})`])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let state = create('Hello', { delay: 0 });
    // No transaction has linted the first document: the view's first update asks for it (lintNow).
    expect(getPostlintState(state)!.current).toBe(false);
    const texts = ['Hello  world', 'Hello  world!! Visit https://example.org/?utm_source=x #bowelcancer', 'Email nurses@example.org  now'];
    for (const text of texts) {
      state = state.update({ changes: { from: 0, to: state.doc.length, insert: text } }).state;
      const field = getPostlintState(state)!;
      expect(field.current).toBe(true);
      expect(field.report.text).toBe(text);
      expect(field.report.messages).toEqual(lint({ text, channel: 'x' }).messages);
      expect(field.drafts).toEqual([{ from: 0, to: text.length, channel: 'x', channelName: 'X', measurement: measure(text, 'x') }]);
      expect(shown(state).sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(expected(text));
    }
    expect(shown(state).length).toBeGreaterThan(0);
    const settings = getPostlintState(state)!.report;
    state = state.update({ effects: setChannel('bluesky') }).state;
    expect(getPostlintState(state)!.current).toBe(true);
    expect(getPostlintState(state)!.report).not.toBe(settings);
    expect(getPostlintState(state)!.report.messages).toEqual(lint({ text: texts[2]!, channel: 'bluesky' }).messages);
    expect(shown(state).sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(expected(texts[2]!, 'bluesky'));
    // A transaction that changes neither leaves the lint as it was.
    const before = getPostlintState(state)!.report;
    state = state.update({ selection: { anchor: 1 } }).state;
    expect(getPostlintState(state)!.report).toBe(before);
  });

  it('with delay 0, keeps the diagnostics of the editor\'s other linters through each change, mapped', () => {
    let state = create('Hello  world, see you', { delay: 0 });
    state = state.update({ changes: { from: 0, to: 0, insert: '!' } }).state;
    state = state.update(setDiagnostics(state, [...allDiagnostics(state), { from: 7, to: 13, severity: 'info', source: 'spelling', message: 'world?' }])).state;
    state = state.update({ changes: { from: 0, to: 0, insert: 'Oh. ' } }).state;
    const others = allDiagnostics(state).filter((d) => d.source === 'spelling');
    expect(others).toEqual([{ from: 11, to: 17, severity: 'info', source: 'spelling', message: 'world?' }]);
    expect(state.doc.sliceString(11, 17)).toBe(' world');
    expect(allDiagnostics(state).some((d) => d.source === 'postlint')).toBe(true);
  });

  it('marks the overflow of a single draft from the first character past the limit', () => {
    const text = 'a'.repeat(285);
    const state = create(text);
    expect(getPostlintState(state)!.drafts[0]!.overflow).toEqual({ from: 280, to: 285 });
    expect(counterText(state)).toEqual({ text: '285/280 weighted characters for X: 5 over', over: true });
  });

  it('in a plan, names the draft under the cursor from its heading on, and sums up elsewhere', () => {
    const report = lintText(plan, resolveSettings({}));
    // Until the first lint arrives a plan has no counts: the state holds the lint's report once it does.
    expect(counterText(create(plan)).text).toBe('Counting…');
    const headings = [...plan.matchAll(/^## .*$/gm)].map((m) => m.index!);
    expect(headings.length).toBe(report.drafts.length);
    const draftState = { report, current: true, plan: true, drafts: report.drafts };
    const withReport = (cursor: number) => {
      const state = create(plan).update({ selection: { anchor: cursor } }).state;
      // Stand in for the lint: the field's value once the report has arrived.
      Object.assign(getPostlintState(state)!, draftState);
      return state;
    };
    expect(draftAt(withReport(0), 0)).toBeUndefined();
    expect(counterText(withReport(0)).text).toBe(`${report.drafts.length} drafts: each fits its channel`);
    expect(draftAt(withReport(headings[1]!), headings[1]!)).toBe(report.drafts[1]);
    expect(draftAt(withReport(plan.length), plan.length)).toBe(report.drafts.at(-1));
    const last = report.drafts.at(-1)!;
    expect(counterText(withReport(plan.length)).text).toBe(`Draft ${report.drafts.length} of ${report.drafts.length} (sms): ${formatCount(last)}`);
  });
});

describe('formatCount', () => {
  it('says the count, the limit, the unit and the channel, and by how much it is over', () => {
    const count = (text: string, channel: string) => formatCount({ channelName: channel.toUpperCase(), measurement: measure(text, channel) });
    expect(count('x'.repeat(262), 'x')).toBe('262/280 weighted characters for X');
    expect(count('x'.repeat(290), 'x')).toBe('290/280 weighted characters for X: 10 over');
    expect(count('Hello', 'email')).toBe('5 characters for EMAIL (no limit)');
    expect(count('Hi', 'sms')).toBe('1/1 segments for SMS (GSM-7, 2 characters)');
  });
});

describe('the playground share link', () => {
  it('keeps the draft and the settings in the fragment, and reads them back', () => {
    const state = { text: 'Book now & save 50% #health\nline two', channel: 'bluesky', preset: 'health', keyMessages: 'One\nTwo' };
    expect(readFragment(writeFragment(state))).toEqual(state);
    expect(readFragment('')).toBeUndefined();
    expect(readFragment('#text=hi&delay=0')).toEqual({ text: 'hi', channel: 'x', preset: 'recommended', keyMessages: '', delay: 0 });
  });

  it('makes key messages from lines, with distinct ids', () => {
    expect(keyMessagesFrom('Know the symptoms\n\n  Know the symptoms \nÉcoute')).toEqual([
      { id: 'know-the-symptoms', text: 'Know the symptoms' },
      { id: 'know-the-symptoms-2', text: 'Know the symptoms' },
      { id: 'ecoute', text: 'Écoute' },
    ]);
  });
});

describe('the README', () => {
  it('shows the composer example exactly as examples/codemirror/composer.ts has it (the browser tests run that file)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../../examples/codemirror/composer.ts', import.meta.url), 'utf8');
    expect(example.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
    expect(readme).toContain('```ts\n' + example + '```');
  });

  it('shows the composer figures as bench/results/latest.json has them', async () => {
    // @ts-expect-error: a plain .mjs module without types
    const { readmeBlock, readmeFigures } = await import('../../bench/playground.mjs');
    const results = JSON.parse(readFileSync(new URL('../../bench/results/latest.json', import.meta.url), 'utf8'));
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readmeBlock(readme)).toBe(readmeFigures(results));
  });
});
