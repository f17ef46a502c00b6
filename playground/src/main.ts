import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder } from '@codemirror/view';
import { defaultKeymap, history as undoHistory, historyKeymap } from '@codemirror/commands';
import { lintKeymap } from '@codemirror/lint';
import { channels, measure, presets, split, type Campaign, type Diagnostic } from 'postlint';
import { applyPostlintFix, draftAt, formatCount, getPostlintState, postlint, setPostlintOptions, type PostlintReport } from 'postlint/codemirror';
import examplePlan from '../../examples/bowel-cancer-awareness.md?raw';
import { DEFAULTS, keyMessagesFrom, readFragment, writeFragment, type PlaygroundState } from './share.js';
import './style.css';

const SAMPLE =
  'Our nurses answer your questions about bowel cancer screening  every weekday. Call free on 0808 800 4040 or read more: https://example.org/screening?utm_source=twitter #bowelcancer';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const channelSelect = element<HTMLSelectElement>('channel');
const presetSelect = element<HTMLSelectElement>('preset');
const keyMessagesBox = element<HTMLTextAreaElement>('key-messages');
const problemList = element<HTMLOListElement>('problems');
const noProblems = element<HTMLParagraphElement>('no-problems');
const problemCount = element<HTMLSpanElement>('problem-count');
const threadSection = element<HTMLElement>('thread-section');
const threadList = element<HTMLOListElement>('thread');
const shareLink = element<HTMLInputElement>('share-link');
const coverageLine = element<HTMLParagraphElement>('coverage');

for (const channel of Object.values(channels)) {
  const limit = channel.limit === Infinity ? 'no limit' : `${channel.limit} ${channel.counter.unit}`;
  channelSelect.append(new Option(`${channel.name} (${limit})`, channel.id));
}
for (const name of Object.keys(presets)) presetSelect.append(new Option(name, name));

const initial: PlaygroundState = readFragment(location.hash) ?? { ...DEFAULTS, text: SAMPLE };
channelSelect.value = initial.channel in channels ? initial.channel : DEFAULTS.channel;
presetSelect.value = initial.preset in presets ? initial.preset : DEFAULTS.preset;
keyMessagesBox.value = initial.keyMessages;

function campaignFrom(lines: string): Campaign | undefined {
  const keyMessages = keyMessagesFrom(lines);
  return keyMessages.length ? { name: 'Playground', keyMessages } : undefined;
}

let lastReport: PostlintReport | undefined;

const view = new EditorView({
  parent: element('editor'),
  state: EditorState.create({
    doc: initial.text,
    extensions: [
      undoHistory(),
      drawSelection(),
      EditorView.lineWrapping,
      placeholder('Write or paste a draft, or a Markdown campaign plan…'),
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': 'Draft', spellcheck: 'true' }),
      postlint({
        channel: channelSelect.value,
        preset: presetSelect.value,
        campaign: campaignFrom(keyMessagesBox.value),
        ...(initial.delay !== undefined ? { delay: initial.delay } : {}),
        counter: { position: 'bottom', attributes: { 'data-testid': 'counter' } },
        onLint: (report) => {
          lastReport = report;
          renderProblems(report);
        },
      }),
      // Until the lint of a change arrives, the list describes an older draft: say so to screen readers and tests.
      // (With delay 0 the lint arrives in the change's own update, and onLint has already shown it.)
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !getPostlintState(update.state)?.current) problemList.setAttribute('aria-busy', 'true');
      }),
    ],
  }),
});

function settingsChanged(settings: Parameters<typeof setPostlintOptions.of>[0]) {
  problemList.setAttribute('aria-busy', 'true');
  view.dispatch({ effects: setPostlintOptions.of(settings) });
}
channelSelect.addEventListener('change', () => settingsChanged({ channel: channelSelect.value }));
presetSelect.addEventListener('change', () => settingsChanged({ preset: presetSelect.value }));
keyMessagesBox.addEventListener('input', () => settingsChanged({ campaign: campaignFrom(keyMessagesBox.value) }));

function renderProblems(report: PostlintReport) {
  const items = report.error ? [] : report.messages.map((message) => problemItem(report, message));
  problemList.replaceChildren(...items);
  if (report.error) {
    noProblems.textContent = `postlint cannot lint with these settings: ${report.error}`;
  } else noProblems.textContent = 'No problems found.';
  noProblems.hidden = items.length > 0;
  problemCount.textContent = items.length ? `(${items.length})` : '';
  const coverage = report.keyMessages;
  coverageLine.hidden = !coverage;
  if (coverage) coverageLine.textContent = `Carries ${coverage.carried.length ? coverage.carried.join(', ') : 'no key message'}${coverage.missing.length ? `; missing ${coverage.missing.join(', ')}` : ''}`;
  // How long the core took, for the benchmark (bench/playground.mjs) to read beside the keystroke's time.
  problemList.dataset.lintMs = report.lintMs.toFixed(3);
  problemList.dataset.lintStart = String(report.startedAt ?? '');
  problemList.setAttribute('aria-busy', 'false');
}

function problemItem(report: PostlintReport, message: Diagnostic): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `problem severity-${message.severity}`;
  item.dataset.rule = message.ruleId;
  item.dataset.from = String(message.start.offset);
  item.dataset.to = String(message.end.offset);
  const severity = Object.assign(document.createElement('span'), { className: 'severity', textContent: message.severity });
  const where = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'where',
    textContent: `${message.start.line}:${message.start.column}`,
    title: 'Show in the draft',
  });
  where.addEventListener('click', () => {
    view.dispatch({ selection: { anchor: message.start.offset, head: message.end.offset }, scrollIntoView: true });
    view.focus();
  });
  const text = Object.assign(document.createElement('span'), { className: 'message', textContent: message.message });
  const rule = Object.assign(document.createElement('a'), { className: 'rule', href: message.url, textContent: message.ruleId, target: '_blank', rel: 'noopener noreferrer' });
  item.append(severity, ' ', where, ' ', text, ' ', rule);
  const fixes = [...(message.fix ? [{ title: 'Fix', fix: message.fix, kind: 'fix' }] : []), ...(message.suggestions ?? []).map((s) => ({ ...s, kind: 'suggestion' }))];
  for (const { title, fix, kind } of fixes) {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: `fix ${kind}`, textContent: title });
    button.dataset.action = kind;
    button.addEventListener('click', () => {
      if (report === lastReport) applyPostlintFix(view, message, fix);
      view.focus();
    });
    item.append(' ', button);
  }
  return item;
}

element('split').addEventListener('click', () => {
  const state = getPostlintState(view.state);
  const draft = state?.plan ? draftAt(view.state, view.state.selection.main.head) ?? state.drafts[0] : undefined;
  const text = draft ? view.state.sliceDoc(draft.from, draft.to) : view.state.doc.toString();
  const channel = draft?.channel ?? channelSelect.value;
  const parts = text.trim() ? split(text, channel) : [];
  threadList.replaceChildren(
    ...parts.map((part) => {
      const item = document.createElement('li');
      const body = Object.assign(document.createElement('p'), { className: 'part', textContent: part });
      const count = Object.assign(document.createElement('small'), { className: 'part-count', textContent: formatCount({ channelName: channels[channel as keyof typeof channels]?.name ?? channel, measurement: measure(part, channel) }) });
      item.append(body, count);
      return item;
    }),
  );
  threadSection.hidden = false;
});

function currentState(): PlaygroundState {
  return { text: view.state.doc.toString(), channel: channelSelect.value, preset: presetSelect.value, keyMessages: keyMessagesBox.value };
}

element('share').addEventListener('click', async () => {
  const fragment = writeFragment(currentState());
  history.replaceState(null, '', fragment);
  shareLink.value = location.href;
  shareLink.hidden = false;
  shareLink.select();
  try {
    await navigator.clipboard.writeText(location.href);
  } catch {
    // No clipboard permission (a plain http page, a headless browser): the link is shown selected instead.
  }
});

element('example-plan').addEventListener('click', () => {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: examplePlan }, selection: { anchor: 0 } });
  view.focus();
});

// A share link opened in a tab that already shows the playground changes only the fragment.
window.addEventListener('hashchange', () => {
  const state = readFragment(location.hash);
  if (!state) return;
  channelSelect.value = state.channel;
  presetSelect.value = state.preset;
  keyMessagesBox.value = state.keyMessages;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: state.text },
    effects: setPostlintOptions.of({ channel: state.channel, preset: state.preset, campaign: campaignFrom(state.keyMessages) }),
  });
});
