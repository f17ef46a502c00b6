import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { blockSource, readBlock, targetsBlock } from '../../bench/targets.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}/docs/performance.md`, 'utf8');

it("docs/performance.md's targets table is what its results file renders (run the bench to regenerate it)", () => {
  const source = blockSource(readme);
  expect(source, 'docs/performance.md has no generated `bench:targets` block naming its results file').toMatch(/^bench\/results\/(latest|quick)\.json$/);
  expect(existsSync(`${root}/${source}`)).toBe(true);
  const results = JSON.parse(readFileSync(`${root}/${source}`, 'utf8'));
  expect(readBlock(readme)).toBe(targetsBlock(results, source!));
});

it('renders every target row with its value, target and verdict', () => {
  const block = targetsBlock(
    {
      command: 'npm run bench',
      date: '2026-12-02T08:00:00.000Z',
      machine: { cpu: 'CPU', cores: 2, node: 'v20', loadAverage: 3 },
      targets: [
        { name: 'lint() recommended, X, per post', value: 2.5, target: '<= 3x parseTweet', met: true, today: '43x' },
        { name: 'npm package, unpacked (MB)', value: 5.4, target: '<= 2 MB', met: false, today: '18.6 MB' },
        { name: 'issue 8 row', value: 1, target: 3, met: true },
      ],
    },
    'bench/results/latest.json',
  );
  expect(block).toContain('| lint() recommended, X, per post | 2.5 | <= 3x parseTweet: met | 43x |');
  expect(block).toContain('| npm package, unpacked (MB) | 5.4 | <= 2 MB: missed | 18.6 MB |');
  expect(block).not.toContain('issue 8 row');
});
