import * as v from 'valibot';
import weights from '../data/complex-medical-question/signals.json';
import { assess, compileMedicalLexicons, CUE_SIGNALS, MEDICAL_CATEGORIES, VOCABULARY, type MedicalLexicons, type Signal } from './medical-signals.js';
import { defineRule } from '../../src/rule/index.js';

interface Options {
  /** Channel ids the rule runs on: those without detailed answers among their purposes. */
  channels: string[];
  /** Score at which a draft is flagged; lower finds more, higher is stricter. */
  threshold: number;
  /** Phrases added to the shipped lists, by category ('drug', 'condition'...) or signal ('signpost', 'event'...). */
  extraTerms: Record<string, string[]>;
}

const TERM_KEYS = [...MEDICAL_CATEGORIES, ...CUE_SIGNALS];
const schema = v.object({
  channels: v.array(v.string('each channel must be a channel id')),
  threshold: v.pipe(v.number('threshold must be a number, e.g. 3'), v.finite()),
  extraTerms: v.record(
    v.picklist(TERM_KEYS, `extraTerms keys are categories or signals: ${TERM_KEYS.join(', ')}`),
    v.array(v.pipe(v.string(), v.nonEmpty('a phrase cannot be empty'))),
  ),
});

const shipped = compileMedicalLexicons();
// Options objects are validated once per configuration, so extra terms compile once per configuration too.
const withExtras = new WeakMap<object, MedicalLexicons>();

const WHERE: Record<string, string> = { helpline: 'on the helpline', email: 'by email', web: 'in a web article', dm: 'in a private message' };
const MAX_SIGNALS_NAMED = 3;
const SPECIFIC = new Set<Signal['id']>(['stage', 'value', 'dose', 'drug']);

export default defineRule<Options>({
  meta: {
    id: 'complex-medical-question',
    description: 'A personal or nuanced medical question (or an answer to one) belongs on a long-form channel, not in a short public post.',
    severity: 'error',
    fixable: false,
    messages: {
      question: 'Reads as a personal medical question ({signals}): answer it {where}, and post a pointer here instead.',
      advice: 'Reads as individual medical advice ({signals}): give it {where}, and post a pointer here instead.',
      nuanced: 'Reads as a medical question that needs a nuanced answer ({signals}): answer it {where}, and post a pointer here instead.',
    },
    schema,
    defaults: { channels: ['x', 'x-140', 'bluesky', 'mastodon', 'threads', 'sms', 'instagram'], threshold: 3, extraTerms: {} },
    docs: {
      why:
        'A question about one person’s diagnosis, results, treatment, medicines or prognosis cannot be answered well in a short public post: the honest answer needs their history, nuance and privacy. Cancer information services answer such questions on the helpline, by email or in a private message, and post a pointer in public. The rule weighs signals (question or advice form, first-person or relative framing, stages, test values, doses, drug names, prognosis and decision wording) against counter-signals (signposting, links, phone numbers, events, fundraising, news, thanks) and reports the signals it found.',
      sources: ['Medical vocabulary: the project’s own lists; drug-name endings follow the WHO INN stem list'],
      correct: [
        { text: 'Worried about a symptom? Our nurses are here: 0808 157 0192 / read our guide https://example.org/symptoms', channel: 'x' },
        { text: 'Who’s running with us on Sunday? 🏃 #RaceForLife', channel: 'x' },
        { text: 'my dad got told stage 4 and the chemo isnt working what are his options', channel: 'email' },
        { text: 'Does hair dye cause cancer? We looked at the evidence: https://example.org/hair-dye', channel: 'threads' },
      ],
      incorrect: [
        {
          text: 'my dad got told stage 4 and the chemo isnt working what are his options',
          channel: 'x',
          messages: [
            "Reads as a personal medical question (framing about someone close, 'stage 4', treatment decision): answer it on the helpline, by email or in a web article, and post a pointer here instead.",
          ],
        },
        {
          text: '@sam yes you can take ibuprofen with that, it won’t interfere with your chemo',
          channel: 'bluesky',
          messages: [
            "Reads as individual medical advice (individual advice, 'ibuprofen', health claim): give it on the helpline, by email or in a web article, and post a pointer here instead.",
          ],
        },
        {
          text: 'Can hair dye cause bladder cancer?',
          channel: 'mastodon',
          options: { threshold: 3 },
          messages: [
            "Reads as a medical question that needs a nuanced answer (health claim, 'bladder cancer'): answer it on the helpline, by email or in a web article, and post a pointer here instead.",
          ],
        },
      ],
    },
  },
  check({ text, channel, analysis, options, longFormChannels, contacts, report }) {
    if (!options.channels.includes(channel.id)) return;
    let lexicons = shipped;
    if (Object.keys(options.extraTerms).length > 0) {
      lexicons = withExtras.get(options.extraTerms) ?? compileMedicalLexicons(options.extraTerms);
      withExtras.set(options.extraTerms, lexicons);
    }
    const assessed = assess(analysis, lexicons);
    const { engaged, medical } = assessed;
    if (!engaged || !medical) return;
    let { signals, score } = assessed;
    // The organisation's own email, handle or page in the draft points the reader to it: signposting.
    const own = contacts.any && !signals.some((s) => s.id === 'signpost') ? contacts.firstIn(analysis) : undefined;
    if (own) {
      const weight = weights.signals.signpost.weight;
      signals = [...signals, { id: 'signpost' as const, weight, text: own.text, start: own.start, end: own.end }].sort((a, b) => a.start - b.start);
      score = Math.round((score + weight) * 100) / 100;
    }
    if (score < options.threshold) return;
    const has = (id: Signal['id']) => signals.some((s) => s.id === id);
    const messageId = has('advice') ? 'advice' : has('first-person') || has('relative') ? 'question' : 'nuanced';
    const positive = signals.filter((s) => s.weight > 0);
    // Name what the writer can see and change: specific terms first, then the strongest cues, in reading order.
    // "my dad" is about someone close, so "first-person" would only repeat it; "question form" says little.
    const named = [...positive.filter((s) => !VOCABULARY.has(s.id)), ...firstTerm(text, positive)]
      .filter((s) => !(s.id === 'first-person' && has('relative')) && s.id !== 'ask')
      .sort((a, b) => Number(SPECIFIC.has(b.id)) - Number(SPECIFIC.has(a.id)) || b.weight - a.weight || a.start - b.start)
      .slice(0, MAX_SIGNALS_NAMED)
      .sort((a, b) => a.start - b.start);
    const start = Math.min(...positive.map((s) => s.start));
    const end = Math.max(...positive.map((s) => s.end));
    report({
      messageId,
      data: { signals: named.map(label).join(', '), where: where(longFormChannels), score },
      start,
      end,
      details: { threshold: options.threshold, signals: signals.map(({ id, weight, text, start, end }) => ({ id, weight, text, start, end })) },
    });
  },
});

/** The first medical term, with the terms right after it: "bladder" + "cancer" reads "bladder cancer". */
function firstTerm(text: string, signals: readonly Signal[]): Signal[] {
  const terms = signals.filter((s) => VOCABULARY.has(s.id));
  const first = terms[0];
  if (!first) return [];
  let end = first.end;
  for (const term of terms.slice(1)) if (term.start > end && term.start - end <= 1) end = term.end;
  return [{ ...first, end, text: text.slice(first.start, end) }];
}

function label(signal: Signal): string {
  return weights.signals[signal.id].label.replace('{text}', signal.text.toLowerCase());
}

function where(channels: readonly string[]): string {
  const places = channels.map((id) => WHERE[id] ?? `on ${id}`);
  return places.length <= 1 ? (places[0] ?? 'on a long-form channel') : `${places.slice(0, -1).join(', ')} or ${places[places.length - 1]}`;
}
