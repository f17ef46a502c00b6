/** One post of a thread drafted in a single text. */
export interface ThreadPost {
  /** 0-based position in the thread. */
  index: number;
  /** UTF-16 offsets of the post in the draft, end exclusive. */
  start: number;
  end: number;
}

// A line of three or more -, *, _ or = alone separates posts, as drafts in documents write it.
const SEPARATOR = /^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$/;
// Thread numbering "1/3" ending a line closes a post; "2/" or "2/3" opening a line starts one.
const NUMBER_AT_END = /(?:^|\s)(\d{1,3})\/(\d{1,3})[ \t]*$/;
const NUMBER_AT_START = /^[ \t]*(\d{1,3})\/(\d{1,3})?\s/;
// Numbering counts only when the thread starts at 1, so "24/7" or "2/3 of patients" never split a post.
const FIRST_NUMBERED = /(?:^|\n)[ \t]*1\/(?:\d{1,3})?\s|(?:^|\s)1\/\d{1,3}[ \t]*(?:\r?\n|$)/;

/**
 * Splits a draft into the posts of a thread. A text with no separator and no numbering is one
 * post. Rules that must judge each post alone (fair balance: "a thread does not count") use this.
 */
export function threadPosts(text: string): ThreadPost[] {
  const posts: ThreadPost[] = [];
  let postStart = 0;
  const close = (end: number, next: number) => {
    if (text.slice(postStart, end).trim() !== '') posts.push({ index: posts.length, start: postStart, end });
    postStart = next;
  };
  const numbered = FIRST_NUMBERED.test(text);
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const next = newline < 0 ? text.length + 1 : newline + 1;
    if (SEPARATOR.test(line)) close(lineStart, Math.min(next, text.length));
    else if (numbered) {
      const opening = NUMBER_AT_START.exec(line + ' ');
      if (opening && isNumbering(opening[1]!, opening[2]) && Number(opening[1]) >= 2 && text.slice(postStart, lineStart).trim() !== '') {
        close(lineStart, lineStart);
      }
      const ending = NUMBER_AT_END.exec(line);
      if (ending && isNumbering(ending[1]!, ending[2])) close(lineEnd, Math.min(next, text.length));
    }
    lineStart = next;
  }
  if (postStart < text.length) close(text.length, text.length);
  if (posts.length === 0) posts.push({ index: 0, start: 0, end: text.length });
  return posts;
}

function isNumbering(n: string, of: string | undefined): boolean {
  return of === undefined || (Number(n) <= Number(of) && Number(of) >= 2);
}
