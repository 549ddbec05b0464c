import type { ReviewRule } from '../review-engine/review-rule.js';
import { breakingEndpointChange } from '../rules/api-design/breaking-endpoint-change.js';
import { inconsistentPathNaming } from '../rules/api-design/inconsistent-path-naming.js';
import { openApiBreakingChange } from '../rules/api-design/openapi-breaking-change.js';

/** The API design review's deterministic rules (api-designer: contracts, compatibility, consistency). */
export const apiDesignRules: readonly ReviewRule[] = [
  breakingEndpointChange,
  openApiBreakingChange,
  inconsistentPathNaming,
];
