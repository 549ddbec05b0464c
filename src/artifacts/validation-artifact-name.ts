import { createHash } from 'node:crypto';

/** Every validation-result artifact starts with this, so the report job can tell ours from the workflow's own. */
export const VALIDATION_ARTIFACT_PREFIX = 'backend-developer-validation-';

/** Long paths keep a readable head; the hash keeps names unique. */
const MAX_SLUG_LENGTH = 60;
const HASH_LENGTH = 10;

/**
 * The one spelling of a project path that names it: forward slashes, no `./`
 * in front, no `/` at the end, `.` for the repository root.
 */
function canonicalProjectPath(projectPath: string): string {
  const segments = projectPath
    .trim()
    .replaceAll('\\', '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  return segments.length === 0 ? '.' : segments.join('/');
}

/** A readable, file-system-safe version of the path: accents dropped, anything else but `A-Za-z0-9._-` a dash. */
function slugOf(canonicalPath: string): string {
  if (canonicalPath === '.') return 'root';
  const slug = canonicalPath
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug === '' ? 'project' : slug;
}

/**
 * The artifact name a project's validation result is saved under, e.g.
 * `backend-developer-validation-services-api-3f2a9c1d0e`. Artifact names may
 * not hold `" : < > | * ? \r \n \ /` (the artifact service rejects them), and
 * two paths may share a slug (`a:b` and `a-b`), so the name ends in a hash of
 * the whole path: one name per project, always valid.
 */
export function artifactNameFor(projectPath: string): string {
  const canonicalPath = canonicalProjectPath(projectPath);
  const hash = createHash('sha256').update(canonicalPath, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  return `${VALIDATION_ARTIFACT_PREFIX}${slugOf(canonicalPath)}-${hash}`;
}

/** True for names `artifactNameFor` could have made, i.e. the artifacts the report job should read. */
export function isValidationArtifactName(name: string): boolean {
  return name.startsWith(VALIDATION_ARTIFACT_PREFIX);
}
