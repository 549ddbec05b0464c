import type { HandoffArea } from '../../handoffs/handoff-area.js';
import { apiDesignBrief } from './api-design.js';
import type { AreaBrief } from './area-brief.js';
import { codeReviewBrief } from './code-review.js';
import { databaseBrief } from './database.js';
import { devopsBrief } from './devops.js';
import { performanceBrief } from './performance.js';
import { qaBrief } from './qa.js';
import { securityBrief } from './security.js';

/** The brief for every handoff area. */
export const AREA_BRIEFS: Readonly<Record<HandoffArea, AreaBrief>> = {
  security: securityBrief,
  performance: performanceBrief,
  'code-review': codeReviewBrief,
  'api-design': apiDesignBrief,
  qa: qaBrief,
  devops: devopsBrief,
  database: databaseBrief,
};
