/**
 * postlint/testing: the RuleTester for authors of custom rules (and for postlint's own rules).
 * Pure like the core: it runs under vitest, jest, node:test or mocha, or on its own.
 */
export {
  RuleTester,
  RuleTesterError,
  casesFromDocs,
  brokenOutsideEdits,
  type RuleTesterConfig,
  type RuleTesterCases,
  type RuleTesterReport,
  type RuleTesterFailure,
  type RuleTesterProblem,
  type ValidCase,
  type InvalidCase,
  type ExpectedMessage,
} from './testing/rule-tester.js';
