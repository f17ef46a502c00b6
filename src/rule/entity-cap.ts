import type { Channel, Entity } from '../core/types.js';
import * as v from 'valibot';
import { defineRule, type Rule, type RuleExample } from './rule.js';

interface CapSpec {
  id: string;
  entity: Entity['type'];
  cap: 'maxLinks' | 'maxHashtags' | 'maxMentions';
  noun: string;
  why: string;
  sources: string[];
  correct: RuleExample[];
  incorrect: RuleExample[];
}

/**
 * max-links, max-hashtags and max-mentions differ only in what they count and which cap of the
 * channel they read; each is one line of configuration in its own rule file.
 */
export function entityCapRule({ id, entity, cap, noun, why, sources, correct, incorrect }: CapSpec): Rule<{ max?: number }> {
  return defineRule<{ max?: number }>({
    meta: {
      id,
      description: `The draft has no more ${noun} than the channel allows.`,
      severity: 'error',
      fixable: false,
      messages: {
        tooMany: `{count} ${noun}, but {channel} allows {max}: remove {over}`,
        // The writer's own `max` is named as theirs: "Bluesky allows 2" would be wrong when Bluesky allows more.
        overOwnLimit: `{count} ${noun}, over your limit of {max}: remove {over}`,
      },
      schema: v.strictObject({ max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
      // `max` is listed so that a typo of it is reported as an unknown option.
      defaults: { max: undefined },
      docs: { why, sources, correct, incorrect },
    },
    check({ channel, analysis, options, report }) {
      const own = options.max !== undefined;
      const max = options.max ?? (channel as Channel)[cap];
      if (max === undefined) return;
      const found = analysis.entities.filter((e) => e.type === entity);
      if (found.length <= max) return;
      const extra = found.slice(max);
      report({
        messageId: own ? 'overOwnLimit' : 'tooMany',
        data: { count: found.length, channel: channel.name, max, over: found.length - max },
        start: extra[0]!.start,
        end: extra[extra.length - 1]!.end,
      });
    },
  });
}
