/**
 * The combined matcher's decision: a logistic model over the lexical and meaning features of a
 * (draft, key message) pair, fitted by `npm run eval -- --write` on the labelled campaigns and
 * stored in data/key-message-model.en.json.
 */
export interface KeyMessageModel {
  about?: string;
  features: readonly string[];
  /** Feature means and spreads of the fitting data: inputs are standardised with them. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** A pair is carried when its probability reaches this. */
  threshold: number;
}

export function probability(model: KeyMessageModel, values: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * ((values[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}
