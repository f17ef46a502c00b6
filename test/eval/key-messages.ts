import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Analysis } from '../../src/facts/analysis.js';
import { FEATURES, keyMessageFeatures, type MessageFeatures } from '../../src/facts/key-message-match.js';
import { probability, type KeyMessageModel } from '../../src/facts/key-message-model.js';
import { fitLogistic } from './logistic.js';
import { seeded } from './learn.js';
import type { WordVectors } from '../../src/facts/word-vectors.js';
import type { Campaign } from '../../src/core/types.js';

export interface CorpusCampaign extends Campaign {
  id: string;
  author: string;
}

export interface CorpusDraft {
  id: string;
  author: string;
  campaign: string | null;
  text: string;
  key_messages: string[];
}

/** One (draft, key message) question: does the draft carry the message? */
export interface Pair {
  draft: string;
  campaign: string;
  author: string;
  message: string;
  carried: boolean;
  features: MessageFeatures;
}

const CORPUS = 'test/fixtures/key-messages/corpus';

/** The by-author corpus of one language (English: German and French wait for their own stemmer and vectors). */
export function readCorpus(lang = 'en', root = CORPUS): { campaigns: CorpusCampaign[]; drafts: CorpusDraft[] } {
  const campaigns: CorpusCampaign[] = [];
  const drafts: CorpusDraft[] = [];
  {
    const dir = path.join(root, lang);
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.campaigns.json')) campaigns.push(...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CorpusCampaign[]));
      if (file.endsWith('.drafts.jsonl')) drafts.push(...readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusDraft));
    }
  }
  return { campaigns, drafts };
}

/** The older single-labeller sets (the lexical matcher was tuned on them): extra development data, as corpus drafts. */
export function readOlderSets(): { campaigns: CorpusCampaign[]; drafts: CorpusDraft[] } {
  const campaigns: CorpusCampaign[] = [];
  const drafts: CorpusDraft[] = [];
  for (const [dir, author] of [['test/fixtures/key-messages', 'dev-a'], ['test/fixtures/key-messages-own', 'dev-b']] as const) {
    const own = JSON.parse(readFileSync(`${dir}/campaigns.json`, 'utf8')) as Campaign[];
    for (const c of own) campaigns.push({ ...c, id: `${author}:${c.name}`, author });
    for (const line of readFileSync(`${dir}/drafts.jsonl`, 'utf8').split('\n').filter(Boolean)) {
      const d = JSON.parse(line) as { id: string; campaign: string; text: string; carries: string[] };
      drafts.push({ id: d.id, author, campaign: `${author}:${d.campaign}`, text: d.text, key_messages: d.carries });
    }
  }
  return { campaigns, drafts };
}

/**
 * Every (draft, message) pair with its features. A draft of no campaign
 * (an ordinary post of the same organisation) is asked about every campaign of its author: it must carry none.
 */
export function pairsOf(corpus: { campaigns: CorpusCampaign[]; drafts: CorpusDraft[] }, vectors?: WordVectors): Pair[] {
  const pairs: Pair[] = [];
  for (const draft of corpus.drafts) {
    const targets = draft.campaign === null ? corpus.campaigns.filter((c) => c.author === draft.author) : corpus.campaigns.filter((c) => c.id === draft.campaign);
    if (draft.campaign !== null && targets.length !== 1) throw new Error(`draft ${draft.id}: campaign ${draft.campaign} not found`);
    const analysis = new Analysis(draft.text);
    for (const campaign of targets) {
      const features = keyMessageFeatures(analysis, campaign, vectors);
      campaign.keyMessages.forEach((message, i) => {
        pairs.push({ draft: draft.id, campaign: campaign.id, author: campaign.author, message: message.id, carried: draft.campaign !== null && draft.key_messages.includes(message.id), features: features[i]! });
      });
    }
  }
  return pairs;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const f1 = ({ tp, fp, fn }: Counts) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
export const precision = ({ tp, fp }: Counts) => (tp + fp === 0 ? 1 : tp / (tp + fp));
export const recall = ({ tp, fn }: Counts) => (tp + fn === 0 ? 1 : tp / (tp + fn));

export function count(pairs: readonly Pair[], decide: (p: Pair) => boolean): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const p of pairs) {
    const said = decide(p);
    if (said && p.carried) c.tp++;
    else if (said) c.fp++;
    else if (p.carried) c.fn++;
  }
  return c;
}

/** Percentile bootstrap 95% intervals of P, R and F1, resampling whole clusters (campaigns pooled, drafts within one). */
export function bootstrap(clusters: readonly Counts[], runs = 2000, seed = 17): { precision: [number, number]; recall: [number, number]; f1: [number, number] } {
  const next = seeded(seed);
  const stats: { precision: number[]; recall: number[]; f1: number[] } = { precision: [], recall: [], f1: [] };
  for (let r = 0; r < runs; r++) {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < clusters.length; i++) {
      const pick = clusters[Math.floor(next() * clusters.length)]!;
      c.tp += pick.tp;
      c.fp += pick.fp;
      c.fn += pick.fn;
    }
    stats.precision.push(precision(c));
    stats.recall.push(recall(c));
    stats.f1.push(f1(c));
  }
  const interval = (xs: number[]): [number, number] => {
    xs.sort((a, b) => a - b);
    return [xs[Math.floor(0.025 * runs)]!, xs[Math.ceil(0.975 * runs) - 1]!];
  };
  return { precision: interval(stats.precision), recall: interval(stats.recall), f1: interval(stats.f1) };
}

/** A way of deciding, fitted on some pairs and then applied to others. */
export interface Procedure {
  name: string;
  fit(train: readonly Pair[]): (pair: Pair) => boolean;
}

/** Today's matcher: stems, thesaurus and negation, thresholds tuned on the older sets. Nothing to fit. */
export const lexicalProcedure: Procedure = { name: 'lexical (stems + thesaurus + negation)', fit: () => (p) => p.features.lexical.carried };

/** How a threshold is chosen: the best F1, or the most recall at a precision of at least `precision`. */
export type Objective = { kind: 'f1' } | { kind: 'precision'; precision: number };

/** The threshold that maximises F1 over scored pairs (ties: the higher threshold, for precision), or recall at a precision floor. */
export function bestThreshold(scored: readonly { score: number; carried: boolean }[], objective: Objective = { kind: 'f1' }): number {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.carried).length;
  let tp = 0;
  let best = { f1: -1, threshold: 1 };
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.carried) tp++;
    if (i + 1 < sorted.length && sorted[i + 1]!.score === sorted[i]!.score) continue;
    const f = objective.kind === 'f1' ? (2 * tp) / (i + 1 + positives) : tp / (i + 1) >= objective.precision ? tp : -1;
    // Halfway to the next score down, so a held-out pair between the two goes the way of the lower.
    const next = sorted[i + 1]?.score ?? 0;
    if (f > best.f1) best = { f1: f, threshold: (sorted[i]!.score + next) / 2 };
  }
  return best.threshold;
}

/**
 * Fits the logistic model on the training pairs; its threshold comes from the training campaigns'
 * own leave-one-campaign-out probabilities (nested: the held-out campaign is never seen).
 */
export function logisticModel(train: readonly Pair[], features: readonly number[] = FEATURES.map((_, i) => i), options?: Parameters<typeof fitLogistic>[3], objective?: Objective): KeyMessageModel {
  const names = features.map((i) => FEATURES[i]!);
  const x = (p: Pair) => features.map((i) => p.features.values[i]!);
  const campaigns = [...new Set(train.map((p) => p.campaign))];
  const outOfFold: { score: number; carried: boolean }[] = [];
  for (const held of campaigns) {
    const inner = train.filter((p) => p.campaign !== held);
    const model = fitLogistic(names, inner.map(x), inner.map((p) => p.carried), options);
    for (const p of train) if (p.campaign === held) outOfFold.push({ score: probability({ ...model, threshold: 0 }, x(p)), carried: p.carried });
  }
  const model = fitLogistic(names, train.map(x), train.map((p) => p.carried), options);
  return { ...model, threshold: bestThreshold(outOfFold, objective) };
}

export function logisticProcedure(name: string, features?: readonly number[], options?: Parameters<typeof fitLogistic>[3], objective?: Objective): Procedure {
  return {
    name,
    fit(train) {
      const model = logisticModel(train, features, options, objective);
      const idx = features ?? FEATURES.map((_, i) => i);
      return (p) => p.features.lexical.alsoCarried || probability(model, idx.map((i) => p.features.values[i]!)) >= model.threshold;
    },
  };
}

/** Each group held out in turn: fitted on the rest (and on `extra`, pairs never evaluated), applied to it. */
export function crossValidate(pairs: readonly Pair[], groupOf: (p: Pair) => string, procedure: Procedure, extra: readonly Pair[] = []): Map<Pair, boolean> {
  const decided = new Map<Pair, boolean>();
  for (const group of [...new Set(pairs.map(groupOf))]) {
    const decide = procedure.fit([...pairs.filter((p) => groupOf(p) !== group), ...extra]);
    for (const p of pairs) if (groupOf(p) === group) decided.set(p, decide(p));
  }
  return decided;
}

export interface Figures extends Counts {
  precision: number;
  recall: number;
  f1: number;
  interval: ReturnType<typeof bootstrap>;
}

function figures(clusters: readonly Counts[]): Figures {
  const c = clusters.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), { tp: 0, fp: 0, fn: 0 });
  return { ...c, precision: precision(c), recall: recall(c), f1: f1(c), interval: bootstrap(clusters) };
}

/** Pooled figures (campaigns resampled for the interval) and per-campaign ones (drafts resampled). */
export function report(pairs: readonly Pair[], decided: ReadonlyMap<Pair, boolean>): { pooled: Figures; campaigns: Map<string, Figures> } {
  const byCampaign = new Map<string, Map<string, Counts>>();
  for (const p of pairs) {
    const drafts = byCampaign.get(p.campaign) ?? new Map<string, Counts>();
    byCampaign.set(p.campaign, drafts);
    const c = drafts.get(p.draft) ?? { tp: 0, fp: 0, fn: 0 };
    drafts.set(p.draft, c);
    const said = decided.get(p)!;
    if (said && p.carried) c.tp++;
    else if (said) c.fp++;
    else if (p.carried) c.fn++;
  }
  const campaigns = new Map([...byCampaign].map(([id, drafts]) => [id, figures([...drafts.values()])]));
  const pooled = figures([...campaigns.values()]);
  return { pooled, campaigns };
}

const pct = (n: number) => n.toFixed(2);
const span = ([a, b]: [number, number]) => `[${pct(a)}, ${pct(b)}]`;

export function formatFigures(label: string, f: Figures): string {
  return `${label.padEnd(46)} P ${pct(f.precision)} ${span(f.interval.precision)}  R ${pct(f.recall)} ${span(f.interval.recall)}  F1 ${pct(f.f1)} ${span(f.interval.f1)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`;
}

/** A candidate of the combined matcher: the features its logistic model weighs. */
export interface Variant {
  name: string;
  features: readonly (typeof FEATURES)[number][];
}

const indicesOf = (names: readonly string[]) => names.map((n) => FEATURES.indexOf(n as (typeof FEATURES)[number]));

/** Each variant's F1 on the training campaigns' own leave-one-campaign-out probabilities (best threshold): the inner score a choice is made on. */
export function innerF1(train: readonly Pair[], variant: Variant): number {
  const features = indicesOf(variant.features);
  const x = (p: Pair) => features.map((i) => p.features.values[i]!);
  const scored: { score: number; carried: boolean }[] = [];
  for (const held of new Set(train.map((p) => p.campaign))) {
    const inner = train.filter((p) => p.campaign !== held);
    const model = fitLogistic(variant.features, inner.map(x), inner.map((p) => p.carried));
    for (const p of train) if (p.campaign === held) scored.push({ score: p.features.lexical.alsoCarried ? 1 : probability({ ...model, threshold: 0 }, x(p)), carried: p.carried });
  }
  const t = bestThreshold(scored);
  return f1(count(scored.map((s, i) => ({ ...train[0]!, carried: s.carried, draft: String(i) })), (p) => scored[Number(p.draft)]!.score >= t));
}

/** Nested choice: in each fold, the variant with the best inner F1 on the training campaigns alone, then fitted on all of them. */
export function selectingProcedure(variants: readonly Variant[], chosen?: string[]): Procedure {
  return {
    name: 'chosen inside each fold',
    fit(train) {
      let best = variants[0]!;
      let bestF1 = -1;
      for (const v of variants) {
        const score = innerF1(train, v);
        if (score > bestF1) (best = v), (bestF1 = score);
      }
      chosen?.push(best.name);
      return logisticProcedure(best.name, indicesOf(best.features)).fit(train);
    },
  };
}

export function variantProcedure(variant: Variant): Procedure {
  return logisticProcedure(variant.name, indicesOf(variant.features));
}
