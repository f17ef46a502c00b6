/**
 * The rule API: everything a rule may import. A rule reads the shared facts of its draft through
 * the context it is given and reports; it never reaches into the engine or parses text itself.
 */
export { defineRule, formatMessage, DOCS_BASE, type Rule, type RuleMeta, type RuleContext, type RuleExample, type Report, type PlanContext, type PlanDraft, type ThreadContext } from './rule.js';
export type { Campaign, Channel, Entity, Product, RuleSetting, Severity, Suggestion, TextEdit } from '../core/types.js';
export type { Analysis } from '../facts/analysis.js';
export type { Language } from '../facts/language.js';
export type { Word, Sentence } from '../facts/words.js';
export type { EntityWords } from '../facts/entity-words.js';
export type { OwnContacts } from '../facts/own-contacts.js';
export { compileLexicon, compiledOnFirstUse, entryOf, expandPhrase, matchLexicon, readLexicon, shippedLexicon, wordSet, type CompiledLexicon, type LexiconEntry, type LexiconFile, type LexiconFileEntry, type LexiconHit } from '../facts/lexicon.js';
export { compileParameterNames, isIpHost, isWithin, parseAddress, stripWww, unicodeHost, type Address, type Link, type MarkdownLinkFact, type QueryParameter } from '../facts/links.js';
export { isPhoneCountry, phoneNumberOf, type EmailFact, type PhoneNumberFact, type PhoneRun } from '../facts/contacts.js';
export { appliesTo, keyMessageMatches, keyMessageMatchesBefore, type MessageMatch } from '../facts/key-message-match.js';
export type { WordVectors } from '../facts/word-vectors.js';
export { quoteWords } from '../facts/key-message-words.js';
export { pharmaPosts, quoteList, sentenceAt, type Claim } from '../facts/pharma-posts.js';
export { measure } from '../channels/measure.js';
export { planThread, threadEdits } from '../split/split.js';
export { safeFix } from '../text/edits.js';
export { toPlainText } from '../text/plain-text.js';
export { Coverage } from './coverage.js';
export { entityCapRule } from './entity-cap.js';
export { inTitleCaseName, phraseSet, reportableHits, replacementsFor, type ReplaceableEntry } from './replacements.js';
