import { permissionObject } from './github-issue-objects.js';
import { checkRunObject, contentFileObject } from './github-review-objects.js';
import {
  bodyObject,
  characterCount,
  githubError,
  notFound,
  numberParam,
  validationFailed,
  type RouteContext,
  type RouteHandler,
  type RouteResult,
} from './fake-github-route.js';
import { takeId, tick, type StoredCheckRun } from './fake-github-state.js';

/** GitHub's limits on a check run's output. */
const MAX_ANNOTATIONS_PER_REQUEST = 50;
const MAX_OUTPUT_CHARACTERS = 65_535;

function getContent(context: RouteContext): RouteResult {
  const path = context.params.path ?? '';
  const ref = context.query.get('ref') ?? context.state.defaultBranch;
  const text = context.state.contents.get(`${ref}:${path}`) ?? context.state.contents.get(`*:${path}`);
  if (text === undefined) return notFound(context);
  // `application/vnd.github.raw+json` (Octokit: `application/vnd.github.v3.raw`) asks for the bare file.
  if (/application\/vnd\.github(\.v3)?\.raw/.test(context.accept)) {
    return { status: 200, raw: { contentType: 'application/vnd.github.raw; charset=utf-8', text } };
  }
  return { status: 200, body: contentFileObject(context.state, path, ref, text) };
}

interface CheckRunInput {
  name?: unknown;
  head_sha?: unknown;
  status?: unknown;
  conclusion?: unknown;
  details_url?: unknown;
  external_id?: unknown;
  output?: { title?: unknown; summary?: unknown; text?: unknown; annotations?: unknown };
}

/** The checks GitHub makes on a check run's status and output. */
function rejectCheckRun(context: RouteContext, input: CheckRunInput): RouteResult | undefined {
  if (input.status === 'completed' && typeof input.conclusion !== 'string') {
    return validationFailed(context, [{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }]);
  }
  const output = input.output;
  if (output === undefined) return undefined;
  const annotations = Array.isArray(output.annotations) ? output.annotations : [];
  if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
    return githubError(context.operation, 422, 'Only 50 annotations are allowed per request');
  }
  for (const field of ['summary', 'text'] as const) {
    const value = output[field];
    if (typeof value === 'string' && characterCount(value) > MAX_OUTPUT_CHARACTERS) {
      return validationFailed(context, [
        {
          resource: 'CheckRun',
          field: `output.${field}`,
          code: 'custom',
          message: `Output ${field} is too long`,
        },
      ]);
    }
  }
  return undefined;
}

function applyCheckRun(context: RouteContext, run: StoredCheckRun, input: CheckRunInput): void {
  if (typeof input.name === 'string') run.name = input.name;
  if (typeof input.details_url === 'string') run.detailsUrl = input.details_url;
  if (typeof input.external_id === 'string') run.externalId = input.external_id;
  if (typeof input.status === 'string') run.status = input.status;
  // A conclusion completes the run, whatever `status` says (GitHub's documented behaviour).
  if (typeof input.conclusion === 'string') {
    run.conclusion = input.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed') run.completedAt ??= tick(context.state);
  const output = input.output;
  if (output === undefined) return;
  const text = (value: unknown, previous: string | null): string | null =>
    typeof value === 'string' ? value : previous;
  run.output = {
    title: text(output.title, run.output.title),
    summary: text(output.summary, run.output.summary),
    text: text(output.text, run.output.text),
    annotations: [
      ...run.output.annotations,
      ...(Array.isArray(output.annotations) ? output.annotations : []),
    ],
  };
}

function createCheckRun(context: RouteContext): RouteResult {
  const input = bodyObject(context) as CheckRunInput;
  if (typeof input.name !== 'string' || typeof input.head_sha !== 'string') {
    return validationFailed(context, [{ resource: 'CheckRun', field: 'name', code: 'missing_field' }]);
  }
  const rejected = rejectCheckRun(context, input);
  if (rejected) return rejected;
  const run: StoredCheckRun = {
    id: takeId(context.state),
    name: input.name,
    headSha: input.head_sha,
    status: 'queued',
    conclusion: null,
    detailsUrl: null,
    externalId: null,
    startedAt: tick(context.state),
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] },
  };
  applyCheckRun(context, run, input);
  context.state.checkRuns.push(run);
  return { status: 201, body: checkRunObject(context.state, run) };
}

function updateCheckRun(context: RouteContext): RouteResult {
  const id = numberParam(context, 'check_run_id');
  const run = context.state.checkRuns.find((candidate) => candidate.id === id);
  if (!run) return notFound(context);
  const input = bodyObject(context) as CheckRunInput;
  const rejected = rejectCheckRun(context, input);
  if (rejected) return rejected;
  applyCheckRun(context, run, input);
  return { status: 200, body: checkRunObject(context.state, run) };
}

/** Handlers for repository-level operations: permissions, contents, check runs. */
export const repoRoutes: Record<string, RouteHandler> = {
  'repos/get-collaborator-permission-level': (context) => {
    const login = context.params.username ?? '';
    const level = context.state.permissions.get(login.toLowerCase()) ?? context.state.defaultPermission;
    return { status: 200, body: permissionObject({ login }, level) };
  },
  'repos/get-content': getContent,
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun,
};
