/**
 * What discovery knows about one project. The JSON shape is part of the product
 * contract (`backend-developer discover --json`): change it only with PRODUCT.md.
 */
export interface SourcedValue {
  value: string;
  /** The file (relative to the project or repository root) the value was read from. */
  source: string;
}

export interface Framework {
  /** Canonical name (see PRODUCT.md), e.g. `express`, `spring-boot`. */
  name: string;
  /** Resolved version from a lockfile when known, else null. */
  version: string | null;
  /** The declared constraint from the manifest when known, else null. */
  constraint: string | null;
  /** Where `version` (or, lacking it, `constraint`) came from. */
  source: string;
}

export interface ProjectCommand {
  run: string;
  /** Where the command came from: `package.json scripts.test`, `Makefile target test`, a workflow… */
  source: string;
  /** True when nothing in the repository names this command: it is the ecosystem's default. */
  suggested?: boolean;
}

export type CommandKind = 'install' | 'test' | 'lint';

export interface Dependency {
  name: string;
  version: string | null;
}

export interface Project {
  /** Relative to the repository root, `.` for the root itself. */
  path: string;
  /** Canonical language name: javascript, typescript, python, go, rust, java, kotlin, ruby, php, csharp, elixir. */
  language: string;
  languageVersion: SourcedValue | null;
  packageManager: string | null;
  frameworks: Framework[];
  databases: string[];
  orms: string[];
  testFrameworks: string[];
  linters: string[];
  commands: Partial<Record<CommandKind, ProjectCommand>>;
  /**
   * For a workspace member that is a project of its own: the workspace root (relative to the
   * repository root), where its `install` command runs. Its test and lint commands run in its
   * own folder. Null for a standalone project or a workspace root. Discovery always sets it;
   * it is optional only so that projects written by hand (the config file, tests) need not.
   */
  workspace?: string | null;
  dockerfiles: string[];
  dependencies: Dependency[];
}

export interface DiscoveryWarning {
  file: string;
  message: string;
}

export interface DiscoveryResult {
  root: string;
  projects: Project[];
  warnings: DiscoveryWarning[];
}
