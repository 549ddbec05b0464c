import { parsePatchHunks } from '../../../code/diff/parse-patch.js';
import type { ReviewContext } from '../../review-context.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`. */
export function isDockerfile(path: string): boolean {
  return /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:Dockerfile|dockerfile)$/.test(nameOf(path));
}

/** `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yaml`. */
export function isComposeFile(path: string): boolean {
  return /^(?:docker-)?compose(?:[.-].+)?\.ya?ml$/.test(nameOf(path));
}

/** A GitHub Actions workflow or a composite/Docker action's metadata. */
export function isWorkflowFile(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /^action\.ya?ml$/.test(nameOf(path));
}

/** Kubernetes manifests and Helm charts by their usual folders. */
export function isKubernetesFile(path: string): boolean {
  return (
    /\.ya?ml$/.test(path) && /(?:^|\/)(?:k8s|kubernetes|manifests|helm|charts|deploy|kustomize)\//.test(path)
  );
}

/**
 * The head file's full text as far as it is known: the whole file when the pull request adds it, the
 * repository copy when the context can read it, otherwise null.
 */
export function fullText(file: ReviewedFile, context: ReviewContext): string | null {
  if (file.change.status === 'added') return file.added.map((line) => line.text).join('\n');
  return context.readFile?.(file.path) ?? null;
}

/** Every head-side line the patch shows: added lines and unchanged context lines. */
export function visibleLines(file: ReviewedFile): { line: number; text: string }[] {
  if (!file.change.patch) return [];
  const lines: { line: number; text: string }[] = [];
  for (const hunk of parsePatchHunks(file.change.patch)) {
    for (const line of hunk.lines) if (line.kind !== 'del') lines.push({ line: line.line, text: line.text });
  }
  return lines;
}

/** A YAML line without its comment (a `#` after whitespace or at the start). */
export function withoutYamlComment(text: string): string {
  return text.replace(/(^|\s)#.*$/, '');
}
