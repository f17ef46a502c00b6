/**
 * postlint for CodeMirror 6: lints the editor's draft for its channel as you type, with exact
 * ranges, fixes and suggestions as lint actions, and a live length counter. Imports only postlint's
 * public API and the CodeMirror packages (peer dependencies), so the core entry never pulls it in.
 */
import { EditorState, StateEffect, StateField, type Extension, type Text, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, showPanel, type Panel } from '@codemirror/view';
import { forEachDiagnostic, linter, setDiagnosticsEffect, type Action, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Diagnostic, Fix } from '../index.js';
import { countDraft, formatCount, isPlan, lintText, type DraftCount, type PostlintReport } from './report.js';
import { resolveSettings, type PostlintSettings, type ResolvedSettings } from './settings.js';

export interface PostlintOptions extends PostlintSettings {
  /**
   * Milliseconds without a change before the draft is linted (default 25). The counter never waits.
   * 0 lints each change inside the transaction that makes it: the diagnostics, and `onLint`, arrive
   * in the same update as the keystroke, with no timer between them.
   */
  delay?: number;
  /** The live counter: a panel below the editor (default), above it, or none (`false`). */
  counter?: false | { position?: 'top' | 'bottom'; attributes?: Record<string, string> };
  /**
   * Called after each lint, once the editor shows its diagnostics: render a problem list or a
   * counter of your own from it. It runs inside the editor's update, so it must not dispatch.
   */
  onLint?: (report: PostlintReport, view: EditorView) => void;
}

/** The last lint and the counts as they stand now. */
export interface PostlintState {
  /** The last lint. Its offsets describe `report.text`, which is the document itself when `current`. */
  report: PostlintReport;
  current: boolean;
  /** Whether the document is a campaign plan, linted draft by draft. */
  plan: boolean;
  /** Every draft's count in the current document (a single draft's on every keystroke; a plan's as of its last lint, moved with the edits since). */
  drafts: DraftCount[];
}

/** Changes the settings at run time, merged over the current ones: `view.dispatch({ effects: setPostlintOptions.of({ preset: 'health' }) })`. */
export const setPostlintOptions = StateEffect.define<PostlintSettings>();

/** The effect that lints the draft for another channel, without re-creating the editor. */
export function setChannel(channel: NonNullable<PostlintSettings['channel']>): StateEffect<PostlintSettings> {
  return setPostlintOptions.of({ channel });
}

// One resolution per (settings, change): the transaction that lints a change (delay 0) finds the very
// settings object the field will hold, and the core's per-options caches see one options object.
const resolvedAfter = new WeakMap<ResolvedSettings, WeakMap<PostlintSettings, ResolvedSettings>>();

function settingsAfter(value: ResolvedSettings, tr: Transaction): ResolvedSettings {
  for (const effect of tr.effects) {
    if (!effect.is(setPostlintOptions)) continue;
    let byChange = resolvedAfter.get(value);
    if (!byChange) resolvedAfter.set(value, (byChange = new WeakMap()));
    let next = byChange.get(effect.value);
    if (!next) byChange.set(effect.value, (next = resolveSettings({ ...value.settings, ...effect.value })));
    value = next;
  }
  return value;
}

const settingsField = StateField.define<ResolvedSettings>({
  create: () => resolveSettings({}),
  update: (value, tr) => settingsAfter(value, tr),
});

interface Linted {
  report: PostlintReport;
  resolved: ResolvedSettings;
}

// With delay 0, the lint of a transaction's new document rides in the transaction itself.
const lintedInTransaction = StateEffect.define<Linted>();
// With delay 0, asks for the first lint of a view's document (no change has linted it yet).
const lintNow = StateEffect.define<null>();

// Each lint's report, found again by the document it describes when its diagnostics arrive.
const linted = new WeakMap<Text, Linted>();

const stateField = StateField.define<PostlintState>({
  create(state) {
    const text = state.doc.toString();
    const resolved = state.field(settingsField);
    const plan = isPlan(text, resolved);
    const draft = plan ? undefined : countDraft(text, resolved);
    return { report: { text: '', mode: 'draft', messages: [], drafts: [], lintMs: 0 }, current: false, plan, drafts: draft ? [draft] : [] };
  },
  update(value, tr) {
    const resolved = tr.state.field(settingsField);
    for (const effect of tr.effects) {
      if (effect.is(lintedInTransaction) && effect.value.resolved === resolved) {
        const { report } = effect.value;
        return { report, current: true, plan: report.mode === 'plan', drafts: report.drafts };
      }
    }
    if (tr.effects.some((e) => e.is(setDiagnosticsEffect))) {
      const found = linted.get(tr.state.doc);
      if (found && found.resolved === resolved) return { report: found.report, current: true, plan: found.report.mode === 'plan', drafts: found.report.drafts };
    }
    const settingsChanged = resolved !== tr.startState.field(settingsField);
    if (!tr.docChanged && !settingsChanged) return value;
    const text = tr.state.doc.toString();
    if (!isPlan(text, resolved)) {
      const draft = countDraft(text, resolved);
      return { report: value.report, current: false, plan: false, drafts: draft ? [draft] : [] };
    }
    if (settingsChanged || !value.plan) return { report: value.report, current: false, plan: true, drafts: [] };
    const drafts = value.drafts.map((d) => {
      const moved: DraftCount = { ...d, from: tr.changes.mapPos(d.from, 1), to: tr.changes.mapPos(d.to, -1) };
      if (d.overflow) moved.overflow = { from: tr.changes.mapPos(d.overflow.from, 1), to: tr.changes.mapPos(d.overflow.to, -1) };
      return moved;
    });
    return { report: value.report, current: false, plan: true, drafts };
  },
});

/** The last lint and the current counts of an editor with the postlint extension (undefined without it). */
export function getPostlintState(state: EditorState): PostlintState | undefined {
  return state.field(stateField, false) ?? undefined;
}

/**
 * Applies one of a message's fixes (its `fix`, or a suggestion's `fix`). When the document changed
 * since the message was made, the draft is linted again and the same finding's fix applied, so an
 * edit never lands at a stale offset; returns false when the finding is gone.
 */
export function applyPostlintFix(view: EditorView, message: Diagnostic, fix: Fix, at?: number): boolean {
  const state = view.state.field(stateField, false);
  if (!state) return false;
  let edits = state.current && state.report.messages.includes(message) ? fix.edits : undefined;
  if (!edits) {
    const fresh = lintText(view.state.doc.toString(), view.state.field(settingsField));
    const same = fresh.messages.filter((m) => m.ruleId === message.ruleId && m.messageId === message.messageId && (at === undefined ? m.message === message.message : m.start.offset === at));
    const found = same.sort((a, b) => Math.abs(a.start.offset - message.start.offset) - Math.abs(b.start.offset - message.start.offset))[0];
    const title = message.suggestions?.find((s) => s.fix === fix)?.title;
    edits = (title === undefined ? found?.fix : found?.suggestions?.find((s) => s.title === title)?.fix)?.edits;
  }
  if (!edits) return false;
  const length = view.state.doc.length;
  if (edits.some(({ range: [from, to] }) => from < 0 || to < from || to > length)) return false;
  view.dispatch({ changes: edits.map(({ range: [from, to], text }) => ({ from, to, insert: text })), userEvent: 'input.fix' });
  return true;
}

function editorDiagnostics(report: PostlintReport, length: number): EditorDiagnostic[] {
  if (report.error) return [{ from: 0, to: 0, severity: 'error', source: 'postlint', message: `postlint settings: ${report.error}` }];
  const clamp = (offset: number) => Math.min(Math.max(0, offset), length);
  return report.messages.map((m) => {
    const actions: Action[] = [];
    const fix = m.fix;
    if (fix) actions.push({ name: 'Fix', apply: (view, from) => void applyPostlintFix(view, m, fix, from) });
    for (const suggestion of m.suggestions ?? []) actions.push({ name: suggestion.title, apply: (view, from) => void applyPostlintFix(view, m, suggestion.fix, from) });
    const from = clamp(m.start.offset);
    return {
      from,
      to: Math.max(from, clamp(m.end.offset)),
      severity: m.severity,
      source: 'postlint',
      markClass: `cm-postlint-${m.ruleId}`,
      message: `${m.message} (${m.ruleId})`,
      renderMessage: (view) => {
        const doc = view.dom.ownerDocument;
        const out = doc.createElement('span');
        const link = doc.createElement('a');
        link.className = 'cm-postlint-rule';
        link.href = m.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = m.ruleId;
        out.append(m.message, ' ', link);
        return out;
      },
      actions,
    };
  });
}

/**
 * The draft of a plan that a position belongs to: from its `##` heading to the next draft's heading,
 * so the cursor on a heading or in the blank lines after a draft still names it. Undefined in the
 * front matter, or outside a plan.
 */
export function draftAt(state: EditorState, pos: number): DraftCount | undefined {
  const field = state.field(stateField, false);
  if (!field?.plan) return undefined;
  const starts = field.drafts.map((d) => regionStart(state.doc, d.from));
  for (let i = field.drafts.length - 1; i >= 0; i--) if (pos >= starts[i]!) return field.drafts[i];
  return undefined;
}

function regionStart(doc: Text, from: number): number {
  let line = doc.lineAt(Math.min(from, doc.length));
  while (line.number > 1) {
    const above = doc.line(line.number - 1);
    if (above.text.trim() !== '') return /^ {0,3}#/.test(above.text) ? above.from : line.from;
    line = above;
  }
  return line.from;
}

/** What the counter says: a single draft's count, or in a plan the count of the draft holding the cursor. */
export function counterText(state: EditorState): { text: string; over: boolean } {
  const field = state.field(stateField);
  if (field.current && field.report.error) return { text: `postlint: ${field.report.error}`, over: true };
  const { drafts } = field;
  const over = (d: DraftCount) => !d.measurement.fits;
  if (!field.plan) return drafts[0] ? { text: formatCount(drafts[0]), over: over(drafts[0]) } : { text: 'Counting…', over: false };
  if (!drafts.length) return { text: field.current ? 'This plan has no drafts yet: add a section such as "## x"' : 'Counting…', over: false };
  const draft = draftAt(state, state.selection.main.head);
  if (!draft) {
    const overCount = drafts.filter(over).length;
    return { text: `${drafts.length} drafts: ${overCount ? `${overCount} over the limit` : 'each fits its channel'}`, over: overCount > 0 };
  }
  return { text: `Draft ${drafts.indexOf(draft) + 1} of ${drafts.length} (${draft.channel}${draft.label ? `: ${draft.label}` : ''}): ${formatCount(draft)}`, over: over(draft) };
}

function counterPanel(config: Exclude<PostlintOptions['counter'], false | undefined>): Extension {
  return showPanel.of((view): Panel => {
    const dom = view.dom.ownerDocument.createElement('div');
    dom.className = 'cm-postlint-counter';
    dom.setAttribute('role', 'status');
    dom.setAttribute('aria-live', 'polite');
    for (const [name, value] of Object.entries(config.attributes ?? {})) dom.setAttribute(name, value);
    const render = (state: EditorState) => {
      const { text, over } = counterText(state);
      if (dom.textContent !== text) dom.textContent = text;
      dom.classList.toggle('cm-postlint-over', over);
    };
    render(view.state);
    return {
      dom,
      top: config.position === 'top',
      update: (u) => {
        if (u.docChanged || u.selectionSet || u.state.field(stateField) !== u.startState.field(stateField)) render(u.state);
      },
    };
  });
}

/**
 * delay 0: a transaction that changes the document or the settings carries the lint of its new
 * document and its diagnostics, so the update that shows a keystroke shows that keystroke's lint.
 */
const lintInTransaction = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged && !tr.effects.some((e) => e.is(setPostlintOptions) || e.is(lintNow))) return null;
  const resolved = settingsAfter(tr.startState.field(settingsField), tr);
  const doc = tr.newDoc;
  const report = lintText(doc.toString(), resolved);
  const diagnostics = [...othersAfter(tr), ...editorDiagnostics(report, doc.length)];
  return { effects: [lintedInTransaction.of({ report, resolved }), setDiagnosticsEffect.of(diagnostics)] };
});

/**
 * The editor's other linters' diagnostics, mapped through the transaction's changes: the effect that
 * sets postlint's replaces every diagnostic of the editor, and theirs would vanish on each keystroke
 * until @codemirror/lint's idle pass brought them back.
 */
function othersAfter(tr: Transaction): EditorDiagnostic[] {
  const others: EditorDiagnostic[] = [];
  forEachDiagnostic(tr.startState, (diagnostic, from, to) => {
    if (diagnostic.source === 'postlint') return;
    const start = tr.changes.mapPos(from, 1);
    others.push({ ...diagnostic, from: start, to: Math.max(start, tr.changes.mapPos(to, -1)) });
  });
  return others;
}

// delay 0: the document a view starts with is linted once the view exists (an update cannot dispatch).
const firstLint = ViewPlugin.define((view) => {
  let live = true;
  queueMicrotask(() => {
    if (live && !view.state.field(stateField).current) view.dispatch({ effects: lintNow.of(null) });
  });
  return {
    destroy: () => {
      live = false;
    },
  };
});

const overflowMark = Decoration.mark({ class: 'cm-postlint-overflow' });

const overflowMarks = EditorView.decorations.compute([stateField], (state) => {
  const ranges = state
    .field(stateField)
    .drafts.flatMap((d) => (d.overflow && d.overflow.to > d.overflow.from && d.overflow.to <= state.doc.length ? [overflowMark.range(d.overflow.from, d.overflow.to)] : []));
  return Decoration.set(ranges, true);
});

const theme = EditorView.baseTheme({
  '.cm-postlint-overflow': { backgroundColor: 'rgba(220, 38, 38, 0.16)', textDecoration: 'line-through rgba(220, 38, 38, 0.6)' },
  '.cm-postlint-counter': { padding: '3px 8px', fontFamily: 'system-ui, sans-serif', fontSize: '90%', fontVariantNumeric: 'tabular-nums' },
  '.cm-postlint-counter.cm-postlint-over': { color: '#b91c1c', fontWeight: '600' },
  '.cm-postlint-rule': { marginLeft: '0.25em', fontFamily: 'ui-monospace, monospace', fontSize: '90%' },
});

/**
 * The postlint extension: `EditorState.create({ doc, extensions: [postlint({ channel: 'x' })] })`.
 * Change its settings later with `setPostlintOptions` or `setChannel`.
 */
export function postlint(options: PostlintOptions = {}): Extension {
  const { delay = 25, counter = {}, onLint, ...settings } = options;
  const source = (view: EditorView): EditorDiagnostic[] => {
    const { state } = view;
    const resolved = state.field(settingsField);
    const report = lintText(state.doc.toString(), resolved);
    linted.set(state.doc, { report, resolved });
    return editorDiagnostics(report, state.doc.length);
  };
  // delay 0: the transactions carry the lint, and @codemirror/lint's own pass (when the editor is idle,
  // or when another linter of the editor runs) reads it from the state instead of linting again.
  const current = (view: EditorView): EditorDiagnostic[] => {
    const field = view.state.field(stateField);
    return field.current ? editorDiagnostics(field.report, view.state.doc.length) : source(view);
  };
  const extensions: Extension[] = [settingsField.init(() => resolveSettings(settings)), stateField];
  if (delay === 0) extensions.push(linter(current), lintInTransaction, firstLint);
  else extensions.push(linter(source, { delay, needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(setPostlintOptions))) }));
  extensions.push(overflowMarks, theme);
  if (counter !== false) extensions.push(counterPanel(counter));
  if (onLint) {
    extensions.push(
      ViewPlugin.define((view) => ({
        update(u) {
          const now = u.state.field(stateField);
          if (now.current && now.report !== u.startState.field(stateField).report) onLint(now.report, view);
        },
      })),
    );
  }
  return extensions;
}

export { formatCount, type DraftCount, type PostlintReport, type PostlintSettings };
