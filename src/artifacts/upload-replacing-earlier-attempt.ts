import { ArtifactNotFoundError, type ArtifactClient } from '@actions/artifact';

/** What the artifact service answers to a second artifact of the same name in one workflow run. */
const NAME_CONFLICT_MESSAGE = 'an artifact with this name already exists on the workflow run';

/** Where the upload goes and what it holds. */
export interface ArtifactUpload {
  name: string;
  file: string;
  rootDirectory: string;
  retentionDays: number;
}

/** How a replacement reports and waits. */
export interface ReplacementPolicy {
  log: { info(message: string): void };
  /** Waits before each further upload while the service still reports the deleted name as taken. */
  retryDelaysMs: readonly number[];
}

function isNameConflict(error: unknown): boolean {
  return error instanceof Error && error.message.includes(NAME_CONFLICT_MESSAGE);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function deleteIfPresent(client: ArtifactClient, name: string): Promise<void> {
  try {
    await client.deleteArtifact(name);
  } catch (error) {
    // Someone else removed it in between: the name is free, which is all we need.
    if (!(error instanceof ArtifactNotFoundError)) throw error;
  }
}

/**
 * Uploads one file as an artifact. Artifact names are unique per workflow run
 * and a re-run attempt of a job sees the artifact of the earlier attempt, which
 * the service answers with 409 Conflict; like `upload-artifact`'s `overwrite`,
 * the earlier artifact is deleted and the upload repeated. Deletion can take a
 * moment to reach CreateArtifact, hence the retries
 * (https://github.com/openedx/edx-platform/issues/34985).
 */
export async function uploadReplacingEarlierAttempt(
  client: ArtifactClient,
  upload: ArtifactUpload,
  policy: ReplacementPolicy,
): Promise<void> {
  const send = (): Promise<unknown> =>
    client.uploadArtifact(upload.name, [upload.file], upload.rootDirectory, {
      retentionDays: upload.retentionDays,
    });
  try {
    await send();
    return;
  } catch (error) {
    if (!isNameConflict(error)) throw error;
  }
  policy.log.info(`Artifact ${upload.name} exists from an earlier attempt of this job; replacing it.`);
  await deleteIfPresent(client, upload.name);
  let lastConflict: unknown;
  for (const delayMs of [0, ...policy.retryDelaysMs]) {
    await sleep(delayMs);
    try {
      await send();
      return;
    } catch (error) {
      if (!isNameConflict(error)) throw error;
      lastConflict = error;
    }
  }
  throw lastConflict;
}
