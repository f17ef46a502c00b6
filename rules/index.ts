import type { Rule } from '../src/run/rule.js';
import hiddenCharacters from './hidden-characters.js';
import invalidCharacters from './invalid-characters.js';
import maxHashtags from './max-hashtags.js';
import maxLength from './max-length.js';
import maxLinks from './max-links.js';
import maxMentions from './max-mentions.js';
import noMarkdown from './no-markdown.js';
import personalData from './personal-data.js';
import suspiciousLink from './suspicious-link.js';

/** The built-in rules, by id. */
export const rules: Record<string, Rule<any>> = Object.fromEntries(
  [maxLength, maxLinks, maxHashtags, maxMentions, invalidCharacters, noMarkdown, hiddenCharacters, suspiciousLink, personalData].map((rule) => [rule.meta.id, rule]),
);
