import * as v from 'valibot';
import { defineRule, type Severity } from '../../src/rule/index.js';
import weights from '../data/complex-medical-question/signals.json';
import { assess, compileMedicalLexicons, CUE_SIGNALS, MEDICAL_CATEGORIES, VOCABULARY, type MedicalLexicons, type Signal } from './medical-signals.js';
import { predict } from './model.js';

interface Options {
  /** Channel ids the rule runs on: those without detailed answers among their purposes. */
  channels: string[];
  /** The model's probability (0 to 1) at which a draft is flagged; lower finds more, higher is stricter. Unset: each language model's own. */
  threshold?: number;
  /** Phrases added to the shipped lists, by category ('drug', 'condition'...) or signal ('signpost', 'event'...). */
  extraTerms: Record<string, string[]>;
  /** Severity of a personal question or individual advice, and of a general question that needs nuance. */
  severity: { personal: Severity; general: Severity };
}

const TERM_KEYS = [...MEDICAL_CATEGORIES, ...CUE_SIGNALS];
const SEVERITY = v.picklist(['error', 'warning', 'info'] as const, "severity is 'error', 'warning' or 'info'");
const schema = v.object({
  channels: v.array(v.string('each channel must be a channel id')),
  threshold: v.optional(
    v.pipe(
      v.number('threshold must be a number, e.g. 0.5'),
      v.minValue(0, 'threshold is a probability from 0 to 1 (e.g. 0.5); scores above 1 were the hand-weighted rule of v0.1'),
      v.maxValue(1, 'threshold is a probability from 0 to 1 (e.g. 0.5); scores above 1 were the hand-weighted rule of v0.1'),
    ),
  ),
  extraTerms: v.record(
    v.picklist(TERM_KEYS, `extraTerms keys are categories or signals: ${TERM_KEYS.join(', ')}`),
    v.array(v.pipe(v.string(), v.nonEmpty('a phrase cannot be empty'))),
  ),
  severity: v.object({ personal: SEVERITY, general: SEVERITY }),
});

// Compiled when the rule first reads a draft, not when the CLI or the language server starts.
let shipped: ReturnType<typeof compileMedicalLexicons> | undefined;
// Options objects are validated once per configuration, so extra terms compile once per configuration too.
const withExtras = new WeakMap<object, MedicalLexicons>();

const WHERE: Record<string, string> = { helpline: 'on the helpline', email: 'by email', web: 'in a web article', dm: 'in a private message' };
const MAX_EVIDENCE = 3;
const SPECIFIC = new Set<Signal['id']>(['stage', 'value', 'dose', 'drug']);
const POINT_THERE = 'and post only a short reply here that points there, such as your helpline number or a link to your guide';

export default defineRule<Options>({
  meta: {
    id: 'complex-medical-question',
    description: 'A personal or nuanced medical question (or an answer to one) belongs on a long-form or private channel, not in a short public post.',
    severity: 'error',
    fixable: false,
    messages: {
      question: 'This reads as a personal medical question ({evidence}). Answer it privately or at length ({where}) ' + POINT_THERE + '.',
      advice: "This reads as an answer to one person's medical question ({evidence}). Give that answer privately or at length ({where}) " + POINT_THERE + '.',
      nuanced: 'This reads as a medical question that needs a nuanced answer ({evidence}). Answer it in full ({where}) ' + POINT_THERE + '.',
    },
    schema,
    defaults: {
      channels: ['x', 'x-140', 'bluesky', 'mastodon', 'threads', 'sms', 'instagram'],
      extraTerms: {},
      severity: { personal: 'error', general: 'warning' },
    },
    docs: {
      languages: ['en', 'de', 'fr'],
      why:
        'A question about one person’s diagnosis, results, treatment, medicines or prognosis cannot be answered well in a short public post: the honest answer needs their history, nuance and privacy. Cancer information services answer such questions on the helpline, by email or in a private message, and post a pointer in public. The rule is a learned model (logistic regression over word stems, stem pairs, the hand-written signals and, in English, character 4-grams, one model per language, trained on drafts by independent authors (ten in English, four each in German and French); `npm run eval` scores each author with a model that never saw them). The message names the strongest evidence in the draft: stages, test values, doses, drug names, first-person or relative framing, advice to one reader.',
      sources: ['Training data: test/fixtures/complex-medical-question/corpus (labels in LABELS.md)', 'Medical vocabulary: the project’s own lists; drug-name endings follow the WHO INN stem list'],
      correct: [
        { text: 'Worried about a symptom? Our nurses are here: 01632 960 123 / read our guide https://example.org/symptoms', channel: 'x' },
        { text: 'Who’s running with us on Sunday? 🏃 #RaceForLife', channel: 'x' },
        { text: 'Worried about a lump? Most breast lumps are not cancer, but always get them checked by your GP.', channel: 'x' },
        { text: 'my dad got told stage 4 and the chemo isnt working what are his options', channel: 'email' },
      ],
      incorrect: [
        {
          text: 'my dad got told stage 4 and the chemo isnt working what are his options',
          channel: 'x',
          messages: [
            "This reads as a personal medical question ('stage 4', 'chemo', treatment decision). Answer it privately or at length (on the helpline, by email or in a web article) and post only a short reply here that points there, such as your helpline number or a link to your guide.",
          ],
        },
        {
          text: '@sam yes you can take ibuprofen with that, it won’t interfere with your chemo',
          channel: 'bluesky',
          messages: [
            "This reads as an answer to one person's medical question (individual advice, 'ibuprofen', 'chemo'). Give that answer privately or at length (on the helpline, by email or in a web article) and post only a short reply here that points there, such as your helpline number or a link to your guide.",
          ],
        },
      ],
    },
  },
  check({ text, channel, analysis, options, longFormChannels, contacts, report }) {
    if (!options.channels.includes(channel.id)) return;
    let lexicons = (shipped ??= compileMedicalLexicons());
    if (Object.keys(options.extraTerms).length > 0) {
      lexicons = withExtras.get(options.extraTerms) ?? compileMedicalLexicons(options.extraTerms);
      withExtras.set(options.extraTerms, lexicons);
    }
    // assess reads the words and the model the language, whatever assess finds. Reading the language
    // before assess asks for its lists puts them in that language's group (see Analysis.lexicon):
    // matched in the same pass over the words as the other rules' per-language lists, not a pass of
    // their own. Words first, so that the language is detected from them as before, not from the text.
    void analysis.words;
    void analysis.language;
    const assessed = assess(analysis, lexicons);
    let { signals } = assessed;
    // The organisation's own email, handle or page in the draft points the reader to it: signposting, as the model reads it.
    // Only drafts with medical content are weighed at all, so only they look for the contacts.
    if (assessed.medical && contacts.any && !signals.some((s) => s.id === 'signpost')) {
      const own = contacts.firstIn(analysis);
      if (own) signals = [...signals, { id: 'signpost' as const, weight: weights.signals.signpost.weight, text: own.text, start: own.start, end: own.end }].sort((a, b) => a.start - b.start);
    }
    // The strongest features are listed only for a draft the threshold flags: only its message names them.
    const { probability, strongest, threshold: modelThreshold } = predict(analysis, signals, options.threshold);
    const threshold = options.threshold ?? modelThreshold;
    if (probability < threshold) return;
    const has = (id: Signal['id']) => signals.some((s) => s.id === id);
    const messageId = has('advice') || (has('reply') && !has('ask')) ? 'advice' : has('first-person') || has('relative') ? 'question' : 'nuanced';
    const positive = signals.filter((s) => s.weight > 0);
    const evidence = evidenceOf(text, positive, has);
    const start = positive.length > 0 ? Math.min(...positive.map((s) => s.start)) : text.length - text.trimStart().length;
    const end = positive.length > 0 ? Math.max(...positive.map((s) => s.end)) : text.trimEnd().length;
    report({
      messageId,
      severity: messageId === 'nuanced' ? options.severity.general : options.severity.personal,
      data: { evidence: evidence.length > 0 ? evidence.join(', ') : 'its wording', where: where(longFormChannels), score: Number(probability.toFixed(3)), threshold },
      start,
      end: Math.max(end, start),
      details: {
        probability,
        threshold,
        language: analysis.language,
        evidence,
        strongestFeatures: strongest,
        signals: signals.map(({ id, text, start, end }) => ({ id, text, start, end })),
      },
    });
  },
});

/** What the writer can see and change: the draft's own medical terms first, then the strongest cues, in reading order. */
function evidenceOf(text: string, positive: readonly Signal[], has: (id: Signal['id']) => boolean): string[] {
  const specific = positive.filter((s) => SPECIFIC.has(s.id));
  const terms = medicalTerms(text, positive).filter((t) => !specific.some((s) => s.start < t.end && t.start < s.end));
  // "my dad" is about someone close, so "first-person" would only repeat it; "question form" says little.
  const cues = positive
    .filter((s) => !SPECIFIC.has(s.id) && !VOCABULARY.has(s.id) && s.id !== 'ask' && s.id !== 'several-questions' && !(s.id === 'first-person' && has('relative')))
    .sort((a, b) => b.weight - a.weight || a.start - b.start);
  return [...specific, ...terms, ...cues]
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.start - b.start)
    .map(label);
}

/** The first medical term, with the terms right after it ("bladder" + "cancer" reads "bladder cancer"), then the next. */
function medicalTerms(text: string, signals: readonly Signal[]): Signal[] {
  const terms = signals.filter((s) => VOCABULARY.has(s.id));
  const joined: Signal[] = [];
  for (const term of terms) {
    const last = joined[joined.length - 1];
    if (last && term.start > last.end - 1 && term.start - last.end <= 1) joined[joined.length - 1] = { ...last, end: term.end, text: text.slice(last.start, term.end) };
    else joined.push(term);
  }
  return joined.slice(0, 2);
}

function label(signal: Signal): string {
  return weights.signals[signal.id].label.replace('{text}', signal.text.toLowerCase());
}

function where(channels: readonly string[]): string {
  const places = channels.map((id) => WHERE[id] ?? `on ${id}`);
  return places.length <= 1 ? (places[0] ?? 'on a long-form channel') : `${places.slice(0, -1).join(', ')} or ${places[places.length - 1]}`;
}
