import * as v from 'valibot';

/** How the live length counter shows; see the README for why inlay hints are the default. */
export type LengthCounter = 'inlayHint' | 'codeLens' | 'diagnostic' | 'off';

/** What a client can set in `initializationOptions`; every key is optional. */
const InitializationOptions = v.object({
  /** languageIds linted whatever the file is called (VS Code calls a .txt file `plaintext`, Neovim `text`). */
  languages: v.optional(v.array(v.string()), ['markdown', 'plaintext', 'text']),
  /** File extensions linted whatever languageId the editor gives them. */
  extensions: v.optional(v.array(v.pipe(v.string(), v.startsWith('.'))), ['.md', '.markdown', '.txt']),
  /** Channel of a draft when neither its front matter nor a config file names one. */
  channel: v.optional(v.pipe(v.string(), v.minLength(1)), 'x'),
  /** Preset when no config file is found (a config file without `extends` means `recommended`, as in the CLI). */
  preset: v.optional(v.string()),
  lengthCounter: v.optional(v.picklist(['inlayHint', 'codeLens', 'diagnostic', 'off']), 'inlayHint'),
  /** Wait this long after the last keystroke before linting; 0 lints as soon as the changes already received are applied. */
  debounceMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(5000)), 0),
});

export type ServerOptions = v.InferOutput<typeof InitializationOptions>;

/** The server's options from the client's initializationOptions; a bad value falls back to the defaults with a message. */
export function parseServerOptions(raw: unknown): { options: ServerOptions; problem?: string } {
  const input = raw === undefined || raw === null ? {} : raw;
  const result = v.safeParse(InitializationOptions, input);
  if (result.success) return { options: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return {
    options: v.parse(InitializationOptions, {}),
    problem: `postlint: initializationOptions${path ? '.' + path : ''}: ${issue.message}; using the defaults`,
  };
}
