import type { EnvVar } from '../change-analysis.js';
import { classifyPath } from '../../code/classify-path.js';
import type { FileChange } from '../../code/file-change.js';
import { readEnvVarNames, SPRING_PLACEHOLDER, PLATFORM_VARIABLES } from './env-var-readers.js';
import { findEnvDocumentation } from './find-env-documentation.js';

const COMMENT_LINE = /^\s*(\/\/|#|\*|\/\*|--|<!--)/;
const SPRING_CONFIG = /(^|\/)(application|bootstrap)(-[\w-]+)?\.(ya?ml|properties)$/;

interface EnvRead {
  name: string;
  line: number;
  language: string;
}

/** The variables a set of lines reads, comment lines skipped. */
function readsIn(
  lines: { line: number; text: string }[],
  path: string,
  projectLanguage: string | undefined,
): EnvRead[] {
  const reads: EnvRead[] = [];
  if (SPRING_CONFIG.test(path)) {
    const language = projectLanguage === 'kotlin' ? 'kotlin' : 'java';
    for (const line of lines) {
      if (COMMENT_LINE.test(line.text)) continue;
      for (const match of line.text.matchAll(SPRING_PLACEHOLDER)) {
        const name = match[1] ?? '';
        if (!PLATFORM_VARIABLES.has(name)) reads.push({ name, line: line.line, language });
      }
    }
    return reads;
  }
  const kind = classifyPath(path);
  if (kind.role !== 'source' || !kind.language) return reads;
  for (const line of lines) {
    if (COMMENT_LINE.test(line.text)) continue;
    for (const name of readEnvVarNames(line.text, kind.language))
      reads.push({ name, line: line.line, language: kind.language });
  }
  return reads;
}

/**
 * The environment variables added code reads and removed code did not (anywhere in the
 * PR, and, when the whole base file is known, anywhere in that file), one entry per
 * variable and project, with whether documentation mentions them.
 */
export function extractEnvVars(
  changes: FileChange[],
  languageOf: (project: string) => string | undefined,
  readFile?: (path: string) => string | undefined,
): EnvVar[] {
  const removedNames = new Set(
    changes.flatMap((change) =>
      readsIn(change.removed, change.file.path, languageOf(change.project)).map((read) => read.name),
    ),
  );
  const documentation = findEnvDocumentation(changes, readFile);
  const seen = new Set<string>();
  const found: EnvVar[] = [];
  for (const change of changes) {
    const reads = readsIn(change.added, change.file.path, languageOf(change.project));
    if (reads.length === 0) continue;
    const old = change.oldSide();
    const alreadyRead = old.complete
      ? new Set(readsIn(old.lines, change.file.path, languageOf(change.project)).map((read) => read.name))
      : new Set<string>();
    for (const read of reads) {
      const key = `${change.project}\u0000${read.name}`;
      if (removedNames.has(read.name) || alreadyRead.has(read.name) || seen.has(key)) continue;
      seen.add(key);
      const documentedIn = documentation(read.name, change.project);
      const envVar: EnvVar = {
        name: read.name,
        file: change.file.path,
        line: read.line,
        language: read.language,
        documented: documentedIn !== undefined,
        project: change.project,
      };
      if (documentedIn !== undefined) envVar.documentedIn = documentedIn;
      found.push(envVar);
    }
  }
  return found;
}
