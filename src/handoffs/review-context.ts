import type { ChangeKind, Endpoint, Migration } from '../changes/change-analysis.js';
import type { FactCache } from '../code/fact-cache.js';

/**
 * An endpoint the pull request adds, changes or removes, as change analysis found it (the one
 * endpoint type; reviewers need only these fields, so tests may give just them).
 */
export type ReviewedEndpoint = Pick<Endpoint, 'method' | 'path' | 'change' | 'file'> &
  Partial<Pick<Endpoint, 'line' | 'previous'>>;

/** A route that already exists in the project outside this pull request. */
export interface ExistingRoute {
  method: string;
  path: string;
}

/** What a reviewer may know beyond the diff. Everything is optional: rules that need a missing piece stay quiet. */
export interface ReviewContext {
  /** The head commit's content of a repository file, or undefined when it does not exist or cannot be read. */
  readFile?(path: string): string | undefined;
  /** Endpoints the pull request touches (api-design). */
  endpoints?: ReviewedEndpoint[];
  /** The project's routes before this pull request, for naming consistency (api-design). */
  existingRoutes?: ExistingRoute[];
  /** Project paths discovery found (`.` for the root): tests are matched to sources within a project. */
  projectRoots?: string[];
  /** Projects with no test suite at all (no test framework, no test command the repository names): a missing test change there is not a finding. */
  projectsWithoutTests?: string[];
  /** Canonical database names discovery found (e.g. `postgresql`, `mysql`): some index advice depends on them. */
  databases?: string[];
  /** The migrations the pull request adds or edits, read into operations by change analysis (database and performance rules). */
  migrations?: Migration[];
  /** What the pull request says it is (`fix`, `feature`, or `change` for a refactor, chore or dependency update). */
  changeKind?: ChangeKind;
  /** Facts change analysis read from the same trees (the changed files' code views): each file side is parsed once. */
  facts?: FactCache;
}
