import type { Diagnostic, Suggestion } from './types.js';

// Why the accessors are shared and the computation sits on the object: V8 keeps an object's
// accessor functions in its hidden class, and hidden classes live in the old generation. A getter
// made per result (a closure over its analysis) gave every result its own hidden class, which the
// young-generation collector treats as a root; a WeakMap from result to computation is one too. So
// each lint's whole analysis (words, entities, key-message terms) survived, was copied to the old
// generation, and only a full collection freed it. One getter and setter per key, reading the
// computation from a non-enumerable symbol property of the object itself, keep every result on the
// same hidden class and let it die young. JSON, structuredClone, spreads, Object.keys and deep
// equality skip non-enumerable symbol properties.
type Accessors = { get(this: object): unknown; set(this: object, value: unknown): void };
type Lazy = { accessors: Accessors; slot: symbol };
type Slots = Record<symbol, (() => unknown) | undefined>;
// By key and by what an empty value does: a key made lazy both ways keeps both behaviours apart.
const lazyKeys = { keep: new Map<PropertyKey, Lazy>(), dropEmpty: new Map<PropertyKey, Lazy>() };

/** The object that holds the key's pending computation: `target` or the object `target` inherits the key from. */
function pendingOwner(slot: symbol, target: object): object | undefined {
  for (let owner: object | null = target; owner !== null; owner = Object.getPrototypeOf(owner)) {
    if (Object.hasOwn(owner, slot) && (owner as Slots)[slot]) return owner;
  }
  return undefined;
}

const settle = (target: object, key: PropertyKey, value: unknown) =>
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });

/** The key's shared accessors; `dropEmpty`: an empty or missing value removes the property (suggestions). */
function lazyKey(key: PropertyKey, dropEmpty: boolean): Lazy {
  const byKey = dropEmpty ? lazyKeys.dropEmpty : lazyKeys.keep;
  let lazy = byKey.get(key);
  if (lazy) return lazy;
  const slot = Symbol(`postlint lazy ${String(key)}`);
  const accessors: Accessors = {
    get() {
      const owner = pendingOwner(slot, this);
      if (!owner) return undefined;
      // Dropped only once it has given a value: a computation that throws throws again on the next read.
      const value = (owner as Slots)[slot]!();
      (owner as Slots)[slot] = undefined;
      if (!dropEmpty) return settle(owner, key, value), value;
      if ((value as { length?: number } | undefined)?.length) settle(owner, key, value);
      else delete (owner as Record<PropertyKey, unknown>)[key];
      return (owner as Record<PropertyKey, unknown>)[key];
    },
    set(value) {
      if (Object.hasOwn(this, slot)) (this as Slots)[slot] = undefined;
      settle(this, key, value);
    },
  };
  byKey.set(key, (lazy = { accessors, slot }));
  return lazy;
}

function defineLazy(target: object, lazy: Lazy, key: PropertyKey, compute: () => unknown): void {
  Object.defineProperty(target, lazy.slot, { value: compute, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(target, key, { configurable: true, enumerable: true, get: lazy.accessors.get, set: lazy.accessors.set });
}

/**
 * Gives `target.suggestions` as a getter that computes them on first read and then keeps them (an
 * empty or missing answer removes the property, as if it had never been there). A thread plan costs
 * a keystroke's time; an editor re-linting as the author types reads no suggestion, a code action
 * or `--split` does. The property is enumerable, so JSON, spreads and deep equality see the value.
 */
export function defineLazySuggestions(target: { suggestions?: Suggestion[] }, compute: () => Suggestion[] | undefined): void {
  defineLazy(target, lazyKey('suggestions', true), 'suggestions', compute);
}

/**
 * Gives `target[key]` as a getter that computes the value on first read and then keeps it as a plain
 * data property (dropping `compute` and what it holds). Enumerable and in the order it is defined, so
 * JSON, spreads, structuredClone, deep equality and Object.keys see the same object as if the value
 * had been set; a write replaces it unread. For what lint() reports that no rule needed (the
 * language, key-message coverage): an editor re-linting on every keystroke never reads them.
 */
export function defineLazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  defineLazy(target, lazyKey(key, false), key, compute);
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
