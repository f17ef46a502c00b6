import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { rules } from '../../src/index.js';

const test = fileURLToPath(new URL('..', import.meta.url));

it('has a test file per built-in rule, test/rules/<rule-id>.test.ts', () => {
  const missing = Object.keys(rules).filter((id) => !existsSync(path.join(test, 'rules', `${id}.test.ts`)));
  expect(missing).toEqual([]);
});

it('groups tests as the code is: no test file loose in test/, helpers apart in test/helpers', () => {
  const loose = readdirSync(test).filter((name) => name.endsWith('.ts'));
  expect(loose).toEqual([]);
  expect(readdirSync(path.join(test, 'helpers')).filter((name) => name.endsWith('.test.ts'))).toEqual([]);
});
