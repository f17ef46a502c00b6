import { parseDocument, type Document } from './yaml.js';

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

/** What a draft's front matter sets: its channel and its language, as a file's own settings. */
export interface DraftFrontMatter {
  channel?: string;
  /** `lang:`: 'en', 'de', 'fr' or 'auto'. */
  language?: string;
  problems: FrontMatterProblem[];
}

/**
 * A draft's `channel:` and `lang:` keys, checked against the channels and languages known; problems
 * sit on the opening fence, where editors and CI annotations show them.
 */
export function draftFrontMatter(frontMatter: FrontMatter, known: { channels: readonly string[]; languages: readonly string[] }): DraftFrontMatter {
  const at = (message: string): FrontMatterProblem => ({ message, start: frontMatter.start, end: frontMatter.start + 3 });
  if (frontMatter.document.errors.length) return { problems: yamlProblems(frontMatter) };
  const data = frontMatter.data;
  if (data === null || data === undefined) return { problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return { problems: [at('front matter must be a YAML mapping, e.g. "channel: x"')] };
  const found: DraftFrontMatter = { problems: [] };
  const { channel, lang } = data as Record<string, unknown>;
  if (typeof channel === 'string' && known.channels.includes(channel)) found.channel = channel;
  else if (typeof channel === 'string') found.problems.push(at(`unknown channel "${channel}"; use one of ${known.channels.join(', ')}`));
  else if (channel !== undefined) found.problems.push(at(`front matter "channel" must be a channel id string, got ${JSON.stringify(channel)}`));
  const language = languageKey(lang, known.languages);
  if (language.language !== undefined) found.language = language.language;
  if (language.problem) found.problems.push(at(language.problem));
  return found;
}

/**
 * A `lang:` value: one of the languages known, else the problem to report. A regional tag such as
 * `de-CH` or `fr_BE` (how Swiss and Belgian teams label their drafts) is its language.
 */
export function languageKey(value: unknown, languages: readonly string[]): { language?: string; problem?: string } {
  if (value === undefined) return {};
  const allowed = `use one of ${languages.join(', ')}`;
  if (typeof value !== 'string') return { problem: `"lang" must be a language code, got ${JSON.stringify(value)}; ${allowed}` };
  const code = value.trim().toLowerCase().split(/[-_]/u)[0]!;
  return languages.includes(code) ? { language: code } : { problem: `unknown language "${value}" in "lang"; ${allowed}` };
}
