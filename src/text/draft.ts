import type { Diagnostic, LintResult, Position } from '../core/types.js';
import { mapSuggestions, withoutSuggestions } from '../core/lazy.js';
import { lineStarts, positionAt } from './positions.js';
import { parseDirectives, type Directive } from './directives.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';

/**
 * A text split into what gets published (the body) and what does not: a file's front matter and
 * final line break (`splitDraft`), or postlint directive comments (`withoutDirectives`). Lengths
 * are measured on the body; positions are mapped back so editors and annotations point at the
 * right place.
 */
export interface DraftSource {
  /** The whole file. */
  text: string;
  /** What is linted. */
  body: string;
  /** Ranges of `text` left out of the body, sorted, non-overlapping. */
  removed: [number, number][];
  /** The front matter, when the file is Markdown and starts with one. */
  frontMatter?: FrontMatter;
}

/** A draft file without its front matter (Markdown only) and its final line breaks: what `lint` gets. */
export function splitDraft(text: string, { markdown }: { markdown: boolean }): DraftSource {
  const ranges: [number, number][] = [];
  // A byte order mark (U+FEFF first, as an editor may hand a file over) is the file's, not the post's.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom) ranges.push([0, 1]);
  const frontMatter = markdown ? readFrontMatter(text, bom) : undefined;
  if (frontMatter) ranges.push([frontMatter.start, skipBlankLines(text, frontMatter.end)]);
  // Editors end files with a line break; the post does not.
  let tail = text.length;
  while (tail > (frontMatter?.end ?? 0) && (text[tail - 1] === '\n' || text[tail - 1] === '\r')) tail--;
  if (tail < text.length) ranges.push([tail, text.length]);
  const source = cut(text, ranges);
  return frontMatter ? { ...source, frontMatter } : source;
}

/** A draft without its postlint directive comments, which are never published. */
export function withoutDirectives(text: string, directives: readonly Directive[] = parseDirectives(text)): DraftSource {
  return cut(text, directives.map((directive) => directiveRange(text, directive.start, directive.end)));
}

function cut(text: string, ranges: [number, number][]): DraftSource {
  const removed = merge(ranges);
  let body = '';
  let cursor = 0;
  for (const [start, end] of removed) {
    body += text.slice(cursor, start);
    cursor = end;
  }
  body += text.slice(cursor);
  return { text, body, removed };
}

/** A body offset as a file offset. At a removed range, `after` lands past it (for starts), `before` before it. */
export function toFileOffset(source: DraftSource, offset: number, bias: 'before' | 'after'): number {
  let shift = 0;
  for (const [start, end] of source.removed) {
    const inBody = start - shift;
    if (inBody < offset || (inBody === offset && bias === 'after')) shift += end - start;
    else break;
  }
  return offset + shift;
}

/** A lint result on the body, with every position, fix and the overflow mapped to the file. */
export function mapResultToFile(source: DraftSource, result: LintResult): LintResult {
  if (source.removed.length === 0) return result;
  const starts = lineStartsOf(source);
  const at = (offset: number): Position => positionAt(starts, offset);
  const messages = result.messages.map((m): Diagnostic => {
    const start = toFileOffset(source, m.start.offset, 'after');
    const end = m.end.offset === m.start.offset ? start : Math.max(start, toFileOffset(source, m.end.offset, 'before'));
    const mapped: Diagnostic = { ...withoutSuggestions(m), start: at(start), end: at(end) };
    const fix = m.fix && mapFix(source, m.fix);
    if (fix) mapped.fix = fix;
    else delete mapped.fix;
    mapSuggestions(m, mapped, (suggestions) =>
      suggestions.flatMap((s) => {
        const mappedFix = mapFix(source, s.fix);
        return mappedFix ? [{ ...s, fix: mappedFix }] : [];
      }),
    );
    return mapped;
  });
  const measure = { ...result.measure };
  if (measure.overflowStart !== undefined) measure.overflowStart = toFileOffset(source, measure.overflowStart, 'after');
  const mapped: LintResult = { ...result, measure, messages };
  if (result.keyMessages) {
    // The carrying phrases point into the draft as written, like the messages.
    const phrases = result.keyMessages.phrases.map((phrase) => {
      const start = toFileOffset(source, phrase.start.offset, 'after');
      const end = phrase.end.offset === phrase.start.offset ? start : Math.max(start, toFileOffset(source, phrase.end.offset, 'before'));
      return { ...phrase, start: at(start), end: at(end) };
    });
    mapped.keyMessages = { ...result.keyMessages, phrases };
  }
  return mapped;
}

// Each post of a thread document is mapped on its own: the file's line starts are found once.
const lineStartsCache = new WeakMap<DraftSource, number[]>();
function lineStartsOf(source: DraftSource): number[] {
  let starts = lineStartsCache.get(source);
  if (!starts) lineStartsCache.set(source, (starts = lineStarts(source.text)));
  return starts;
}

// A fix whose range would swallow a removed part (a directive comment) is dropped, not applied.
// An insertion at the end of the body goes before what follows it (the file's final line break),
// one anywhere else after what it follows (the front matter).
function mapFix(source: DraftSource, fix: NonNullable<Diagnostic['fix']>) {
  const edits = [];
  for (const edit of fix.edits) {
    const [s, e] = edit.range;
    const start = toFileOffset(source, s, s === e && s > 0 && s === source.body.length ? 'before' : 'after');
    const end = s === e ? start : toFileOffset(source, e, 'before');
    if (end - start !== e - s) return undefined;
    edits.push({ ...edit, range: [start, end] as [number, number] });
  }
  return { edits };
}

function skipBlankLines(text: string, from: number): number {
  let at = from;
  for (;;) {
    let i = at;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\r') i++;
    if (text[i] !== '\n') return at;
    at = i + 1;
  }
}

// A comment alone on its line goes with its line; one at the end of a line takes the spaces before it.
function directiveRange(text: string, start: number, end: number): [number, number] {
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (text[after] === ' ' || text[after] === '\t' || text[after] === '\r') after++;
  const endsLine = after === text.length || text[after] === '\n';
  const startsLine = before === 0 || text[before - 1] === '\n';
  if (startsLine && endsLine) return [before, after < text.length ? after + 1 : after];
  if (endsLine) return [before, end];
  return [start, end];
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}
