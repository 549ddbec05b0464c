import type { AreaBrief } from './area-brief.js';

export const qaBrief: AreaBrief = {
  area: 'qa',
  reviewer: 'QA engineer',
  focus: 'whether the tests in this change would catch the bugs it could introduce',
  checks: [
    'a test whose assertions cannot fail (no assertion, asserting a mock returns what it was told to, catch-all try)',
    'a test that depends on order, wall-clock time, randomness, real network or sleeps',
    'production data, real credentials or shared state used in tests',
    'tests of private implementation details instead of behaviour',
    'a changed error path or edge case named in the diff (empty input, limits, failure of a dependency) that the added tests skip while testing the happy path, stated with the specific case',
    'a test marked skipped or focused (skip, only, xit, fdescribe) left in',
  ],
  leaveToOthers: 'production code style, security and performance',
  relevantPaths: /test|spec|__tests__|fixtures?|e2e|conftest|\.feature$/i,
  relevantCode:
    /\b(describe|it|test|expect|assert|mock|jest|vi\.|pytest|unittest|sleep|setTimeout|skip|only|xit|fdescribe)\b/,
};
