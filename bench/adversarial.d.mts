// Types of bench/adversarial.mjs, for test/engine/linear-time.test.ts.
export const MIXED: string;
export const SENTENCES: string;
export const ADVERSARIAL: Record<string, (size: number) => string>;
export function repeat(unit: string): (size: number) => string;
