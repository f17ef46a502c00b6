import type { Rule } from '../src/run/rule.js';
import complexMedicalQuestion from './complex-medical-question.js';
import invalidCharacters from './invalid-characters.js';
import maxHashtags from './max-hashtags.js';
import maxLength from './max-length.js';
import maxLinks from './max-links.js';
import maxMentions from './max-mentions.js';
import noMarkdown from './no-markdown.js';

/** The built-in rules, by id. */
export const rules: Record<string, Rule<any>> = Object.fromEntries(
  [maxLength, maxLinks, maxHashtags, maxMentions, invalidCharacters, noMarkdown, complexMedicalQuestion].map((rule) => [rule.meta.id, rule]),
);
