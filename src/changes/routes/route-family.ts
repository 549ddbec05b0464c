import type { Grammar } from '../../code/syntax/grammar.js';
import type { SyntaxNode } from '../../code/syntax/parse-source.js';
import type { RouteEntry } from './route-entry.js';

/** One side of one project, as a family's resolution of imports sees it. */
export interface ProjectSide {
  project: string;
  read(path: string): string | undefined;
  exists(path: string): boolean;
  /** The side's files under a folder (repository-relative, no trailing slash). */
  filesUnder(folder: string): string[];
  /** The project's files of the family that contain `word` (a whole word), when the selection can tell. */
  mentioning?(word: string): string[];
  /** The side's files directly in a folder (`.` for the repository root), from an index built once per side. */
  filesIn(folder: string): readonly string[];
}

/** What a family's linker gets for one project side: every routing file's facts, and a way to read configuration. */
export interface LinkInput<Facts> {
  /** Facts of the project's files on this side, by repository-relative path. */
  files: ReadonlyMap<string, Facts>;
  /** Canonical framework names discovery found in the project. */
  frameworks: readonly string[];
  /** The project's path (`.` for the repository root). */
  project: string;
  /** Reads another file of the same side (configuration: `application.properties`, `tsconfig.json`). */
  read(path: string): string | undefined;
  /** True when the side has the file. */
  exists(path: string): boolean;
  /** The side's files directly in a folder (repository-relative): configuration read by its folder. */
  filesIn?(folder: string): readonly string[];
  /** False when the side is known through the diff alone: only the changed files are there. */
  complete: boolean;
}

/**
 * Route reading for one family of frameworks that share a language (Express, Koa, Fastify,
 * Hapi and NestJS in JavaScript; FastAPI, Flask and Django in Python…). A family reads each
 * file's routing facts from its syntax tree, once per content, then links the facts of a
 * whole project side into its route table, resolving prefixes that other files declare.
 */
export interface RouteFamily<Facts> {
  /** Stable name, also the fact cache's key. */
  id: string;
  /** The grammars its files need, loaded when the PR touches one of them. */
  grammars: readonly Grammar[];
  /** The files the family reads: its sources and any configuration that prefixes routes. */
  accepts(path: string): boolean;
  /** Configuration files whose change can move routes (Spring's `application.yml` context path); read through `LinkInput.read`. */
  readsConfiguration?(path: string): boolean;
  /** A cheap test on a file's text: could it declare, prefix or mount a route? Files that fail it are not parsed. */
  mayDeclareRoutes(text: string): boolean;
  /**
   * A test on a changed file's added and removed lines: could they change its routing facts?
   * If not, its base facts are its head facts and it is parsed once. Defaults to `mayDeclareRoutes`.
   */
  changeMayMoveRoutes?(changedText: string): boolean;
  /** The routing facts of one file: plain data, no tree nodes (they are cached across sides). */
  readFacts(root: SyntaxNode, path: string): Facts;
  /**
   * Words a file that mounts or includes `path` must contain (its module's name, the functions
   * it declares that receive a router): only files with one of them are parsed when looking
   * for what mounts `path`. `side` is the project side being read.
   */
  mounterHints(path: string, facts?: Facts, side?: ProjectSide): string[];
  /**
   * Whether a file that contains a mounter hint can mount `path`: the word alone also matches
   * files that merely use it (`route`, `users`); a family that imports by module path checks
   * the text names the module. Every file with the word is a candidate without it. `found` is
   * the path of the file whose text it is, on `side`.
   */
  mayMount?(text: string, hint: string, path: string, found: string, side: ProjectSide): boolean;
  /**
   * Words the files that `path` mounts must contain, where its imports do not say which files
   * they are (a Go method called by name on a value of another package): files with one of
   * them are parsed too.
   */
  mountedHints?(facts: Facts, path: string): string[];
  /** The project files a file's facts refer to (what it imports), as found on this side. */
  dependencies(facts: Facts, path: string, side: ProjectSide): string[];
  /** Files that set routing up for the whole project, whatever imports them (NestJS's `main.ts`, Rails' `routes.rb`): always read. */
  isRoutingRoot?(path: string, text: string): boolean;
  /** The project side's route table from its files' facts. */
  link(input: LinkInput<Facts>): RouteEntry[];
}
