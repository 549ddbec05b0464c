/** An endpoint the pull request adds, changes or removes, as change analysis found it. */
export interface ReviewedEndpoint {
  /** Upper-case HTTP method, e.g. `GET`. */
  method: string;
  /** Route path as written in the code, e.g. `/users/:id`. */
  path: string;
  change: 'added' | 'changed' | 'removed';
  /** The file that declares (or declared) the route. */
  file: string;
  /** Line of the declaration: in the head file, or in the base file for a removed endpoint. */
  line?: number;
}

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
}
