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
}

export interface DetectionContext {
  index: RepositoryIndex;
  /** Directories holding one of this ecosystem's manifests, repository-relative. */
  candidates: readonly string[];
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
  /** Which kind of command a shell line is, if it is this ecosystem's (`npm ci` → install). */
  classifyCommand(words: readonly string[]): CommandKind | undefined;
}
