import type { Diagnostic, Suggestion } from './types.js';

/**
 * Gives `target.suggestions` as a getter that computes them on first read and then keeps them (an
 * empty or missing answer removes the property, as if it had never been there). A thread plan costs
 * a keystroke's time; an editor re-linting as the author types reads no suggestion, a code action
 * or `--split` does. The property is enumerable, so JSON, spreads and deep equality see the value.
 */
export function defineLazySuggestions(target: { suggestions?: Suggestion[] }, compute: () => Suggestion[] | undefined): void {
  Object.defineProperty(target, 'suggestions', {
    configurable: true,
    enumerable: true,
    get() {
      const suggestions = compute();
      if (suggestions?.length) Object.defineProperty(target, 'suggestions', { value: suggestions, writable: true, configurable: true, enumerable: true });
      else delete target.suggestions;
      return target.suggestions;
    },
    set(value: Suggestion[] | undefined) {
      Object.defineProperty(target, 'suggestions', { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

/**
 * Gives `target[key]` as a getter that computes the value on first read and then keeps it as a plain
 * data property (dropping `compute` and what it holds). Enumerable and in the order it is defined, so
 * JSON, spreads, structuredClone, deep equality and Object.keys see the same object as if the value
 * had been set; a write replaces it unread. For what lint() reports that no rule needed (the
 * language, key-message coverage): an editor re-linting on every keystroke never reads them.
 */
export function defineLazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** Whether `diagnostic.suggestions` is still to be computed (reading it would compute it). */
export function hasLazySuggestions(diagnostic: Diagnostic): boolean {
  return typeof Object.getOwnPropertyDescriptor(diagnostic, 'suggestions')?.get === 'function';
}

/** A copy of the diagnostic's own properties that leaves `suggestions` unread and out. */
export function withoutSuggestions(diagnostic: Diagnostic): Diagnostic {
  const copy = {} as Diagnostic;
  for (const key of Object.keys(diagnostic) as (keyof Diagnostic)[]) {
    if (key !== 'suggestions') (copy as unknown as Record<string, unknown>)[key] = diagnostic[key];
  }
  return copy;
}

/**
 * Sets `to.suggestions` to `map(from.suggestions)` (dropping it when that is empty), lazily when
 * `from`'s are lazy, so mapping positions to a file does not compute what nobody reads.
 */
export function mapSuggestions(from: Diagnostic, to: Diagnostic, map: (suggestions: Suggestion[]) => Suggestion[]): void {
  const mapped = () => {
    const suggestions = from.suggestions;
    return suggestions ? map(suggestions) : undefined;
  };
  if (hasLazySuggestions(from)) {
    defineLazySuggestions(to, mapped);
    return;
  }
  const suggestions = mapped();
  if (suggestions?.length) to.suggestions = suggestions;
  else delete to.suggestions;
}
