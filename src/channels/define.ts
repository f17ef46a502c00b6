import * as v from 'valibot';
import type { Channel, ChannelId, Counter, Purpose } from '../core/types.js';
import { PostlintConfigError } from '../core/errors.js';
import { channels } from './builtin.js';
import { graphemeCounter, mastodonCounter, utf16Counter } from './counters.js';
import { smsCounter } from './sms.js';
import { twitterCounter } from './twitter.js';
import { threadsCounter } from './threads.js';

/** Counters a custom channel can name instead of writing one. */
export const counters = {
  'x': () => twitterCounter('version3'),
  'x-v2': () => twitterCounter('version2'),
  'x-140': () => twitterCounter('version1'),
  graphemes: () => graphemeCounter,
  characters: () => utf16Counter,
  mastodon: () => mastodonCounter,
  threads: () => threadsCounter,
  sms: () => smsCounter,
} as const satisfies Record<string, () => Counter>;

const PURPOSES = ['news', 'campaigns', 'fundraising', 'events', 'conversation', 'detailed-answers', 'personal-questions', 'articles'] as const;
const count = v.pipe(v.number(), v.minValue(0));

const ChannelSpec = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  extends: v.optional(v.string()),
  name: v.optional(v.string()),
  counter: v.optional(
    v.union([
      v.picklist(Object.keys(counters) as (keyof typeof counters)[]),
      v.custom<Counter>((c) => typeof c === 'object' && c !== null && typeof (c as Counter).count === 'function', 'a counter object { unit, count }'),
      v.custom<(text: string) => number>((f) => typeof f === 'function', 'a function (text) => number'),
    ]),
  ),
  limit: v.optional(count),
  fold: v.optional(count),
  maxBytes: v.optional(count),
  maxLinks: v.optional(count),
  maxHashtags: v.optional(count),
  maxMentions: v.optional(count),
  rendersMarkdown: v.optional(v.boolean()),
  purposes: v.optional(v.array(v.picklist(PURPOSES))),
  invalidCharacters: v.optional(v.array(v.string())),
  source: v.optional(v.string()),
});

export type ChannelSpec = v.InferInput<typeof ChannelSpec>;

/**
 * A custom channel: a built-in one with other numbers (`{ id: 'my-instance', extends: 'mastodon',
 * limit: 1000 }`) or a new one with its own counter and purposes. Throws PostlintConfigError
 * naming the key when the spec is wrong.
 */
export function defineChannel(spec: ChannelSpec): Channel {
  const result = v.safeParse(ChannelSpec, spec);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new PostlintConfigError(`channel${path ? '.' + path : ''}`, issue.message);
  }
  const { extends: base, counter, ...rest } = result.output;
  const parent = base === undefined || !Object.hasOwn(channels, base) ? undefined : channels[base as keyof typeof channels];
  if (base !== undefined && !parent) {
    throw new PostlintConfigError('channel.extends', `unknown channel "${base}"; use one of ${Object.keys(channels).join(', ')}`);
  }
  const defined: Channel = {
    name: rest.id,
    limit: Infinity,
    rendersMarkdown: false,
    purposes: ['news', 'campaigns', 'fundraising', 'events', 'conversation'] as Purpose[],
    ...parent,
    ...rest,
    counter: toCounter(counter) ?? parent?.counter ?? utf16Counter,
  };
  validChannels.add(defined);
  return defined;
}

function toCounter(counter: ChannelSpec['counter']): Counter | undefined {
  if (counter === undefined) return undefined;
  if (typeof counter === 'string') return counters[counter]();
  if (typeof counter === 'function') {
    return { unit: 'characters', count: (text) => ({ count: counter(text) }) };
  }
  return counter;
}

// A channel object handed in directly (LintOptions.channels, Post.channel), checked where it
// enters so that a wrong field is a PostlintConfigError naming it, not a TypeError in a counter.
const ChannelObject = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  counter: v.custom<Counter>(
    (c) => typeof c === 'object' && c !== null && typeof (c as Counter).count === 'function' && typeof (c as Counter).unit === 'string',
    'expected a counter { unit, count(text, limit, facts) }; defineChannel() builds one from a name such as "graphemes"',
  ),
  limit: count,
  fold: v.optional(count),
  maxBytes: v.optional(count),
  maxLinks: v.optional(count),
  maxHashtags: v.optional(count),
  maxMentions: v.optional(count),
  rendersMarkdown: v.boolean(),
  purposes: v.array(v.picklist(PURPOSES)),
  invalidCharacters: v.optional(v.array(v.string())),
  source: v.optional(v.string()),
});
const validChannels = new WeakSet<object>();

/** Checks a channel object from outside once; `key` names where it came from, e.g. `channels.my-instance`. */
export function validateChannel(channel: unknown, key: string): Channel {
  if (typeof channel === 'object' && channel !== null && validChannels.has(channel)) return channel as Channel;
  const result = v.safeParse(ChannelObject, channel);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new PostlintConfigError(`${key}${path ? '.' + path : ''}`, `${issue.message}; build channels with defineChannel()`);
  }
  validChannels.add(channel as object);
  return channel as Channel;
}

/** The channel a post names, from the options' custom channels or the built-ins. */
export function resolveChannel(channel: ChannelId | Channel | undefined, custom?: Record<string, Channel>): Channel {
  if (channel === undefined) return channels.x;
  if (typeof channel === 'object' && channel !== null) return validateChannel(channel, 'channel');
  if (typeof channel !== 'string') {
    throw new PostlintConfigError('channel', `expected a channel id or a channel object, got ${typeof channel}`);
  }
  // Own keys only: "constructor" is not a channel.
  const found = (custom && Object.hasOwn(custom, channel) ? custom[channel] : undefined) ?? (Object.hasOwn(channels, channel) ? channels[channel as keyof typeof channels] : undefined);
  if (!found) {
    const known = [...Object.keys(channels), ...Object.keys(custom ?? {})];
    throw new PostlintConfigError('channel', `unknown channel "${channel}"; use one of ${known.join(', ')} or defineChannel()`);
  }
  return found;
}
