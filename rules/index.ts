import complexMedicalQuestion from './complex-medical-question/index.js';
import establishedName from './established-name.js';
import fairBalance from './fair-balance.js';
import invalidCharacters from './invalid-characters.js';
import maxHashtags from './max-hashtags.js';
import maxLength from './max-length.js';
import maxLinks from './max-links.js';
import maxMentions from './max-mentions.js';
import noMarkdown from './no-markdown.js';
import prescriptionOnlyPublic from './prescription-only-public.js';
import riskLink from './risk-link.js';
import whitespace from './whitespace.js';
import linkTracking from './link-tracking.js';
import hashtagCase from './hashtag-case.js';
import cancerLanguage from './cancer-language.js';
import plainLanguage from './plain-language.js';
import readability from './readability.js';
import hiddenCharacters from './hidden-characters/index.js';
import suspiciousLink from './suspicious-link/index.js';
import personalData from './personal-data/index.js';
import keyMessages from './key-messages.js';
import campaignCoverage from './campaign-coverage.js';
import campaignHashtag from './campaign-hashtag.js';
import campaignLink from './campaign-link.js';
import threadNumbering from './thread-numbering.js';
import type { Rule } from '../src/rule/index.js';


/** The built-in rules, by id. */
export const rules: Record<string, Rule<any>> = Object.fromEntries(
  [
    maxLength,
    maxLinks,
    maxHashtags,
    maxMentions,
    invalidCharacters,
    noMarkdown,
    fairBalance,
    riskLink,
    establishedName,
    prescriptionOnlyPublic,
    whitespace,
    linkTracking,
    hashtagCase,
    plainLanguage,
    readability,
    cancerLanguage,
    hiddenCharacters,
    suspiciousLink,
    personalData,
    complexMedicalQuestion,
    keyMessages,
    campaignCoverage,
    campaignHashtag,
    campaignLink,
    threadNumbering,
  ].map((rule) => [rule.meta.id, rule]),
);
