import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeLens,
  type Diagnostic as LspDiagnostic,
  type InlayHint,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeMeasurement } from '../format/summary.js';
import type { Diagnostic, Fix, Severity } from '../core/types.js';
import type { LintedDocument } from './document.js';
import type { LengthCounter } from './options.js';

export const SOURCE = 'postlint';
/** `source.fixAll.postlint`: VS Code runs it on save with `"editor.codeActionsOnSave": { "source.fixAll.postlint": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const FIX_ALL_TITLE = 'Fix all postlint problems';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Document range of offsets in UTF-16 code units, LSP's default position encoding. */
function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toLspDiagnostic(document: TextDocument, diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: rangeOf(document, diagnostic.start.offset, diagnostic.end.offset),
    severity: SEVERITY[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.ruleId,
    codeDescription: { href: diagnostic.url },
    source: SOURCE,
    message: diagnostic.message,
  };
}

/** Everything published for a document: the rules' messages, settings problems, and the counter when it is a diagnostic. */
export function toLspDiagnostics(document: TextDocument, linted: LintedDocument, counter: LengthCounter): LspDiagnostic[] {
  const diagnostics = linted.problems.map<LspDiagnostic>((problem) => ({
    range: rangeOf(document, problem.start, problem.end),
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: SOURCE,
    message: problem.message,
  }));
  for (const message of linted.messages) diagnostics.push(toLspDiagnostic(document, message));
  if (counter === 'diagnostic') {
    for (const { anchor, measurement } of linted.measures) {
      const position = document.positionAt(anchor);
      diagnostics.push({
        range: { start: { line: position.line, character: 0 }, end: position },
        severity: DiagnosticSeverity.Hint,
        code: 'length',
        source: SOURCE,
        message: describeMeasurement(measurement),
      });
    }
  }
  return diagnostics;
}

export interface CodeActionRequest {
  range: Range;
  /** The client's `context.only`: kinds it wants, a kind matching its sub-kinds too. */
  only?: string[];
  /** Edits carry the document version when the client supports versioned edits, so a stale edit is refused. */
  versioned: boolean;
  /** The client resolves a code action's edit when it is chosen: fix-all is then computed only then. */
  resolvable?: boolean;
}

/** What a fix-all action carries until `codeAction/resolve` computes its edit. */
export interface FixAllData {
  uri: string;
  version: number;
}

/**
 * Quick fixes for the messages under the range (each fix preferred, each suggestion offered) and
 * "Fix all postlint problems" when a message has a fix. `fixAll` gives the whole document fixed as
 * `--fix` fixes it (several passes), asked only when that action is wanted.
 */
export function codeActions(document: TextDocument, linted: LintedDocument, request: CodeActionRequest, fixAll: () => string | undefined): CodeAction[] {
  const wants = (kind: string) => !request.only || request.only.some((only) => kind === only || kind.startsWith(only + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = document.offsetAt(request.range.start);
    const end = document.offsetAt(request.range.end);
    for (const message of linted.messages) {
      if (message.start.offset > end || message.end.offset < start) continue;
      const diagnostics = [toLspDiagnostic(document, message)];
      if (message.fix) {
        actions.push({ title: `Fix: ${message.message}`, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: workspaceEdit(document, request.versioned, toTextEdits(document, message.fix)) });
      }
      for (const suggestion of message.suggestions ?? []) {
        actions.push({ title: suggestion.title, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(document, request.versioned, toTextEdits(document, suggestion.fix)) });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && linted.messages.some((message) => message.fix)) {
    // Editors ask for code actions on every cursor move; several passes of fixes wait until the action is chosen.
    if (request.resolvable) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { uri: document.uri, version: document.version } satisfies FixAllData });
    else {
      const output = fixAll();
      if (output !== undefined) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: fixAllEdit(document, request.versioned, output) });
    }
  }
  return actions;
}

/** The edit of "Fix all postlint problems": the document as several passes of fixes left it. */
export function fixAllEdit(document: TextDocument, versioned: boolean, output: string): WorkspaceEdit {
  return workspaceEdit(document, versioned, [wholeDocumentEdit(document, output)]);
}

/** One edit that replaces the whole document: what several passes of fixes made of it. */
export function wholeDocumentEdit(document: TextDocument, newText: string): LspTextEdit {
  return { range: rangeOf(document, 0, document.getText().length), newText };
}

function toTextEdits(document: TextDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map(({ range: [start, end], text }) => ({ range: rangeOf(document, start, end), newText: text }));
}

function workspaceEdit(document: TextDocument, versioned: boolean, edits: LspTextEdit[]): WorkspaceEdit {
  if (versioned) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  return { changes: { [document.uri]: edits } };
}

/** The counter as inlay hints after each draft's first line: "x: 212/280 weighted characters". */
export function inlayHints(document: TextDocument, linted: LintedDocument, range: Range): InlayHint[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return linted.measures
    .filter(({ anchor }) => anchor >= start && anchor <= end)
    .map(({ anchor, measurement }) => ({ position: document.positionAt(anchor), label: describeMeasurement(measurement), paddingLeft: true }));
}

/** The counter as code lenses above each draft's first line, for clients that show lenses but not hints. */
export function codeLenses(document: TextDocument, linted: LintedDocument): CodeLens[] {
  return linted.measures.map(({ anchor, measurement }) => {
    const { line } = document.positionAt(anchor);
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title: describeMeasurement(measurement), command: '' } };
  });
}
