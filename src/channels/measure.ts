import type { Channel, ChannelId, CounterFacts, Entity, Measurement } from '../core/types.js';
import { resolveChannel, validateChannel } from './define.js';
import { PostlintConfigError } from '../core/errors.js';
import { extractEntities } from '../text/entities.js';
import { countGraphemeClusters, measureUtf8 } from './graphemes.js';

export interface MeasureOptions {
  /** Mastodon's content warning, which counts towards the limit. */
  contentWarning?: string;
  /** Custom channels by id. */
  channels?: Record<string, Channel>;
}

/** Measures `text` for a channel: the count in the channel's unit, the limit, and where it overflows. */
export function measure(text: string, channel: ChannelId | Channel, options: MeasureOptions = {}): Measurement {
  if (typeof text !== 'string') throw new PostlintConfigError('text', `expected a string, got ${typeof text}`);
  if (options.contentWarning !== undefined && typeof options.contentWarning !== 'string') {
    throw new PostlintConfigError('contentWarning', `expected a string, got ${typeof options.contentWarning}`);
  }
  for (const [id, custom] of Object.entries(options.channels ?? {})) validateChannel(custom, `channels.${id}`);
  const profile = resolveChannel(channel, options.channels);
  let urls: Entity[] | undefined;
  const facts: CounterFacts = { urls: () => (urls ??= extractEntities(text, { urlsOnly: true }).urls) };
  return measureWithFacts(text, profile, facts, options.contentWarning);
}

/** The engine's entry: the shared analysis supplies the entities, so nothing is extracted twice. */
export function measureWithFacts(text: string, channel: Channel, facts: CounterFacts, contentWarning = ''): Measurement {
  const warning = contentWarning === '' ? 0 : countGraphemeClusters(contentWarning, Infinity).count;
  const limit = channel.limit;
  const counted = channel.counter.count(text, Math.max(0, limit - warning), facts);
  const count = counted.count + warning;
  let overflowStart = counted.overflowStart;
  let bytes: Measurement['bytes'];
  if (channel.maxBytes !== undefined) {
    const utf8 = measureUtf8(text, channel.maxBytes);
    bytes = { count: utf8.bytes, limit: channel.maxBytes };
    if (utf8.overflowStart !== undefined && (overflowStart === undefined || utf8.overflowStart < overflowStart)) {
      overflowStart = utf8.overflowStart;
    }
  }
  const fits = count <= limit && (bytes === undefined || bytes.count <= bytes.limit);
  const measurement: Measurement = {
    channel: channel.id,
    count,
    limit,
    unit: channel.counter.unit,
    remaining: limit - count,
    fits,
  };
  if (!fits && overflowStart !== undefined) measurement.overflowStart = overflowStart;
  if (counted.sms) measurement.sms = counted.sms;
  if (bytes) measurement.bytes = bytes;
  return measurement;
}
