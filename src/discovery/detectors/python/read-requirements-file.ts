import path from 'node:path';
import type { RepositoryIndex } from '../../repository-index.js';
import { parseRequirement, type PythonRequirement } from './parse-requirement.js';

/** A requirement with the requirements file it was read from. */
export interface FileRequirement extends PythonRequirement {
  file: string;
}

const MAX_INCLUDE_DEPTH = 10;

/**
 * The requirements of a pip requirements file and of the files it pulls in with
 * `-r`/`--requirement` (a `requirements.txt` that only says `-r requirements/base.txt`
 * is common). pip's format has no maintained parser outside pip: this reads it line by
 * line, joining `\` continuations and dropping comments, options and editable installs.
 */
export async function readRequirementsFile(
  index: RepositoryIndex,
  file: string,
  seen: Set<string> = new Set(),
): Promise<FileRequirement[]> {
  if (seen.has(file) || seen.size >= MAX_INCLUDE_DEPTH * 10) return [];
  seen.add(file);
  const text = await index.readText(file);
  if (text === undefined) return [];
  const requirements: FileRequirement[] = [];
  for (const rawLine of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(line)?.[1];
    if (include) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), include));
      if (!target.startsWith('../')) requirements.push(...(await readRequirementsFile(index, target, seen)));
      continue;
    }
    if (line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) continue;
    const requirement = parseRequirement(line);
    if (requirement) requirements.push({ ...requirement, file });
  }
  return requirements;
}
