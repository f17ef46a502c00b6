/**
 * What postlint reports about a file itself rather than about a post in it. Each has one rule id,
 * documented in docs/rules.md and listed in SARIF's rule table, so a CI annotation links somewhere.
 */
export interface FileProblem {
  id: string;
  description: string;
  /** Anchor in docs/rules.md. */
  anchor: string;
  why: string;
  /** How it is reported. */
  severity: 'error' | 'warning';
}

export const FRONT_MATTER_RULE = 'front-matter';
export const CAMPAIGN_FILE_RULE = 'campaign-file';
export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';
export const UNKNOWN_RULE_DIRECTIVE = 'unknown-rule-in-directive';

export const FILE_PROBLEMS: readonly FileProblem[] = [
  {
    id: FRONT_MATTER_RULE,
    description: "A Markdown file's front matter is a YAML mapping that postlint can read: a known `channel` and `lang`, and in a campaign plan a valid campaign.",
    anchor: FRONT_MATTER_RULE,
    severity: 'error',
    why: 'The front matter (between `---` lines at the top of a Markdown draft or plan) is not published, but it decides how the file is linted: a draft\'s `channel:` picks the channel it is measured for, `lang:` (`en`, `de`, `fr`, a regional tag such as `de-CH`, or `auto`) the language its judgement rules read it in, and a plan\'s `name`, `hashtags`, `link` and `keyMessages` are the campaign its drafts are checked against. A typo there would silently lint for the wrong channel or no campaign, so it is an error at the key that is wrong.',
  },
  {
    id: CAMPAIGN_FILE_RULE,
    description: 'A campaign plan has drafts, and each `##` heading starts with a known channel id (and ends, if it sets one, with a known `{lang=…}`).',
    anchor: CAMPAIGN_FILE_RULE,
    severity: 'error',
    why: 'A campaign plan holds one draft per `## channel` or `## channel: label` section; a heading may end with `{lang=de}` for a draft in another language than the plan\'s `lang:`. A heading that names no known channel cannot be measured for any channel and is left out, a `{lang=…}` postlint does not know would judge the draft in the wrong language, and a plan without a section has nothing to lint: all are errors at the heading or front matter.',
  },
  {
    id: UNUSED_DIRECTIVE_RULE,
    description: 'A postlint-disable comment suppresses something.',
    anchor: 'inline-directives',
    severity: 'warning',
    why: 'With `reportUnusedDisableDirectives`, a `<!-- postlint-disable ... -->` comment that suppressed no message is reported, so stale comments do not hide the next real problem.',
  },
  {
    id: UNKNOWN_RULE_DIRECTIVE,
    description: 'A postlint-disable comment names rules that exist.',
    anchor: 'inline-directives',
    severity: 'warning',
    why: 'A `<!-- postlint-disable ... -->` comment that names a rule id postlint does not know (a typo, a renamed rule) disables nothing, so the problem it was meant to allow is still reported and the comment looks like it works. It is a warning at the comment, naming the closest known id.',
  },
];
