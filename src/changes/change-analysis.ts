import type { MigrationOperation, OperationContext } from './migration-operation.js';

/**
 * What a pull request does, read from its diff (and, when a checkout exists, from the
 * head versions of the files it touches). Produced by `analyzeChanges`; the report,
 * the handoffs and validation's "affected projects" all read it.
 *
 * Every item names the file it came from and, where one exists, the line: new-file
 * line numbers for what was added, old-file line numbers for what was removed.
 * `project` is the path of the deepest discovered project containing the file, or `.`
 * (the repository root) when no discovered project contains it.
 */
export interface ChangeAnalysis {
  files: FileGroups;
  totals: { files: number; additions: number; deletions: number };
  /** Paths of the discovered projects with at least one changed file, deepest project per file. */
  affectedProjects: string[];
  endpoints: Endpoint[];
  migrations: Migration[];
  envVars: EnvVar[];
  dependencyChanges: DependencyChange[];
  tests: ProjectTests[];
  /** Projects whose source changed in this PR while none of their tests did. */
  projectsWithoutTestChanges: string[];
  securityTouched: SecurityTouch[];
  /** What could not be read, and why: files that did not parse, projects too large to resolve prefixes across. */
  readingNotes?: string[];
  /** Routes of the touched projects before the change, as far as the files read for it show them (api-design compares new routes with these). */
  routesBefore?: ProjectRoute[];
}

/** A route a project serves. */
export interface ProjectRoute {
  project: string;
  method: string;
  path: string;
}

export interface FileGroups {
  /** Added files, copies included. */
  added: string[];
  modified: string[];
  removed: string[];
  /** Renamed files, with or without edits. */
  renamed: { from: string; to: string }[];
  /** Files whose changes the diff does not show, so nothing below was read from them. */
  withoutPatch: { path: string; reason: 'too-large' | 'binary' }[];
}

/** The web frameworks whose routes are recognised, by their canonical names (PRODUCT.md). */
export type RouteFramework =
  | 'express'
  | 'fastify'
  | 'koa'
  | 'hapi'
  | 'nestjs'
  | 'fastapi'
  | 'flask'
  | 'django'
  | 'spring-boot'
  | 'jax-rs'
  | 'quarkus'
  | 'micronaut'
  | 'gin'
  | 'echo'
  | 'chi'
  | 'fiber'
  | 'gorilla-mux'
  | 'net-http'
  | 'actix-web'
  | 'axum'
  | 'rocket'
  | 'rails'
  | 'laravel'
  | 'symfony'
  | 'aspnetcore'
  | 'phoenix';

/** An HTTP endpoint the PR adds, changes or removes. */
export interface Endpoint {
  /** Upper-case HTTP method, or `ANY` when the route accepts every method (Django, `app.all`, `Route::any`). */
  method: string;
  /** The full path as the framework declares it (parameters kept in its syntax), with the prefixes that could be found. */
  path: string;
  /**
   * `added`: new route; `removed`: route gone; `changed`: its declaration was edited (same method and
   * path on both sides, or the same handler under a new method or path, see `previous`).
   */
  change: 'added' | 'changed' | 'removed';
  framework: RouteFramework;
  file: string;
  /** New-file line for added and changed endpoints, old-file line for removed ones. */
  line: number;
  project: string;
  /** The function, controller action or method that serves the route, when the declaration names it. */
  handler?: string;
  /** For a changed endpoint whose method or path changed: what it was. */
  previous?: { method: string; path: string };
}

/** Operations a migration performs that can lose data or fail on a table with rows. */
export type DestructiveOperation =
  | 'drop-table'
  | 'drop-column'
  | 'truncate'
  | 'delete-all-rows'
  | 'column-type-change'
  | 'rename-table'
  | 'rename-column'
  | 'not-null-without-default'
  | 'drop-schema';

export interface DestructiveChange {
  operation: DestructiveOperation;
  line: number;
  /** Human words: `drops column users.email`. */
  detail: string;
}

/** A database migration (or schema file) the PR adds or edits. */
export interface Migration {
  /** `prisma`, `alembic`, `django`, `rails`, `laravel`, `flyway`, `liquibase`, `knex`, `typeorm`, `sequelize`, `golang-migrate`, `goose`, `dbmate`, `ef-core`, `diesel`, `sqlx`, `ecto`, `drizzle`, or `sql` for plain SQL in a migrations folder. */
  tool: string;
  file: string;
  project: string;
  /** `added` for a new migration; `modified` means an existing (perhaps already applied) migration was edited. */
  change: 'added' | 'modified' | 'removed';
  /** `down` for rollback-only files (`*.down.sql`, `down.sql`, Flyway `U…`): they run only on rollback, so their tables and drops are not listed. */
  direction: 'up' | 'down';
  /**
   * The SQL dialect the migration is read in or runs against: from the project's databases, the
   * tool, or the file. Absent for a migration in a tool's code when the database is not known.
   */
  dialect?: string;
  /**
   * What the PR makes this migration do: every operation of a new migration; for an edited one,
   * the operations its new version has and its old one had not (a formatting-only edit has none).
   */
  operations: PlacedOperation[];
  /** For an edited migration: operations its old version had and the new one dropped (old-file lines). */
  removedOperations: MigrationOperation[];
  /** It says how to roll back: a `down` step that does something, a rollback file beside it, a changeSet's `rollback`. */
  reversible?: boolean;
  /** Its syntax could not be read (no grammar, or a file too large): its operations are unknown. */
  unreadable?: boolean;
  tablesCreated: string[];
  tablesAltered: string[];
  tablesDropped: string[];
  destructive: DestructiveChange[];
}

/** A migration's operation with what the rest of the pull request and the existing schema say about it. */
export type PlacedOperation = MigrationOperation & Partial<OperationContext>;

/** An environment variable that added code reads and removed code did not. */
export interface EnvVar {
  name: string;
  file: string;
  line: number;
  /** Canonical language of the reading code (`java` for Spring `application.yml` placeholders). */
  language: string;
  /** Whether an `.env.example`-style file, a README or a `docs/` page mentions the name. */
  documented: boolean;
  /** The file that mentions it, when documented. */
  documentedIn?: string;
  project: string;
}

/** A dependency added, removed or moved to another version in a manifest or lockfile. */
export interface DependencyChange {
  project: string;
  /** The manifest or lockfile the change was read from. */
  manifest: string;
  name: string;
  /** Version or constraint as written; null when added. */
  from: string | null;
  /** Version or constraint as written; null when removed. */
  to: string | null;
  /** `changed` when the two versions cannot be ordered (a git URL, a tag, `latest`). */
  change: 'added' | 'removed' | 'upgraded' | 'downgraded' | 'changed';
  /** True when the major version changed (for `0.x`, the minor), as semantic versioning reads a breaking change. */
  major: boolean;
  /**
   * Absent for runtime dependencies; otherwise `dev`, `test`, `peer`, `optional`, `build`, `plugin`, `bom`,
   * `indirect` (go.mod), `property` (a Maven property or Gradle catalog version), `transitive` (a lockfile
   * entry the root does not ask for) or `lockfile` (a lockfile entry whose directness is not known).
   */
  scope?: string;
}

/** Test and source files a PR changed in one project. */
export interface ProjectTests {
  project: string;
  testFiles: string[];
  /** Source files added, modified or renamed (docs, configuration, manifests, lockfiles and migrations are not source). */
  sourceFiles: string[];
}

/** Security-relevant code the PR touches. */
export interface SecurityTouch {
  file: string;
  /** Absent when the file's path alone makes it relevant. */
  line?: number;
  /** A noun phrase that reads after "touches", e.g. `sessions (the path says "session")` or `removes authorization check (`@PreAuthorize`)`. */
  reason: string;
  /** Whether the line was added or removed; absent for path matches. */
  side?: 'added' | 'removed';
  project: string;
}

/** What a pull request says it is, as classification reads it. */
export type { ChangeKind } from './classification/change-kind.js';
