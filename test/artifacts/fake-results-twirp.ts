import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { JobBackendIds } from './runtime-token.js';
import { signBlobUrl, type FakeResultsState, type StoredArtifact } from './fake-results-state.js';

/** A Twirp answer: a JSON body with its HTTP status (errors are `{ code, msg }`). */
export interface TwirpAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** What a Twirp method gets: the state, where blobs are served, whose token called, and the request body. */
export interface TwirpCall {
  state: FakeResultsState;
  baseUrl: string;
  caller: JobBackendIds;
  body: unknown;
}

type TwirpMethod = (call: TwirpCall) => TwirpAnswer;

// Twirp error codes and their HTTP statuses (https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes).
const twirpError = (status: number, code: string, msg: string): TwirpAnswer => ({
  status,
  body: { code, msg },
});

// Requests arrive in protobuf JSON with the proto field names (`useProtoFieldName: true` in the client).
const ids = { workflow_run_backend_id: z.string().min(1), workflow_job_run_backend_id: z.string().min(1) };
const createRequest = z.strictObject({
  ...ids,
  name: z.string().min(1),
  expires_at: z.string().optional(),
  version: z.number().int(),
  mime_type: z.string().optional(),
});
const finalizeRequest = z.strictObject({
  ...ids,
  name: z.string().min(1),
  size: z.string().regex(/^\d+$/),
  hash: z.string().optional(),
});
const listRequest = z.strictObject({
  ...ids,
  name_filter: z.string().optional(),
  id_filter: z.string().optional(),
});
const byNameRequest = z.strictObject({ ...ids, name: z.string().min(1) });

function parse<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; answer: TwirpAnswer } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, answer: twirpError(400, 'invalid_argument', z.prettifyError(parsed.error)) };
}

function ownRun(call: TwirpCall, runId: string): TwirpAnswer | undefined {
  if (runId === call.caller.workflowRunBackendId) return undefined;
  return twirpError(403, 'permission_denied', 'the token does not grant access to this workflow run');
}

function ownJob(call: TwirpCall, runId: string, jobId: string): TwirpAnswer | undefined {
  if (jobId !== call.caller.workflowJobRunBackendId) {
    return twirpError(403, 'permission_denied', 'the token does not grant access to this job');
  }
  return ownRun(call, runId);
}

const inRun = (state: FakeResultsState, runId: string): StoredArtifact[] =>
  state.artifacts.filter((artifact) => artifact.workflowRunBackendId === runId);

const createArtifact: TwirpMethod = (call) => {
  const request = parse(createRequest, call.body);
  if (!request.ok) return request.answer;
  const { workflow_run_backend_id: runId, workflow_job_run_backend_id: jobId, name } = request.value;
  const denied = ownJob(call, runId, jobId);
  if (denied) return denied;
  const stale = call.state.staleNames.get(name) ?? 0;
  if (stale > 0) call.state.staleNames.set(name, stale - 1);
  if (stale > 0 || inRun(call.state, runId).some((artifact) => artifact.name === name)) {
    return twirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
  }
  const blobPath = `/results-blob/actions-results/${runId}/workflow-job-run-${jobId}/artifacts/${randomBytes(16).toString('hex')}.zip`;
  call.state.artifacts.push({
    id: call.state.nextArtifactId++,
    workflowRunBackendId: runId,
    workflowJobRunBackendId: jobId,
    name,
    blobPath,
    createdAt: new Date(),
    expiresAt: request.value.expires_at,
    mimeType: request.value.mime_type,
    version: request.value.version,
    finalized: false,
  });
  const signedUploadUrl = signBlobUrl(call.state, call.baseUrl, blobPath, 'write');
  return { status: 200, body: { ok: true, signed_upload_url: signedUploadUrl } };
};

const finalizeArtifact: TwirpMethod = (call) => {
  const request = parse(finalizeRequest, call.body);
  if (!request.ok) return request.answer;
  const { workflow_run_backend_id: runId, workflow_job_run_backend_id: jobId, name } = request.value;
  const denied = ownJob(call, runId, jobId);
  if (denied) return denied;
  const artifact = inRun(call.state, runId).find(
    (candidate) => candidate.name === name && !candidate.finalized,
  );
  if (!artifact) return twirpError(404, 'not_found', `no artifact ${name} is waiting to be finalized`);
  const blob = call.state.blobs.get(artifact.blobPath);
  if (!blob?.content) return twirpError(400, 'failed_precondition', 'the artifact has no committed upload');
  if (Number(request.value.size) !== blob.content.length) {
    return twirpError(
      400,
      'invalid_argument',
      `size ${request.value.size} does not match the uploaded ${blob.content.length} bytes`,
    );
  }
  Object.assign(artifact, { finalized: true, size: blob.content.length, digest: request.value.hash });
  return { status: 200, body: { ok: true, artifact_id: String(artifact.id) } };
};

// Answers in protobuf JSON with proto field names, as the service does (the client masks `signed_url` fields by those names).
const listedArtifact = (artifact: StoredArtifact): Record<string, unknown> => ({
  workflow_run_backend_id: artifact.workflowRunBackendId,
  workflow_job_run_backend_id: artifact.workflowJobRunBackendId,
  database_id: String(artifact.id),
  name: artifact.name,
  size: String(artifact.size ?? 0),
  created_at: artifact.createdAt.toISOString(),
  ...(artifact.digest ? { digest: artifact.digest } : {}),
});

const listArtifacts: TwirpMethod = (call) => {
  const request = parse(listRequest, call.body);
  if (!request.ok) return request.answer;
  const denied = ownRun(call, request.value.workflow_run_backend_id);
  if (denied) return denied;
  const { name_filter: nameFilter, id_filter: idFilter } = request.value;
  const artifacts = inRun(call.state, request.value.workflow_run_backend_id).filter(
    (artifact) =>
      artifact.finalized &&
      (nameFilter === undefined || artifact.name === nameFilter) &&
      (idFilter === undefined || String(artifact.id) === idFilter),
  );
  return { status: 200, body: { artifacts: artifacts.map(listedArtifact) } };
};

function findFinalized(call: TwirpCall, runId: string, name: string): StoredArtifact | undefined {
  return inRun(call.state, runId).find((artifact) => artifact.name === name && artifact.finalized);
}

const getSignedArtifactUrl: TwirpMethod = (call) => {
  const request = parse(byNameRequest, call.body);
  if (!request.ok) return request.answer;
  const denied = ownRun(call, request.value.workflow_run_backend_id);
  if (denied) return denied;
  const artifact = findFinalized(call, request.value.workflow_run_backend_id, request.value.name);
  if (!artifact) return twirpError(404, 'not_found', `artifact ${request.value.name} not found`);
  const signedUrl = signBlobUrl(call.state, call.baseUrl, artifact.blobPath, 'read', `${artifact.name}.zip`);
  return { status: 200, body: { signed_url: signedUrl } };
};

const deleteArtifact: TwirpMethod = (call) => {
  const request = parse(byNameRequest, call.body);
  if (!request.ok) return request.answer;
  const denied = ownRun(call, request.value.workflow_run_backend_id);
  if (denied) return denied;
  const artifact = findFinalized(call, request.value.workflow_run_backend_id, request.value.name);
  if (!artifact) return twirpError(404, 'not_found', `artifact ${request.value.name} not found`);
  call.state.artifacts = call.state.artifacts.filter((candidate) => candidate !== artifact);
  call.state.blobs.delete(artifact.blobPath);
  return { status: 200, body: { ok: true, artifact_id: String(artifact.id) } };
};

/** The ArtifactService methods @actions/artifact 6 calls, by Twirp method name. */
export const artifactServiceMethods: Record<string, TwirpMethod> = {
  CreateArtifact: createArtifact,
  FinalizeArtifact: finalizeArtifact,
  ListArtifacts: listArtifacts,
  GetSignedArtifactURL: getSignedArtifactUrl,
  DeleteArtifact: deleteArtifact,
};

export { twirpError };
