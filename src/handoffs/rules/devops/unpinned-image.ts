import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import type { ReviewContext } from '../../review-context.js';
import { isTemplated, parseImageReference } from './image-reference.js';
import {
  fullText,
  isComposeFile,
  isDockerfile,
  isKubernetesFile,
  isWorkflowFile,
  withoutYamlComment,
} from './infra-files.js';

const FROM = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i;
const YAML_IMAGE = /^\s*(?:-\s*)?(?:image|container):\s*['"]?([^\s'"]+)['"]?\s*$/;

/** Official images whose bare name cannot be a build stage: used when the rest of the Dockerfile is unknown. */
const WELL_KNOWN_IMAGES = new Set(
  'node python golang alpine ubuntu debian nginx postgres redis mysql mariadb mongo openjdk eclipse-temurin amazoncorretto maven gradle ruby php rust elixir erlang busybox centos fedora amazonlinux httpd caddy traefik rabbitmq elasticsearch memcached composer gcc buildpack-deps haproxy bash python3 denoland/deno oven/bun'.split(
    ' ',
  ),
);

function stageAliases(text: string): Set<string> {
  const aliases = new Set<string>();
  for (const line of text.split('\n')) {
    const alias = FROM.exec(line)?.[2];
    if (alias) aliases.add(alias.toLowerCase());
  }
  return aliases;
}

/** Why an image reference is not reproducible, or null when it is pinned well enough. */
function unpinnedReason(reference: string): string | null {
  if (isTemplated(reference) || reference.toLowerCase() === 'scratch') return null;
  const image = parseImageReference(reference);
  if (image.digest) return null;
  if (image.tag === null) return `\`${reference}\` has no tag, so it means \`latest\``;
  if (image.tag === 'latest') return `\`${reference}\` uses the moving \`latest\` tag`;
  return null;
}

function dockerfileHits(file: ReviewedFile, context: ReviewContext): RuleHit[] {
  const text = fullText(file, context);
  const aliases = stageAliases(text ?? file.added.map((line) => line.text).join('\n'));
  const hits: RuleHit[] = [];
  for (const line of file.added) {
    const reference = FROM.exec(line.text)?.[1];
    if (!reference || aliases.has(reference.toLowerCase())) continue;
    // Without the whole file, a bare name may be a stage defined in unchanged lines.
    const image = parseImageReference(reference);
    if (
      text === null &&
      image.tag === null &&
      !image.name.includes('/') &&
      !WELL_KNOWN_IMAGES.has(image.name)
    )
      continue;
    const reason = unpinnedReason(reference);
    if (reason)
      hits.push({ line: line.line, explanation: `${reason}: each build may get a different base image.` });
  }
  return hits;
}

function yamlHits(file: ReviewedFile): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const line of file.added) {
    const reference = YAML_IMAGE.exec(withoutYamlComment(line.text))?.[1];
    if (!reference || !/^[\w.\-/:@]+$/.test(reference)) continue;
    const reason = unpinnedReason(reference);
    if (reason)
      hits.push({ line: line.line, explanation: `${reason}: each deploy may run a different image.` });
  }
  return hits;
}

export const unpinnedImage: ReviewRule = {
  id: 'devops/unpinned-image',
  severity: 'medium',
  title: 'Container image without a fixed tag',
  explanation:
    'The image has no tag or uses `latest`: builds and deploys are not reproducible and can change under you.',
  fix: {
    default:
      'Pin a specific version tag (`node:22.11-alpine`), ideally with its digest (`node:22.11-alpine@sha256:…`), and let Dependabot or Renovate update it.',
  },
  check(file, { context }) {
    if (isDockerfile(file.path)) return dockerfileHits(file, context);
    if (isComposeFile(file.path) || isWorkflowFile(file.path) || isKubernetesFile(file.path))
      return yamlHits(file);
    return [];
  },
};
