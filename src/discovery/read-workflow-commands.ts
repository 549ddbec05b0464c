import path from 'node:path';
import { commandWords } from './command-classifier.js';
import { joinRelative, type RepositoryIndex } from './repository-index.js';
import { pathOf, recordOf, stringOf } from './untyped-value.js';

/** One command line a GitHub Actions workflow runs, with the directory it runs in. */
export interface WorkflowCommand {
  /** Repository-relative directory (`.` for the root). */
  dir: string;
  line: string;
  words: string[];
  /** `.github/workflows/ci.yml jobs.test` */
  source: string;
}

const WORKFLOWS = '.github/workflows';

/**
 * The `run:` lines of the repository's workflows, in file and step order. The directory
 * comes from the step's `working-directory`, else the job's or the workflow's
 * `defaults.run`, and follows a leading `cd dir &&`. Lines with `${{ }}` expressions are
 * left out: they cannot run outside GitHub Actions.
 */
export async function readWorkflowCommands(index: RepositoryIndex): Promise<WorkflowCommand[]> {
  const files = index.filesIn(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
  const parsed = await Promise.all(
    files.map((name) => index.readParsed(joinRelative(WORKFLOWS, name), 'yaml')),
  );
  return files.flatMap((name, i) => workflowCommands(joinRelative(WORKFLOWS, name), parsed[i]));
}

function workflowCommands(file: string, workflow: unknown): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  const workflowDir = stringOf(pathOf(workflow, 'defaults', 'run', 'working-directory'));
  for (const [jobId, job] of Object.entries(recordOf(pathOf(workflow, 'jobs')) ?? {})) {
    const jobDir = stringOf(pathOf(job, 'defaults', 'run', 'working-directory')) ?? workflowDir;
    const steps = pathOf(job, 'steps');
    for (const step of Array.isArray(steps) ? steps : []) {
      const run = stringOf(pathOf(step, 'run'));
      if (run === undefined) continue;
      const dir = normaliseDirectory(stringOf(pathOf(step, 'working-directory')) ?? jobDir ?? '.');
      if (dir === undefined) continue;
      commands.push(...scriptCommands(run, dir, `${file} jobs.${jobId}`));
    }
  }
  return commands;
}

function scriptCommands(script: string, startDir: string, source: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of script.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    if (line.includes('${{') || line.trim().startsWith('#')) continue;
    let dir: string | undefined = startDir;
    for (const segment of line.split('&&').map((part) => part.trim())) {
      const words = commandWords(segment);
      if (words[0] === 'cd') {
        dir = words[1] && dir !== undefined ? normaliseDirectory(path.posix.join(dir, words[1])) : undefined;
      } else if (dir !== undefined && words.length > 0) {
        commands.push({ dir, line: segment, words, source });
      }
    }
  }
  return commands;
}

/** `./services/api/` → `services/api`; undefined for paths that leave the repository or use variables. */
function normaliseDirectory(dir: string): string | undefined {
  if (dir.includes('$') || dir.includes('~') || path.posix.isAbsolute(dir)) return undefined;
  const normal = path.posix.normalize(dir).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '' ? '.' : normal;
}
