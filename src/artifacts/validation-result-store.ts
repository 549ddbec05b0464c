import type { ProjectValidation } from '../validation/validation-result.js';

/** What `loadAll` found: the results it could read and, in words a user understands, the ones it could not. */
export interface LoadedValidationResults {
  /** One result per project, in project-path order. */
  results: ProjectValidation[];
  /** One sentence per stored result that could not be read (bad JSON, another format version, a failed download). */
  problems: string[];
}

/**
 * Where matrix mode keeps each project's validation result between jobs: every
 * `mode: validate` job saves one, the `mode: report` job loads them all.
 */
export interface ValidationResultStore {
  /** Stores the result of one project, replacing an earlier one of the same project (a re-run attempt). */
  save(result: ProjectValidation): Promise<void>;
  /**
   * Reads every stored result. A stored result that cannot be read becomes a
   * `problems` entry and never an exception; only an unreachable store throws.
   */
  loadAll(): Promise<LoadedValidationResults>;
}
