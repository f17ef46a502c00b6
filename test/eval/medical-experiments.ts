import { Analysis } from '../../src/facts/analysis.js';
import { assess, compileMedicalLexicons } from '../../rules/complex-medical-question/medical-signals.js';
import { bucketOf, FEATURE_BITS, featureNames } from '../../rules/complex-medical-question/features.js';
import { LANGUAGES, type Language } from '../../src/facts/language.js';
import { bestThreshold, bootstrap, count, metrics, probability, seeded, sigmoid, TARGETS, train, TRAINING, type Example, type Scored, type TrainOptions } from './learn.js';
import { readCorpus } from './medical-corpus.js';

/**
 * The experiments behind the shipped model's features (docs/health-rules.md, "What was tried"):
 * variants of features and training, each scored by nested leave-one-author-out (the threshold and
 * any hyper-parameter chosen on the training authors only), with the paired bootstrap difference
 * in F1 from the first variant named. Not part of `npm run train`: the winners were moved into
 * rules/complex-medical-question/features.ts.
 * Run: node test/eval/run.mjs test/eval/medical-experiments.ts [variant...] [--lang=en,de,fr]
 */
type Names = (analysis: Analysis, signals: ReturnType<typeof assess>['signals']) => string[];
const lexicons = compileMedicalLexicons();

function charGrams(analysis: Analysis, n: number): string[] {
  const out: string[] = [];
  for (const w of analysis.words) {
    if (w.tag) continue;
    const s = `<${w.lower}>`;
    for (let i = 0; i + n <= s.length; i++) out.push(`c:${s.slice(i, i + n)}`);
  }
  return out;
}

function interactions(analysis: Analysis, signals: ReturnType<typeof assess>['signals'], base: string[]): string[] {
  const shapes = base.filter((n) => n === 'shape:reply' || n === 'shape:question-mark' || n === 'shape:link');
  const ids = [...new Set(signals.map((s) => s.id))];
  const out: string[] = [];
  for (const shape of shapes) for (const id of ids) out.push(`${shape}*${id}`);
  return out;
}

/** Whether the draft speaks to one person: a reply (@name first) or a name and a comma in its first words ("Dale, before...", "Hi Dave, it's..."). */
function addressed(analysis: Analysis): boolean {
  const mention = analysis.mentions[0];
  if (mention && analysis.text.slice(0, mention.start).trim() === '') return true;
  const { words, text } = analysis;
  for (let i = 0; i < Math.min(3, words.length); i++) {
    const w = words[i]!;
    if (w.sentence !== 0) break;
    if (i > 0 && /^\p{Lu}/u.test(w.text) && text[w.end] === ',') return true;
    if (i === 0 && /^\p{Lu}\p{Ll}+$/u.test(w.text) && text[w.end] === ',' && words.length > 1) return true;
  }
  return false;
}

function toOne(analysis: Analysis, signals: ReturnType<typeof assess>['signals']): string[] {
  if (!addressed(analysis)) return [];
  return ['shape:to-one', ...[...new Set(signals.map((s) => s.id))].map((id) => `to-one:${id}`)];
}

const FEATURES: Record<string, Names> = {
  toone: (a, s) => [...featureNames(a, s), ...toOne(a, s)],
  base: (a, s) => featureNames(a, s),
  char4: (a, s) => [...featureNames(a, s), ...charGrams(a, 4)],
  char35: (a, s) => [...featureNames(a, s), ...charGrams(a, 3), ...charGrams(a, 4), ...charGrams(a, 5)],
  inter: (a, s) => {
    const base = featureNames(a, s);
    return [...base, ...interactions(a, s, base)];
  },
};

interface Variant {
  features: string;
  /** Naive-Bayes log-count ratios scale each feature before the regression (NB-LR, Wang & Manning 2012). */
  nb?: boolean;
  /** Buckets seen in fewer training authors than this get no weight: one author's pet words do not carry over. */
  minAuthors?: number;
  /** Threshold aimed at the false-alarm target (at most 2% of the inner folds' negatives) instead of precision and recall. */
  falseAlarms?: number;
  l2?: number[];
  classWeight?: boolean;
  pool?: number;
  bits?: number;
}
const VARIANTS: Record<string, Variant> = {
  base: { features: 'base' },
  toone: { features: 'toone' },
  fa2: { features: 'base', falseAlarms: 0.02 },
  nblrtoone: { features: 'toone', nb: true },
  l2inner: { features: 'base', l2: [1e-4, 3e-4, 1e-3, 3e-3] },
  classweight: { features: 'base', classWeight: true },
  char4: { features: 'char4' },
  char35: { features: 'char35' },
  char4b14: { features: 'char4', bits: 14 },
  char4b15: { features: 'char4', bits: 15 },
  char4l2: { features: 'char4', l2: [3e-4, 1e-3] },
  base14: { features: 'base', bits: 14 },
  inter: { features: 'inter' },
  pool: { features: 'base', pool: 1 },
  pool05: { features: 'base', pool: 0.5 },
  nblr: { features: 'base', nb: true },
  nblrl2: { features: 'base', nb: true, l2: [1e-4, 3e-4, 1e-3, 3e-3] },
  nblrchar4: { features: 'char4', nb: true },
  authors2: { features: 'base', minAuthors: 2 },
  nblrauthors2: { features: 'base', nb: true, minAuthors: 2 },
  nblrauthors3: { features: 'base', nb: true, minAuthors: 3 },
};

interface Ex extends Example {
  weight: number;
  fixed?: boolean;
}

function buildExamples(language: Language, variant: Variant): Ex[] {
  const bits = variant.bits ?? FEATURE_BITS[language];
  const names = FEATURES[variant.features]!;
  const make = (lang: Language, shared: boolean) =>
    readCorpus(lang).map((d) => {
      const analysis = new Analysis(d.text, { language: lang });
      let list = names(analysis, assess(analysis, lexicons).signals);
      // Other languages' drafts lend only what the languages share: signal ids and the draft's shape.
      if (shared) list = list.filter((n) => n.startsWith('signal:') || n.startsWith('shape:'));
      const buckets = Uint32Array.from(new Set(list.map((n) => bucketOf(n, bits)))).sort();
      return { buckets, label: d.label, group: d.author, weight: 1, fixed: shared } as Ex;
    });
  let out = make(language, false);
  if (variant.pool) for (const other of LANGUAGES) if (other !== language) out = out.concat(make(other, true).map((e) => ({ ...e, weight: variant.pool! })));
  if (variant.classWeight) {
    const pos = out.filter((e) => e.label && !e.fixed).length;
    const neg = out.filter((e) => !e.label && !e.fixed).length;
    for (const e of out) if (e.label) e.weight *= neg / pos;
  }
  return out;
}

/** Weighted full-batch logistic regression (train() of learn.ts, with a weight per example). */
type Options = TrainOptions & { nb?: boolean; minAuthors?: number };
function trainWeighted(examples: readonly Ex[], options: Options) {
  if (examples.every((e) => e.weight === 1) && !options.nb && !options.minAuthors) return train(examples, options);
  const { dims, l2, iterations, learningRate } = options;
  const r = options.nb ? ratios(examples, dims) : new Float64Array(dims).fill(1);
  if (options.minAuthors) {
    const seen = Array.from({ length: dims }, () => new Set<string>());
    for (const e of examples) for (const b of e.buckets) seen[b]!.add(e.group);
    for (let j = 0; j < dims; j++) if (seen[j]!.size < options.minAuthors) r[j] = 0;
  }
  const w = new Float64Array(dims);
  const velocity = new Float64Array(dims);
  const gradient = new Float64Array(dims);
  const look = new Float64Array(dims);
  let bias = 0;
  let biasVelocity = 0;
  const momentum = 0.9;
  let n = 0;
  for (const e of examples) n += e.weight;
  for (let step = 0; step < iterations; step++) {
    for (let j = 0; j < dims; j++) look[j] = w[j]! + momentum * velocity[j]!;
    const lookBias = bias + momentum * biasVelocity;
    gradient.fill(0);
    let biasGradient = 0;
    for (const { buckets, label, weight } of examples) {
      let z = lookBias;
      for (const b of buckets) z += look[b]! * r[b]!;
      const error = (sigmoid(z) - (label ? 1 : 0)) * weight;
      biasGradient += error;
      for (const b of buckets) gradient[b]! += error * r[b]!;
    }
    for (let j = 0; j < dims; j++) {
      const g = gradient[j]! / n + l2 * look[j]!;
      velocity[j] = momentum * velocity[j]! - learningRate * g;
      w[j]! += velocity[j]!;
    }
    biasVelocity = momentum * biasVelocity - learningRate * (biasGradient / n);
    bias += biasVelocity;
  }
  for (let j = 0; j < dims; j++) w[j]! *= r[j]!;
  return { bias, weights: w };
}

/** |log((p_j / |p|) / (q_j / |q|))| with add-one counts: how much a bucket tells the classes apart. */
function ratios(examples: readonly Ex[], dims: number): Float64Array {
  const p = new Float64Array(dims).fill(1);
  const q = new Float64Array(dims).fill(1);
  for (const e of examples) for (const b of e.buckets) (e.label ? p : q)[b]! += e.weight;
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < dims; j++) {
    sp += p[j]!;
    sq += q[j]!;
  }
  const r = new Float64Array(dims);
  for (let j = 0; j < dims; j++) r[j] = Math.abs(Math.log(p[j]! / sp / (q[j]! / sq)));
  return r;
}

function oof(examples: readonly Ex[], options: Options): Scored[] {
  const groups = [...new Set(examples.filter((e) => !e.fixed).map((e) => e.group))];
  const out: Scored[] = [];
  for (const group of groups) {
    const model = trainWeighted(examples.filter((e) => e.group !== group), options);
    for (const e of examples) if (e.group === group) out.push({ label: e.label, probability: probability(model, e.buckets), group });
  }
  return out;
}

const objective = (scored: readonly Scored[], threshold: number) => {
  const m = metrics(count(scored.map((s) => ({ label: s.label, flagged: s.probability >= threshold }))));
  return Math.min(m.precision / TARGETS.precision, m.recall / TARGETS.recall);
};

/** The lowest threshold whose false alarms on these scores stay at or under the rate. */
function thresholdForFalseAlarms(scored: readonly Scored[], rate: number): number {
  const negatives = scored.filter((s) => !s.label).map((s) => s.probability).sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * rate);
  return (negatives[allowed]! + (negatives[allowed - 1] ?? 1)) / 2;
}

function nested(examples: readonly Ex[], variant: Variant, dims: number) {
  const groups = [...new Set(examples.filter((e) => !e.fixed).map((e) => e.group))];
  const out: (Scored & { flagged: boolean })[] = [];
  const chosen: number[] = [];
  for (const group of groups) {
    const rest = examples.filter((e) => e.group !== group);
    let best = { value: -1, l2: TRAINING.l2, threshold: 0.5 };
    for (const l2 of variant.l2 ?? [TRAINING.l2]) {
      const scored = oof(rest, { ...TRAINING, dims, l2, nb: variant.nb, minAuthors: variant.minAuthors });
      const threshold = variant.falseAlarms ? thresholdForFalseAlarms(scored, variant.falseAlarms) : bestThreshold(scored);
      const value = objective(scored, threshold);
      if (value > best.value) best = { value, l2, threshold };
    }
    chosen.push(best.l2);
    const model = trainWeighted(rest, { ...TRAINING, dims, l2: best.l2, nb: variant.nb, minAuthors: variant.minAuthors });
    for (const e of examples) {
      if (e.group !== group) continue;
      const p = probability(model, e.buckets);
      out.push({ label: e.label, probability: p, group, flagged: p >= best.threshold });
    }
  }
  return { out, chosen };
}

/** F1 of b minus F1 of a on the same drafts, with a 95% paired bootstrap interval (drafts resampled together). */
function pairedF1(a: readonly { label: boolean; flagged: boolean }[], b: readonly { label: boolean; flagged: boolean }[]): string {
  const random = seeded(16);
  const diffs: number[] = [];
  for (let r = 0; r < 2000; r++) {
    const ia: typeof a[number][] = [];
    const ib: typeof b[number][] = [];
    for (let i = 0; i < a.length; i++) {
      const k = Math.floor(random() * a.length);
      ia.push(a[k]!);
      ib.push(b[k]!);
    }
    diffs.push(metrics(count(ib)).f1 - metrics(count(ia)).f1);
  }
  diffs.sort((x, y) => x - y);
  const d = metrics(count(b)).f1 - metrics(count(a)).f1;
  return `ΔF1 ${d >= 0 ? '+' : ''}${d.toFixed(3)} [${diffs[50]!.toFixed(3)},${diffs[1949]!.toFixed(3)}]`;
}

export function main(args: string[]) {
  const langs = (args.find((a) => a.startsWith('--lang='))?.slice(7).split(',') ?? ['en']) as Language[];
  const names = args.filter((a) => !a.startsWith('--'));
  for (const language of langs) {
    let reference: { name: string; out: { label: boolean; flagged: boolean }[] } | undefined;
    for (const name of names.length ? names : Object.keys(VARIANTS)) {
      const variant = VARIANTS[name]!;
      const started = Date.now();
      const examples = buildExamples(language, variant);
      const { out, chosen } = nested(examples, variant, 1 << (variant.bits ?? FEATURE_BITS[language]));
      const m = metrics(count(out));
      const ci = bootstrap(out);
      const authors = [...new Set(out.map((s) => s.group))].map((g) => ({ g, f1: metrics(count(out.filter((s) => s.group === g))).f1 }));
      const worst = authors.reduce((a, b) => (b.f1 < a.f1 ? b : a));
      const f = (x: number) => x.toFixed(3);
      console.log(
        `| ${language} | ${name} | ${f(m.precision)} [${f(ci.precision[0])},${f(ci.precision[1])}] | ${f(m.recall)} | ${f(m.f1)} [${f(ci.f1[0])},${f(ci.f1[1])}] | ${f(m.falseAlarms)} | ${worst.g} ${f(worst.f1)} | ${reference ? pairedF1(reference.out, out) : '—'} | ${variant.l2 ? 'l2 ' + chosen.join(',') + ' ' : ''}${((Date.now() - started) / 1000).toFixed(0)}s |`,
      );
      reference ??= { name, out };
    }
  }
  return 0;
}
