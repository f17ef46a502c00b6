import { expect, it } from 'vitest';
import { evaluate } from '../helpers/key-messages-eval.js';

it('carries key messages by meaning on the development set: precision and recall >= 0.85', () => {
  const figures = evaluate('test/fixtures/key-messages', process.env.KM_VERBOSE === '1');
  console.log(`key-messages development set: ${JSON.stringify(figures)}`);
  expect(figures.precision).toBeGreaterThanOrEqual(0.85);
  expect(figures.recall).toBeGreaterThanOrEqual(0.85);
});

it('carries key messages on the second, independent set (stroke and flu campaigns): precision and recall >= 0.8', () => {
  const figures = evaluate('test/fixtures/key-messages-own', process.env.KM_VERBOSE === '1');
  console.log(`key-messages second set: ${JSON.stringify(figures)}`);
  expect(figures.precision).toBeGreaterThanOrEqual(0.8);
  expect(figures.recall).toBeGreaterThanOrEqual(0.8);
});
