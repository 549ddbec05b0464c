import type { ChangedFile, DiffLine } from '../../code/diff/changed-file.js';
import { parsePatch } from '../../code/diff/parse-patch.js';
import { codeLanguageOfPath, type CodeLanguage } from '../../code/language.js';
import {
  hasGeneratedBanner,
  isFixturePath,
  isSkippedPath,
  isTestPath,
  looksMinified,
} from '../../code/classify-path.js';
import { layoutFree, type CosmeticKind, type CosmeticLines } from '../../code/cosmetic-lines.js';
import { textOfLines } from '../../code/side-text.js';
import { grammarOfPath, type Grammar } from '../../code/syntax/grammar.js';
import { withParsedSource, type SyntaxNode } from '../../code/syntax/parse-source.js';
import type { FactCache } from '../../code/fact-cache.js';
import {
  CODE_VIEW_READER,
  createCodeView,
  readCodeView,
  type CodeView,
  type LineView,
} from '../../code/view/code-view.js';

/** A changed file as the rules see it: its added and removed lines, what kind of file it is, and its code view. */
export interface ReviewedFile {
  path: string;
  change: ChangedFile;
  language: CodeLanguage | null;
  isTest: boolean;
  isFixture: boolean;
  /** Lines the pull request added, numbered in the head file. */
  added: DiffLine[];
  /** Lines the pull request removed, numbered in the base file. */
  removed: DiffLine[];
  /** Generated, vendored, minified or a lockfile: no rule reads it. */
  skipped: boolean;
  /**
   * The head side read by its syntax tree (the whole file when the checkout agrees with the
   * diff, else the hunks alone), built on first use; undefined without a grammar.
   */
  view(): CodeView | undefined;
  /** What an added line is, as far as review is concerned: new code, or something that is not (see `AddedLineKind`). */
  kindOf(line: DiffLine): AddedLineKind;
  /**
   * Facts `read` takes from the head side's syntax tree (the same text the view reads), remembered under
   * `reader`; the tree is parsed for the call and freed after it. Undefined without a grammar.
   */
  facts<T>(reader: string, read: (root: SyntaxNode, grammar: Grammar) => T): T | undefined;
}

/**
 * An added line is new code, or: blank, a comment, an import, the same code laid out anew
 * (formatting), or code the pull request moved here from elsewhere.
 */
export type AddedLineKind = 'code' | 'blank' | 'comment' | 'import' | CosmeticKind;

/** Ruby and Elixir import with calls, not statements: their tree has no import node. */
const IMPORT_CALL = /^\s*(?:require|require_relative|require_once|include_once|alias|import|use)\b/;
const CALL_IMPORT_LANGUAGES = new Set(['ruby', 'elixir']);

/**
 * A removed line's code given a comment: `title = Column(String)  # the section title` for
 * `title = Column(String)`. The code is not new; only the comment is.
 */
function isCommentAdded(view: LineView, removed: readonly DiffLine[]): boolean {
  let withoutComments = '';
  for (let index = 0; index < view.text.length; index++)
    if (view.kindAt(index) !== 'comment') withoutComments += view.text[index];
  if (withoutComments.length === view.text.length) return false;
  const code = layoutFree(withoutComments);
  return code !== '' && removed.some((old) => layoutFree(old.text) === code);
}

function kindOfLine(
  file: Pick<ReviewedFile, 'view' | 'language' | 'removed'>,
  line: DiffLine,
  cosmetic: ReadonlyMap<number, CosmeticKind> | undefined,
): AddedLineKind {
  if (line.text.trim() === '') return 'blank';
  const moved = cosmetic?.get(line.line);
  if (moved) return moved;
  const view = file.view()?.line(line.line);
  if (view?.commentOnly) return 'comment';
  if (view && isCommentAdded(view, file.removed)) return 'comment';
  if (view?.importOnly) return 'import';
  if (file.language && CALL_IMPORT_LANGUAGES.has(file.language) && IMPORT_CALL.test(line.text))
    return 'import';
  return 'code';
}

/** The head text the view is read from: the checkout's file when it is the PR's, else the added lines where they stand. */
function headText(
  change: ChangedFile,
  added: DiffLine[],
  readFile?: (path: string) => string | undefined,
): string {
  const text = readFile?.(change.path);
  if (text !== undefined) {
    const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    if (added.every((line) => lines[line.line - 1] === line.text.replace(/\r$/, ''))) return text;
  }
  return textOfLines(added);
}

/**
 * Each changed file as the rules see it, kept for as long as the changed file lives: every
 * area reviews the same files, and its patch and syntax tree are read once for all of them.
 */
const described = new WeakMap<
  ChangedFile,
  {
    readFile: ((path: string) => string | undefined) | undefined;
    cosmetic: CosmeticLines | undefined;
    file: ReviewedFile;
  }
>();

/** Where a reviewed file's head side comes from, and the run's facts when change analysis shares them. */
export interface ReviewedFileSource {
  readFile?: (path: string) => string | undefined;
  cosmetic?: CosmeticLines;
  /** Facts (code views among them) read by change analysis from the same trees. */
  facts?: FactCache;
}

/** Parses a changed file's patch once and classifies the file for the rules. */
export function describeChangedFile(change: ChangedFile, source: ReviewedFileSource = {}): ReviewedFile {
  const { readFile, cosmetic } = source;
  const known = described.get(change);
  if (known && known.readFile === readFile && known.cosmetic === cosmetic) return known.file;
  const file = describe(change, source, cosmetic?.get(change.path));
  described.set(change, { readFile, cosmetic, file });
  return file;
}

/** The head side's code view: the one change analysis read along with its facts when there is one, else parsed here. */
function viewOf(change: ChangedFile, text: string, grammar: Grammar, lines: number[], facts?: FactCache) {
  const file = { path: change.path, text, grammar };
  return facts
    ? facts.read(CODE_VIEW_READER, file, (root) => readCodeView(root, text, grammar, lines))
    : createCodeView(text, grammar, lines);
}

function describe(
  change: ChangedFile,
  { readFile, facts: cache }: ReviewedFileSource,
  cosmetic: ReadonlyMap<number, CosmeticKind> | undefined,
): ReviewedFile {
  const { added, removed } = parsePatch(change.patch);
  const addedText = added.map((line) => line.text);
  const skipped =
    isSkippedPath(change.path) ||
    (change.status === 'added' && hasGeneratedBanner(addedText.slice(0, 5))) ||
    looksMinified(addedText);
  const grammar = grammarOfPath(change.path);
  let view: CodeView | undefined | null = null;
  const facts = new Map<string, unknown>();
  const file: ReviewedFile = {
    path: change.path,
    change,
    language: codeLanguageOfPath(change.path),
    isTest: isTestPath(change.path),
    isFixture: isFixturePath(change.path),
    added,
    removed,
    skipped,
    view: () => {
      if (view === null) {
        view = grammar
          ? viewOf(
              change,
              headText(change, added, readFile),
              grammar,
              added.map((line) => line.line),
              cache,
            )
          : undefined;
      }
      return view;
    },
    kindOf: (line) => kindOfLine(file, line, cosmetic),
    facts<T>(reader: string, read: (root: SyntaxNode, grammar: Grammar) => T): T | undefined {
      if (facts.has(reader)) return facts.get(reader) as T | undefined;
      const value = grammar
        ? withParsedSource(headText(change, added, readFile), grammar, (root) => read(root, grammar))
        : undefined;
      facts.set(reader, value);
      return value;
    },
  };
  return file;
}

/**
 * Splits added lines into runs of consecutive line numbers: a run is code the pull request
 * wrote in one piece, so multi-line patterns (a call and its arguments, a loop and its body) stay inside one.
 */
export function addedRuns(file: ReviewedFile): DiffLine[][] {
  const runs: DiffLine[][] = [];
  let current: DiffLine[] = [];
  for (const line of file.added) {
    const previous = current[current.length - 1];
    if (previous && line.line !== previous.line + 1) {
      runs.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
