import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultArtifactClient, type Artifact, type ArtifactClient } from '@actions/artifact';
import type { ProjectValidation } from '../validation/validation-result.js';
import { describeArtifactFailure } from './describe-artifact-failure.js';
import { uploadReplacingEarlierAttempt } from './upload-replacing-earlier-attempt.js';
import { artifactNameFor, isValidationArtifactName } from './validation-artifact-name.js';
import {
  readValidationResultEnvelope,
  VALIDATION_RESULT_FILE_NAME,
  writeValidationResultEnvelope,
  type ReadEnvelopeOutcome,
} from './validation-result-envelope.js';
import type { LoadedValidationResults, ValidationResultStore } from './validation-result-store.js';

/** Options of `createArtifactResultStore`. */
export interface ArtifactResultStoreOptions {
  /** A directory this store may write into (e.g. `RUNNER_TEMP`); uploads and downloads go into fresh subfolders. */
  tempDir: string;
  log: { info(message: string): void; warning(message: string): void };
  /** The artifact client; by default the runner's (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RESULTS_URL`). */
  client?: ArtifactClient;
  /** Waits between uploads while replacing an artifact of an earlier attempt; default 2 s and 5 s. */
  replaceRetryDelaysMs?: readonly number[];
}

/** The report job reads only this run's results; a day covers a re-run of the report. */
const RETENTION_DAYS = 1;
/** Downloads in flight at once: a matrix has at most 256 jobs, each download is three small requests. */
const DOWNLOAD_WIDTH = 4;

type ArtifactOutcome = { artifact: Artifact } & ReadEnvelopeOutcome;

/**
 * A `ValidationResultStore` on GitHub Actions workflow artifacts: each validate
 * job uploads `validation-result.json` as artifact `artifactNameFor(project)`,
 * the report job lists this run's artifacts, downloads ours and reads them.
 */
export function createArtifactResultStore(options: ArtifactResultStoreOptions): ValidationResultStore {
  const client = options.client ?? new DefaultArtifactClient();
  const retryDelaysMs = options.replaceRetryDelaysMs ?? [2_000, 5_000];

  async function save(result: ProjectValidation): Promise<void> {
    const name = artifactNameFor(result.project);
    try {
      await mkdir(options.tempDir, { recursive: true });
      const rootDirectory = await mkdtemp(join(options.tempDir, 'validation-upload-'));
      const file = join(rootDirectory, VALIDATION_RESULT_FILE_NAME);
      await writeFile(file, writeValidationResultEnvelope(result), 'utf8');
      const upload = { name, file, rootDirectory, retentionDays: RETENTION_DAYS };
      await uploadReplacingEarlierAttempt(client, upload, { log: options.log, retryDelaysMs });
    } catch (error) {
      const action = `save the validation result of \`${result.project}\` as artifact ${name}`;
      throw new Error(describeArtifactFailure(action, error), { cause: error });
    }
    options.log.info(`Saved the validation result of \`${result.project}\` as artifact ${name}.`);
  }

  async function readArtifact(artifact: Artifact, downloadRoot: string): Promise<ArtifactOutcome> {
    const source = `artifact ${artifact.name}`;
    const path = join(downloadRoot, String(artifact.id));
    try {
      const download = await client.downloadArtifact(artifact.id, { path, expectedHash: artifact.digest });
      if (download.digestMismatch) {
        return {
          artifact,
          ok: false,
          problem: `The download of ${source} does not match the digest recorded when it was uploaded.`,
        };
      }
    } catch (error) {
      return { artifact, ok: false, problem: `${describeArtifactFailure(`download ${source}`, error)}` };
    }
    let text: string;
    try {
      text = await readFile(join(path, VALIDATION_RESULT_FILE_NAME), 'utf8');
    } catch {
      return {
        artifact,
        ok: false,
        problem: `The ${source} does not contain ${VALIDATION_RESULT_FILE_NAME}.`,
      };
    }
    return { artifact, ...readValidationResultEnvelope(text, source) };
  }

  async function loadAll(): Promise<LoadedValidationResults> {
    let listed: Artifact[];
    try {
      listed = (await client.listArtifacts({ latest: true })).artifacts;
    } catch (error) {
      throw new Error(describeArtifactFailure('list the artifacts of this workflow run', error), {
        cause: error,
      });
    }
    const ours = listed.filter((artifact) => isValidationArtifactName(artifact.name));
    options.log.info(
      `Found ${ours.length} validation result artifact(s) among ${listed.length} in this run.`,
    );
    if (ours.length === 0) {
      options.log.warning(
        'This workflow run holds no validation results: the report job must run after the jobs with `mode: validate` (`needs:`), in the same run.',
      );
      return { results: [], problems: [] };
    }
    await mkdir(options.tempDir, { recursive: true });
    const downloadRoot = await mkdtemp(join(options.tempDir, 'validation-download-'));
    const outcomes = await mapInTurn(ours, DOWNLOAD_WIDTH, (artifact) =>
      readArtifact(artifact, downloadRoot),
    );
    return collectResults(outcomes);
  }

  return { save, loadAll };
}

/** Runs `read` on every item, at most `width` at once, keeping the items' order. */
async function mapInTurn<T, R>(
  items: readonly T[],
  width: number,
  read: (item: T) => Promise<R>,
): Promise<R[]> {
  const outcomes: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      outcomes[index] = await read(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return outcomes;
}

/** One result per project (the newest artifact wins), sorted by project path; everything unreadable as a problem. */
function collectResults(outcomes: readonly ArtifactOutcome[]): LoadedValidationResults {
  const newestFirst = [...outcomes].sort((a, b) => b.artifact.id - a.artifact.id);
  const byProject = new Map<string, { result: ProjectValidation; artifactName: string }>();
  const problems: string[] = [];
  for (const outcome of newestFirst) {
    if (!outcome.ok) {
      problems.push(outcome.problem);
      continue;
    }
    const kept = byProject.get(outcome.result.project);
    if (kept) {
      problems.push(
        `Artifacts ${kept.artifactName} and ${outcome.artifact.name} both hold the result of \`${outcome.result.project}\`; the newer one, ${kept.artifactName}, is used.`,
      );
      continue;
    }
    byProject.set(outcome.result.project, { result: outcome.result, artifactName: outcome.artifact.name });
  }
  const results = [...byProject.values()].map((entry) => entry.result);
  results.sort((a, b) => (a.project < b.project ? -1 : a.project > b.project ? 1 : 0));
  return { results, problems: problems.sort() };
}
