import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWordVectors } from '../../src/facts/word-vectors.js';
import { isVectorsPackageMissing, loadWordVectors, VECTORS_PACKAGE } from '../../src/node/word-vectors.js';

/** The error Node gives when `load` (an import() or a require()) fails, in a project without @postlint/vectors-en. */
function failure(load: string): { code: string; message: string } {
  const dir = mkdtempSync(join(tmpdir(), 'postlint-no-vectors-'));
  try {
    const script = `const report = (e) => console.log(JSON.stringify({ code: e.code, message: e.message })); (async () => { try { await ${load}; } catch (e) { report(e); } })()`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    return JSON.parse(run.stdout) as { code: string; message: string };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('loadWordVectors', () => {
  it('loads the vectors package where it is installed (here, the workspace)', async () => {
    const vectors = await loadWordVectors();
    expect(isWordVectors(vectors)).toBe(true);
    expect(vectors!.lang).toBe('en');
  });

  it('tells a missing package, from import() and from require(), from any other failure', () => {
    expect(isVectorsPackageMissing(failure(`import(${JSON.stringify(VECTORS_PACKAGE)})`))).toBe(true);
    expect(isVectorsPackageMissing(failure(`require(${JSON.stringify(VECTORS_PACKAGE)})`))).toBe(true);
    // Another package missing, or a file missing inside an installed one, is no reason to go without vectors quietly.
    expect(isVectorsPackageMissing(failure("import('@postlint/vectors-fr')"))).toBe(false);
    expect(isVectorsPackageMissing(failure("require('./en.data.cjs')"))).toBe(false);
    expect(isVectorsPackageMissing(new Error(`Cannot find module '${VECTORS_PACKAGE}'`))).toBe(false);
    expect(isVectorsPackageMissing(undefined)).toBe(false);
  });
});
