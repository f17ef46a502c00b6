import type { Diagnostic, Severity } from '../core/types.js';
import { lineStarts, positionAt } from './positions.js';
import { UNKNOWN_RULE_DIRECTIVE, UNUSED_DIRECTIVE_RULE } from '../core/problems.js';

export { UNKNOWN_RULE_DIRECTIVE, UNUSED_DIRECTIVE_RULE };

/**
 * Inline control in drafts, as ESLint users know it, written as HTML comments so Markdown
 * previews hide them:
 *   <!-- postlint-disable rule-a, rule-b -->   off from here (no ids: every rule)
 *   <!-- postlint-enable rule-a -->            back on (no ids: every rule)
 *   <!-- postlint-disable-next-line rule-a --> off on the next line only
 *   <!-- postlint-disable-line rule-a -->      off on this line only
 * Text after `--` inside the comment is a free description: `<!-- postlint-disable x -- why -->`.
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** UTF-16 offsets of the whole comment, end exclusive. */
  start: number;
  end: number;
}

const KINDS: DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable', 'enable'];

/** Every postlint directive comment in the text, in order. Linear: one indexOf scan. */
export function parseDirectives(text: string): Directive[] {
  const found: Directive[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start === -1) break;
    const close = text.indexOf('-->', start + 4);
    if (close === -1) break;
    const end = close + 3;
    from = end;
    const body = text.slice(start + 4, close).trim();
    if (!body.startsWith('postlint-')) continue;
    const rest = body.slice('postlint-'.length);
    const kind = KINDS.find((k) => rest === k || (rest.startsWith(k) && /\s/.test(rest[k.length]!)));
    if (!kind) continue;
    const described = rest.slice(kind.length).split(/\s--\s|\s--$/)[0]!;
    const rules = described.split(/[\s,]+/).filter(Boolean);
    found.push({ kind, rules, start, end });
  }
  return found;
}

export interface DirectiveOptions {
  /** Report disable comments that suppressed nothing, at this severity. */
  reportUnused?: Severity | 'off';
  /** The rule ids a directive may name: any other is reported (a typo would silently disable nothing). */
  knownRules?: ReadonlySet<string>;
}

/**
 * Drops the messages that a directive in `text` disables, and (when asked) adds one message per
 * disable directive, or per rule id in it, that suppressed nothing. `messages` must have positions
 * in `text`. Pure; returns a new list sorted by position.
 */
export function applyDirectives(text: string, messages: readonly Diagnostic[], options: DirectiveOptions = {}): Diagnostic[] {
  const directives = parseDirectives(text);
  if (directives.length === 0) return [...messages];
  const starts = lineStarts(text);
  const lineOf = (offset: number) => positionAt(starts, offset).line;
  const used = new Map<Directive, Set<string>>();
  const markUsed = (directive: Directive, ruleId: string) => {
    let rules = used.get(directive);
    if (!rules) used.set(directive, (rules = new Set()));
    rules.add(ruleId);
  };

  const kept = messages.filter((message) => {
    const suppressor = findSuppressor(directives, message, lineOf);
    if (suppressor) markUsed(suppressor, message.ruleId);
    return !suppressor;
  });
  if (options.knownRules) kept.push(...unknownRules(directives, options.knownRules, starts));
  if (!options.reportUnused || options.reportUnused === 'off') return sortByPosition(kept);

  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    const hits = used.get(directive);
    const unusedRules = directive.rules.length === 0 ? (hits ? [] : [undefined]) : directive.rules.filter((r) => !hits?.has(r));
    for (const rule of unusedRules) {
      kept.push({
        ruleId: UNUSED_DIRECTIVE_RULE,
        severity: options.reportUnused,
        message: rule
          ? `Unused postlint-${directive.kind} directive (no problems were reported from '${rule}')`
          : `Unused postlint-${directive.kind} directive (no problems were reported)`,
        messageId: 'unused',
        start: positionAt(starts, directive.start),
        end: positionAt(starts, directive.end),
        url: 'https://github.com/postlint/postlint/blob/main/docs/rules.md#inline-directives',
        fix: { edits: [{ range: removalRange(text, directive), text: '' }] },
      });
    }
  }
  return sortByPosition(kept);
}

const sortByPosition = (messages: Diagnostic[]) => messages.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);

function unknownRules(directives: readonly Directive[], known: ReadonlySet<string>, starts: readonly number[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const directive of directives) {
    for (const id of directive.rules) {
      if (known.has(id)) continue;
      const closest = closestId(id, known);
      found.push({
        ruleId: UNKNOWN_RULE_DIRECTIVE,
        severity: 'warning',
        message: `Unknown rule "${id}" in this postlint-${directive.kind} comment, so it disables nothing: ${closest ? `did you mean "${closest}"?` : 'check the rule id in the rule reference'}`,
        messageId: 'unknownRule',
        start: positionAt(starts, directive.start),
        end: positionAt(starts, directive.end),
        url: 'https://github.com/postlint/postlint/blob/main/docs/rules.md#inline-directives',
      });
    }
  }
  return found;
}

/** The known id nearest to a mistyped one (edit distance at most a third of its length), if any. */
export function closestId(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

// A comment alone on its line goes with its line, so removing it leaves no blank line behind.
function removalRange(text: string, { start, end }: Directive): [number, number] {
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
  const alone = (before === 0 || text[before - 1] === '\n') && (after === text.length || text[after] === '\n');
  return alone ? [before, Math.min(after + 1, text.length)] : [start, end];
}

function findSuppressor(directives: readonly Directive[], message: Diagnostic, lineOf: (offset: number) => number): Directive | undefined {
  if (message.ruleId === UNUSED_DIRECTIVE_RULE) return undefined;
  const names = (d: Directive) => d.rules.length === 0 || d.rules.includes(message.ruleId);
  const line = message.start.line;
  for (const d of directives) {
    if (d.kind === 'disable-line' && names(d) && lineOf(d.start) <= line && line <= lineOf(d.end)) return d;
    if (d.kind === 'disable-next-line' && names(d) && lineOf(d.end) + 1 === line) return d;
  }
  // Block directives: replay them up to the message, as a state of "all off" plus per-rule switches.
  let all: Directive | undefined;
  const byRule = new Map<string, Directive | null>();
  for (const d of directives) {
    if (d.end > message.start.offset) break;
    if (d.kind === 'disable') {
      if (d.rules.length === 0) {
        all = d;
        byRule.clear();
      } else for (const rule of d.rules) byRule.set(rule, d);
    } else if (d.kind === 'enable') {
      if (d.rules.length === 0) {
        all = undefined;
        byRule.clear();
      } else for (const rule of d.rules) byRule.set(rule, null);
    }
  }
  const own = byRule.get(message.ruleId);
  return own === null ? undefined : (own ?? all);
}
