import { describe, expect, it } from 'vitest';
import { defineLazyProperty, defineLazySuggestions, hasLazySuggestions, withoutSuggestions } from '../../src/core/lazy.js';
import type { Diagnostic, Suggestion } from '../../src/core/types.js';

const suggestion: Suggestion = { title: 'Split into a thread', fix: { edits: [] } };

describe('defineLazyProperty', () => {
  it('computes once, on the first read, and then holds a plain enumerable value', () => {
    let calls = 0;
    const target: { a: number; lazy?: string } = { a: 1 };
    defineLazyProperty(target, 'lazy', () => `computed ${++calls}`);
    expect(calls).toBe(0);
    expect(Object.keys(target)).toEqual(['a', 'lazy']);
    expect(target.lazy).toBe('computed 1');
    expect(target.lazy).toBe('computed 1');
    expect(calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(target, 'lazy')).toEqual({ value: 'computed 1', writable: true, enumerable: true, configurable: true });
  });

  it('a write before any read replaces the value, and the computation never runs', () => {
    let calls = 0;
    const target: { lazy?: string } = {};
    defineLazyProperty(target, 'lazy', () => `computed ${++calls}`);
    target.lazy = 'written';
    expect(target.lazy).toBe('written');
    expect(calls).toBe(0);
  });

  it('keeps each object its own computation, the same key on many objects', () => {
    const targets = [0, 1, 2].map((i) => {
      const target: { n?: number } = {};
      defineLazyProperty(target, 'n', () => i * 10);
      return target;
    });
    expect(targets.map((t) => t.n)).toEqual([0, 10, 20]);
  });

  it('read through an object that inherits it, settles on the owner, computed once', () => {
    let calls = 0;
    const owner: { lazy?: number } = {};
    defineLazyProperty(owner, 'lazy', () => ++calls);
    const child = Object.create(owner) as { lazy?: number };
    expect(child.lazy).toBe(1);
    expect(owner.lazy).toBe(1);
    expect(Object.hasOwn(child, 'lazy')).toBe(false);
    expect(calls).toBe(1);
  });

  it('a computation that throws throws again on the next read, and gives its value once it can', () => {
    let fail = true;
    const target: { lazy?: string } = {};
    defineLazyProperty(target, 'lazy', () => {
      if (fail) throw new Error('not yet');
      return 'ready';
    });
    expect(() => target.lazy).toThrow('not yet');
    expect(() => target.lazy).toThrow('not yet');
    fail = false;
    expect(target.lazy).toBe('ready');
    expect(JSON.stringify(target)).toBe('{"lazy":"ready"}');
  });

  it('a key made lazy as a plain property does not change what lazy suggestions do with none', () => {
    const plain: { suggestions?: unknown[] } = {};
    defineLazyProperty(plain, 'suggestions', () => []);
    expect(plain.suggestions).toEqual([]);
    expect('suggestions' in plain).toBe(true);
    const lazy: { suggestions?: never[] } = {};
    defineLazySuggestions(lazy, () => []);
    expect(lazy.suggestions).toBeUndefined();
    expect('suggestions' in lazy).toBe(false);
  });

  it('shows JSON, structuredClone, spreads and deep equality the value alone', () => {
    const target: { a: number; lazy?: string } = { a: 1 };
    defineLazyProperty(target, 'lazy', () => 'v');
    expect(JSON.stringify(target)).toBe('{"a":1,"lazy":"v"}');
    const other: { a: number; lazy?: string } = { a: 1 };
    defineLazyProperty(other, 'lazy', () => 'v');
    expect(structuredClone(other)).toEqual({ a: 1, lazy: 'v' });
    const third: { a: number; lazy?: string } = { a: 1 };
    defineLazyProperty(third, 'lazy', () => 'v');
    expect({ ...third }).toStrictEqual({ a: 1, lazy: 'v' });
    expect(third).toStrictEqual({ a: 1, lazy: 'v' });
  });
});

describe('defineLazySuggestions', () => {
  const diagnostic = (): Diagnostic => ({ ruleId: 'r', severity: 'warning', message: 'm', messageId: 'm', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 }, url: '' });

  it('keeps computed suggestions, and removes the property when there are none', () => {
    const some = diagnostic();
    defineLazySuggestions(some, () => [suggestion]);
    expect(hasLazySuggestions(some)).toBe(true);
    expect(some.suggestions).toEqual([suggestion]);
    expect(hasLazySuggestions(some)).toBe(false);
    const none = diagnostic();
    defineLazySuggestions(none, () => []);
    expect(none.suggestions).toBeUndefined();
    expect('suggestions' in none).toBe(false);
    const missing = diagnostic();
    defineLazySuggestions(missing, () => undefined);
    expect(missing.suggestions).toBeUndefined();
    expect(Object.keys(missing)).not.toContain('suggestions');
  });

  it('a copy without suggestions leaves them unread', () => {
    let calls = 0;
    const d = diagnostic();
    defineLazySuggestions(d, () => (calls++, [suggestion]));
    expect(Object.keys(withoutSuggestions(d))).not.toContain('suggestions');
    expect(calls).toBe(0);
    expect(d.suggestions).toEqual([suggestion]);
    expect(calls).toBe(1);
  });
});
