// Types of bench/seeded.mjs, for the evaluation scripts under test/eval.
export function seeded(seed: number): () => number;
