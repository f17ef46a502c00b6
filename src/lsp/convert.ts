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
import { describeMeasurement } from '../report/summary.js';
import type { Fix, Severity } from '../types.js';
import type { Finding, LintedDocument } from './document.js';
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

/** Document range of a finding: offsets are UTF-16 code units, LSP's default position encoding. */
function rangeOf(document: TextDocument, base: number, start: number, end: number): Range {
  return { start: document.positionAt(base + start), end: document.positionAt(base + end) };
}

export function toLspDiagnostic(document: TextDocument, { diagnostic, base }: Finding): LspDiagnostic {
  return {
    range: rangeOf(document, base, diagnostic.start.offset, diagnostic.end.offset),
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
    range: rangeOf(document, 0, problem.start, problem.end),
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: SOURCE,
    message: problem.message,
  }));
  for (const finding of linted.findings) diagnostics.push(toLspDiagnostic(document, finding));
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
}

/**
 * Quick fixes for the findings under the range (each fix preferred, each suggestion offered) and
 * "Fix all postlint problems" when the document has any fix.
 */
export function codeActions(document: TextDocument, linted: LintedDocument, request: CodeActionRequest): CodeAction[] {
  const wants = (kind: string) => !request.only || request.only.some((only) => kind === only || kind.startsWith(only + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = document.offsetAt(request.range.start);
    const end = document.offsetAt(request.range.end);
    for (const finding of linted.findings) {
      const { diagnostic, base } = finding;
      if (base + diagnostic.start.offset > end || base + diagnostic.end.offset < start) continue;
      const diagnostics = [toLspDiagnostic(document, finding)];
      if (diagnostic.fix) {
        actions.push({ title: `Fix: ${diagnostic.message}`, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: workspaceEdit(document, request.versioned, toTextEdits(document, base, [diagnostic.fix])) });
      }
      for (const suggestion of diagnostic.suggestions ?? []) {
        actions.push({ title: suggestion.title, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(document, request.versioned, toTextEdits(document, base, [suggestion.fix])) });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(document, linted);
    if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(document, request.versioned, edits) });
  }
  return actions;
}

/**
 * The edits of every fix that does not overlap an earlier one, in one pass. SEAM (issue 6): the
 * core's `applyFixes` re-lints until stable; an editor applies one pass and the next lint offers
 * whatever a first fix uncovered.
 */
export function fixAllEdits(document: TextDocument, linted: LintedDocument): LspTextEdit[] {
  const taken: [number, number][] = [];
  const chosen: LspTextEdit[] = [];
  const fixes = linted.findings.filter((f) => f.diagnostic.fix).sort((a, b) => firstStart(a) - firstStart(b));
  for (const { diagnostic, base } of fixes) {
    const ranges = diagnostic.fix!.edits.map(({ range: [s, e] }) => [base + s, base + e] as [number, number]);
    // Two insertions at one point, or an insertion at the start of a replaced range, overlap too: their order would be a guess.
    const overlaps = ranges.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || (s === ts && (s === e || ts === te))));
    if (overlaps) continue;
    taken.push(...ranges);
    chosen.push(...toTextEdits(document, base, [diagnostic.fix!]));
  }
  return chosen;
}

function firstStart({ diagnostic, base }: Finding): number {
  return base + Math.min(...diagnostic.fix!.edits.map((e) => e.range[0]));
}

function toTextEdits(document: TextDocument, base: number, fixes: Fix[]): LspTextEdit[] {
  return fixes.flatMap((fix) => fix.edits.map(({ range: [start, end], text }) => ({ range: rangeOf(document, base, start, end), newText: text })));
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
