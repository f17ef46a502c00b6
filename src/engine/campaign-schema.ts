import * as v from 'valibot';
import type { Campaign } from '../core/types.js';
import { PostlintConfigError } from '../core/errors.js';

const nonEmptyText = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} is empty; write it out`));

const KeyMessageSchema = v.object({
  id: v.pipe(nonEmptyText('the id'), v.regex(/^[\w.-]+$/u, 'use letters, digits, "-", "_" or "." in an id, e.g. "early-diagnosis"')),
  text: nonEmptyText('the key message text'),
  also: v.optional(v.array(nonEmptyText('an `also` phrasing'), '`also` must be a list of phrasings')),
  channels: v.optional(v.array(nonEmptyText('a channel id'), '`channels` must be a list of channel ids, e.g. [linkedin, x]')),
  beforeFold: v.optional(v.boolean('`beforeFold` must be true or false')),
});

const CampaignSchema = v.object({
  name: nonEmptyText('the campaign name'),
  theme: v.optional(v.string('the theme must be text')),
  hashtags: v.optional(
    v.array(
      v.pipe(v.string('a hashtag must be text'), v.trim(), v.regex(/^#?[\p{L}\p{M}\p{N}_]+$/u, 'a hashtag is one word of letters, digits or "_", e.g. "#WorldCancerDay"')),
      '`hashtags` must be a list, e.g. ["#WorldCancerDay"]',
    ),
  ),
  link: v.optional(v.pipe(v.string('the link must be text'), v.trim(), v.url('the link must be a full URL, e.g. "https://example.org/campaign"'))),
  keyMessages: v.pipe(
    v.array(KeyMessageSchema, '`keyMessages` must be a list of { id, text }'),
    v.minLength(1, 'a campaign needs at least one key message'),
  ),
});

export interface CampaignIssue {
  /** Keys from the campaign's root, e.g. ["keyMessages", 1, "id"]. */
  path: (string | number)[];
  message: string;
}

/** Validates a campaign definition; every mistake comes back with the path of the key at fault. */
export function validateCampaign(input: unknown): { campaign?: Campaign; issues: CampaignIssue[] } {
  const result = v.safeParse(CampaignSchema, input, { abortEarly: false });
  if (!result.success) {
    return {
      issues: result.issues.map((issue) => ({
        path: (issue.path ?? []).map((p) => p.key as string | number),
        message: issue.message,
      })),
    };
  }
  const campaign = result.output as Campaign;
  const issues: CampaignIssue[] = [];
  const seen = new Map<string, number>();
  campaign.keyMessages.forEach((message, index) => {
    const first = seen.get(message.id);
    if (first !== undefined) issues.push({ path: ['keyMessages', index, 'id'], message: `duplicate id "${message.id}" (also key message ${first + 1}); give each key message its own id` });
    else seen.set(message.id, index);
  });
  campaign.hashtags = campaign.hashtags?.map((tag) => (tag.startsWith('#') ? tag : '#' + tag));
  return issues.length ? { issues } : { campaign, issues };
}

const checked = new WeakMap<object, Campaign>();

/** The campaign of `LintOptions`, validated once per object; a mistake throws `PostlintConfigError`. */
export function checkedCampaign(input: unknown): Campaign {
  if (typeof input === 'object' && input !== null) {
    const cached = checked.get(input);
    if (cached) return cached;
  }
  const { campaign, issues } = validateCampaign(input);
  if (!campaign) {
    const issue = issues[0]!;
    throw new PostlintConfigError(['campaign', ...issue.path].join('.'), issue.message);
  }
  checked.set(input as object, campaign);
  return campaign;
}
