import type { CommandKind, Dependency, Framework, ProjectCommand, SourcedValue } from './project.js';
import type { RepositoryIndex } from './repository-index.js';

/** Commands by kind, as a detector or a workflow names them. */
export type CommandSet = Partial<Record<CommandKind, ProjectCommand>>;

/** What one ecosystem's files say about the project in one directory. */
export interface EcosystemFindings {
  /** The detector that produced these findings (`node`, `maven`…). */
  ecosystem: string;
  language: string;
  languageVersion: SourcedValue | null;
  packageManager: string | null;
  frameworks: Framework[];
  databases: string[];
  orms: string[];
  testFrameworks: string[];
  linters: string[];
  dependencies: Dependency[];
  /** Commands the project's own files define (scripts, aliases, tox) or its lockfile determines. */
  ownCommands: CommandSet;
  /** The ecosystem's usual commands: used when nothing else names one; marked `suggested`. */
  defaultCommands: CommandSet;
  /** How strongly these findings describe the directory: decides the language when several ecosystems share it. */
  weight: number;
  /** A framework among its runtime dependencies, or an application platform (Spring Boot plugin, .NET Web SDK). */
  appFramework: boolean;
  /** Tests of its own: a test script or configuration, a tests folder, a test project. */
  ownTests: boolean;
  /** Runs as a process of its own: a `start` script, an executable .NET project, a worker. */
  entryPoint: boolean;
  /** Code of its own: a source folder, or a manifest that builds a package (not only settings for members). */
  ownCode: boolean;
  /** Folders of the workspace members it depends on (package names, project references, path dependencies). */
  internalDependencies: string[];
  /**
   * Only development tools for another build in the same folder (a package.json with prettier
   * and husky beside a go.mod): it joins that project instead of standing as a second one.
   */
  tooling: boolean;
}

export interface DetectionContext {
  index: RepositoryIndex;
  /** Directories holding one of this ecosystem's manifests, repository-relative. */
  candidates: readonly string[];
  /**
   * Set when detecting a workspace member on its own: the workspace root, where the
   * member's install runs. Test and lint commands are then scoped to the member.
   */
  workspace?: string;
  /** Set when detecting a workspace root: every member of the workspace, projects of their own or not. */
  workspaceMembers?: readonly string[];
}

/**
 * One ecosystem's detector. The registry lists them; discovery walks the repository
 * once for all of them and asks each about the directories holding its manifests.
 */
export interface EcosystemDetector {
  readonly ecosystem: string;
  /** Whether the walk must keep this file (`name` in repository-relative `dir`) for this detector. */
  keepsFile(name: string, dir: string): boolean;
  /** The project directory a kept file marks as a candidate, when it is a manifest. */
  projectDirOf(file: string): string | undefined;
  /** Candidate directories that the workspace declared in `dir` groups into it. */
  workspaceMembers(dir: string, context: DetectionContext): Promise<string[]>;
  /** The findings for the project in `dir`, its workspace members folded in; undefined when the files declare nothing. */
  detect(
    dir: string,
    members: readonly string[],
    context: DetectionContext,
  ): Promise<EcosystemFindings | undefined>;
  /**
   * Whether the workspace at `root` builds one deliverable from all its members (a Cargo
   * workspace, a Maven reactor of chained modules), so that it stays one project. Without
   * it, every workspace of the ecosystem stays one project.
   */
  isSingleBuild?(root: string, members: readonly string[], context: DetectionContext): Promise<boolean>;
  /** Which kind of command a shell line is, if it is this ecosystem's (`npm ci` → install). */
  classifyCommand(words: readonly string[]): CommandKind | undefined;
}
