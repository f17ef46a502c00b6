import type { Measurement } from '../core/types.js';

/** "x: 291/280 weighted characters", the one-line measurement shown after each post. */
export function describeMeasurement(measurement: Measurement): string {
  if (measurement.limit === Infinity) return `${measurement.channel}: ${measurement.count} ${measurement.unit} (no limit)`;
  let line = `${measurement.channel}: ${measurement.count}/${measurement.limit} ${measurement.unit}`;
  if (measurement.sms) line += ` (${measurement.sms.encoding}, ${measurement.sms.characters} characters)`;
  if (measurement.bytes) line += `, ${measurement.bytes.count}/${measurement.bytes.limit} bytes`;
  return line;
}
