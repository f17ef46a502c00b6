import type { Diagnostic } from '../core/types.js';
import { DOCS_BASE } from '../rule/rule.js';
import { FILE_PROBLEMS } from '../core/problems.js';
import type { FormatContext, FormattedFile } from './types.js';
import { allMessages } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

// What postlint reports about a file itself: not rules in the registry, but documented ids of their own.
const PROBLEMS = new Map(FILE_PROBLEMS.map((problem) => [problem.id, problem]));

/**
 * SARIF 2.1.0 for GitHub code scanning: a rule table with descriptions and help, and one result
 * per message with a physical location (1-based lines, UTF-16 columns: columnKind utf16CodeUnits)
 * and a partial fingerprint that survives edits elsewhere in the file.
 */
export function formatSarif(files: FormattedFile[], context: FormatContext): string {
  const ruleIds = new Set([...Object.keys(context.rules), ...PROBLEMS.keys()]);
  for (const file of files) for (const m of allMessages(file)) ruleIds.add(m.ruleId);
  const ids = [...ruleIds].sort();
  const index = new Map(ids.map((id, i) => [id, i]));

  const rules = ids.map((id) => {
    const meta = context.rules[id]?.meta;
    const problem = PROBLEMS.get(id);
    const description = meta?.description ?? problem?.description ?? `postlint check "${id}".`;
    const helpUri = meta?.url ?? DOCS_BASE + (problem?.anchor ?? id);
    const why = meta?.docs.why ?? problem?.why ?? description;
    return {
      id,
      name: id,
      shortDescription: { text: description },
      fullDescription: { text: why },
      helpUri,
      help: { text: `${why}\n\n${helpUri}`, markdown: `${why}\n\n[Rule reference](${helpUri})` },
      defaultConfiguration: { level: LEVEL[meta?.severity ?? problem?.severity ?? 'warning'] },
      properties: { tags: ['postlint', 'social-media'], precision: 'very-high' },
    };
  });

  const results = files.flatMap((file) => {
    const seen = new Map<string, number>();
    return allMessages(file).map((m) => {
      const key = fingerprintKey(m, file.source);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return {
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId)!,
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file.file),
              region: { startLine: m.start.line, startColumn: m.start.column, endLine: m.end.line, endColumn: m.end.column },
            },
          },
        ],
        partialFingerprints: { 'postlint/v1': hash(`${key}\u0000${occurrence}`) },
      };
    });
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'postlint', version: context.version, informationUri: 'https://github.com/postlint/postlint', rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder postlint ran in.' } } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function artifactLocation(file: string) {
  const posix = file.replace(/\\/g, '/');
  if (/^(?:\/|[A-Za-z]:\/)/.test(posix)) return { uri: 'file://' + (posix.startsWith('/') ? '' : '/') + encodeURI(posix) };
  return { uri: encodeURI(posix), uriBaseId: '%SRCROOT%' };
}

// What identifies a finding across edits elsewhere: the rule, the kind of message and the flagged text.
function fingerprintKey(m: Diagnostic, source: string | undefined): string {
  const flagged = source === undefined ? m.message : source.slice(m.start.offset, m.end.offset);
  return `${m.ruleId}\u0000${m.messageId ?? ''}\u0000${flagged}`;
}

// Two FNV-1a 32-bit hashes with different offsets: 64 bits, plenty to tell findings in one file apart.
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
