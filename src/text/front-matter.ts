import { parseDocument, type Document } from 'yaml';

/** The YAML between `---` fences at the top of a Markdown file: the one reader of front matter. */
export interface FrontMatter {
  /** Offsets of the whole block in the file, fences included; `end` is past the closing fence's line. */
  start: number;
  end: number;
  /** Offset of the YAML's first character (the line after the opening `---`). */
  yamlStart: number;
  yaml: string;
  document: Document;
  /** The parsed YAML, or undefined when it does not parse. */
  data: unknown;
}

/** A problem in the front matter, at file offsets. */
export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
}

const OPENING = /---[ \t]*\r?\n/y;

// An editor re-lints the same file on every keystroke, mostly below the front matter: parse its YAML once.
let last: { yaml: string; document: Document; data: unknown } | undefined;

/** The front matter of a Markdown file, or undefined when it does not start with one (at `from`: past a byte order mark). */
export function readFrontMatter(text: string, from = 0): FrontMatter | undefined {
  OPENING.lastIndex = from;
  const open = OPENING.exec(text);
  if (!open) return undefined;
  const yamlStart = from + open[0].length;
  let lineStart = yamlStart;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '').trimEnd();
    if (line === '---' || line === '...') {
      const yaml = text.slice(yamlStart, lineStart);
      if (last?.yaml !== yaml) last = { yaml, ...parse(yaml) };
      return { start: from, end: Math.min(lineEnd + 1, text.length), yamlStart, yaml, document: last.document, data: last.data };
    }
    if (lineEnd === text.length) return undefined;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function parse(yaml: string): { document: Document; data: unknown } {
  const document = parseDocument(yaml, { prettyErrors: false });
  let data: unknown;
  try {
    data = document.errors.length ? undefined : document.toJS();
  } catch {
    data = undefined;
  }
  return { document, data };
}

/** The YAML errors, each at its place in the file. */
export function yamlProblems(frontMatter: FrontMatter): FrontMatterProblem[] {
  return frontMatter.document.errors.map((error) => ({
    message: `Front matter is not valid YAML: ${error.message.split('\n')[0]}`,
    start: frontMatter.yamlStart + error.pos[0],
    end: frontMatter.yamlStart + error.pos[1],
  }));
}

/** File offsets of a key path's value in the front matter (the nearest node that exists). */
export function rangeOf(frontMatter: FrontMatter, path: readonly (string | number)[]): [number, number] {
  for (let length = path.length; length >= 0; length--) {
    const node = frontMatter.document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return [frontMatter.yamlStart + node.range[0], frontMatter.yamlStart + node.range[1]];
  }
  return [frontMatter.start, frontMatter.start + 3];
}

/**
 * A draft's `channel:` key, checked against the channels known; problems sit on the opening fence,
 * where editors and CI annotations show them.
 */
export function draftChannel(frontMatter: FrontMatter, known: readonly string[]): { channel?: string; problems: FrontMatterProblem[] } {
  const at = (message: string): FrontMatterProblem => ({ message, start: frontMatter.start, end: frontMatter.start + 3 });
  if (frontMatter.document.errors.length) return { problems: yamlProblems(frontMatter) };
  const data = frontMatter.data;
  if (data === null || data === undefined) return { problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return { problems: [at('front matter must be a YAML mapping, e.g. "channel: x"')] };
  const channel = (data as Record<string, unknown>).channel;
  if (channel === undefined) return { problems: [] };
  if (typeof channel !== 'string') return { problems: [at(`front matter "channel" must be a channel id string, got ${JSON.stringify(channel)}`)] };
  if (!known.includes(channel)) return { problems: [at(`unknown channel "${channel}"; use one of ${known.join(', ')}`)] };
  return { channel, problems: [] };
}
