/**
 * The separator `threadEdits` joins parts with: a line holding only "---" between blank lines.
 * The CLI prints threads this way and `threadParts` reads them back, so an editor that applies the
 * max-length suggestion hands the author a document each tool understands.
 */
export const THREAD_SEPARATOR = '\n\n---\n\n';
const SEPARATOR_LINE = /\r?\n[ \t]*\r?\n---[ \t]*\r?\n[ \t]*\r?\n/g;

/** The parts of a thread document written with THREAD_SEPARATOR (what `split` prints), as text. */
export function threadParts(text: string): string[] {
  const source = String(text);
  return threadPartRanges(source).map(({ start, end }) => source.slice(start, end));
}

/**
 * Where the posts of a thread document are: the text between lines holding only "---" with a
 * blank line before and after (CRLF too), without the white space around it; empty parts are
 * left out. A text without such a line is one part (none when it is blank).
 */
export function threadPartRanges(text: string): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  const add = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) parts.push({ start: from, end: to });
  };
  let from = 0;
  for (const separator of text.matchAll(SEPARATOR_LINE)) {
    add(from, separator.index!);
    from = separator.index! + separator[0].length;
  }
  add(from, text.length);
  return parts;
}
