import { fileURLToPath } from 'node:url';
import { describe as group, expect, it } from 'vitest';
import { checkEdges, describe, findCycles, importEdges, sourceFiles } from '../helpers/imports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = sourceFiles(root, ['src', 'rules', 'packages']);
const edges = importEdges(root, files);

group('imports point down the layers', () => {
  it('no file imports upward, src/ reaches rules/ only from src/index.ts, rules import only the rule API', () => {
    expect(checkEdges(edges).map(describe)).toEqual([]);
  });

  it('there are no import cycles', () => {
    expect(findCycles(edges).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('the scan sees every file and edge (it is not vacuous)', () => {
    expect(files).toContain('src/engine/lint.ts');
    expect(files).toContain('rules/max-length.ts');
    expect(edges.some((e) => e.from === 'packages/vectors-en/src/index.ts' && e.to === 'src/facts/word-vectors.ts')).toBe(true);
    expect(edges.some((e) => e.from === 'src/codemirror/index.ts' && e.to === 'src/index.ts')).toBe(true);
    expect(edges.some((e) => e.from === 'src/codemirror/index.ts' && e.to === '@codemirror/lint')).toBe(true);
    expect(edges.some((e) => e.from === 'src/index.ts' && e.to === 'rules/index.ts')).toBe(true);
  });
});

group('the import checker', () => {
  // Each source below is a file of a made-up tree; the checker must name the file and the edge.
  const tree: Record<string, string> = {
    'src/core/types.ts': "import type { Analysis } from '../facts/analysis.js';",
    'src/facts/analysis.ts': '',
    'src/engine/settings.ts': "import { rules } from '../../rules/index.js';",
    'src/text/a.ts': "import './b.js';",
    'src/text/b.ts': "export * from './a.js';",
    'src/node/cli.ts': "const m = await import('../lsp/server.js');",
    'src/lsp/server.ts': '',
    'rules/index.ts': "import r from './max-length.ts';",
    'rules/max-length.ts': "import { planThread } from '../src/split/split.js';\nimport { defineRule } from '../src/rule/index.js';",
    'rules/personal-data/index.ts': "import { stem } from 'stemmer';\nimport d from './detectors.js';\nimport o from '../other/x.js';",
    'rules/personal-data/detectors.ts': '',
    'rules/other/x.ts': '',
    'src/split/split.ts': '',
    'src/rule/index.ts': '',
    'rules/max-links.ts': "import data from './data/x.json';\nimport * as v from 'valibot';",
    // A vectors package reads its data file and the facts that decode it, and only those.
    'packages/vectors-en/src/index.ts': "import data from '../../../rules/data/word-vectors.en.json';\nimport { WordVectors } from '../../../src/facts/word-vectors.js';\nimport x from '../../../rules/data/x.json';\nimport { lintWithRuleSet } from '../../../src/engine/lint.js';",
    'src/index.ts': '',
    'src/engine/lint.ts': '',
    'src/facts/word-vectors.ts': '',
    'src/codemirror/index.ts': "import { lint } from '../index.js';\nimport { linter } from '@codemirror/lint';\nimport { x } from './report.js';\nimport { measure } from '../channels/measure.js';\nimport { parse } from 'yaml';",
    'src/codemirror/report.ts': '',
    'src/channels/measure.ts': '',
    'src/format/summary.ts': "import { EditorView } from '@codemirror/view';",
  };
  const fake = importEdges('', Object.keys(tree), (file) => tree[file]!);

  it('names every bad edge', () => {
    expect(checkEdges(fake).map(describe)).toEqual([
      'src/core/types.ts -> src/facts/analysis.ts: core may not import facts (an upper layer)',
      'src/engine/settings.ts -> rules/index.ts: only src/index.ts imports rules/ (and hands them to createLinter)',
      'src/node/cli.ts -> src/lsp/server.ts: node may not import lsp (an upper layer)',
      'rules/max-length.ts -> src/split/split.ts: a rule imports only the rule API (src/rule/index.ts), not engine internals',
      'rules/personal-data/index.ts -> stemmer: a rule reads text through the Analysis, not through the package "stemmer"',
      'rules/personal-data/index.ts -> rules/other/x.ts: a rule imports only its own folder, rules/data and the rule API',
      'packages/vectors-en/src/index.ts -> rules/data/x.json: a word-vectors package imports only its data (rules/data/word-vectors.<lang>.json) and src/facts/',
      'packages/vectors-en/src/index.ts -> src/engine/lint.ts: a word-vectors package imports only its data (rules/data/word-vectors.<lang>.json) and src/facts/',
      'src/codemirror/index.ts -> src/channels/measure.ts: the CodeMirror adapter imports only the public API (src/index.ts), not core internals',
      'src/codemirror/index.ts -> yaml: the CodeMirror adapter imports only CodeMirror and the public API, not the package "yaml"',
      'src/format/summary.ts -> @codemirror/view: only src/codemirror imports CodeMirror, so the core entry never pulls it in',
    ]);
  });

  it('finds a cycle', () => {
    expect(findCycles(fake).map((c) => c.join(' -> '))).toEqual(['src/text/a.ts -> src/text/b.ts -> src/text/a.ts']);
  });
});
