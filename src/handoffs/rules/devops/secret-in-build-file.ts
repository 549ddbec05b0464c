import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isPlaceholderValue, isSecretName, looksRandom } from '../security/secret-values.js';
import { findSecretInCode } from '../../../redaction/secret-patterns.js';
import { isComposeFile, isDockerfile, isWorkflowFile, withoutYamlComment } from './infra-files.js';

/** `ENV NAME=value`, `ENV NAME value`, `ARG NAME=value`. */
const DOCKER_VARIABLE = /^\s*(ENV|ARG)\s+(.*)$/i;
/** `NAME: value` in a workflow's `env:` or `with:`; the value is a plain literal, not an expression. */
const YAML_ENTRY = /^\s*(?:-\s*)?([A-Za-z_][\w-]*)\s*:\s*['"]?([^'"\s]+)['"]?\s*$/;

/** Environment names read as secrets: the usual credential endings plus `*_TOKEN`. */
function isSecretVariable(name: string): boolean {
  return isSecretName(name) || /(?:^|_)TOKEN$/i.test(name);
}

function dockerVariables(rest: string): { name: string; value: string }[] {
  const pairs = [...rest.matchAll(/([A-Za-z_]\w*)=("[^"]*"|'[^']*'|\S+)/g)].map((match) => ({
    name: match[1] ?? '',
    value: (match[2] ?? '').replace(/^["']|["']$/g, ''),
  }));
  if (pairs.length > 0) return pairs;
  const legacy = /^([A-Za-z_]\w*)\s+(.+)$/.exec(rest.trim()); // `ENV NAME value`
  return legacy ? [{ name: legacy[1] ?? '', value: (legacy[2] ?? '').trim() }] : [];
}

function dockerfileSecret(text: string): string | null {
  const variable = DOCKER_VARIABLE.exec(text);
  if (!variable) return null;
  for (const { name, value } of dockerVariables(variable[2] ?? '')) {
    if (isSecretVariable(name) && !value.startsWith('$') && !isPlaceholderValue(value, name)) {
      return `\`${variable[1]?.toUpperCase()} ${name}\` bakes a literal secret into the image, where \`docker history\` shows it.`;
    }
  }
  return null;
}

function workflowSecret(text: string): string | null {
  const entry = YAML_ENTRY.exec(withoutYamlComment(text));
  if (!entry) return null;
  const [, name = '', value = ''] = entry;
  // Service containers' throwaway passwords (`POSTGRES_PASSWORD: postgres`) are not credentials; generated-looking values are.
  if (isSecretVariable(name) && !value.startsWith('${{') && looksRandom(value)) {
    return `\`${name}\` is a literal in the workflow; it belongs in an encrypted secret.`;
  }
  return null;
}

function explanationFor(file: ReviewedFile, text: string): string | null {
  const format = findSecretInCode(text);
  if (format) return `The ${format} is written here in plain text.`;
  if (isDockerfile(file.path)) return dockerfileSecret(text);
  if (isWorkflowFile(file.path)) return workflowSecret(text);
  return null;
}

export const secretInBuildFile: ReviewRule = {
  id: 'devops/secret-in-build-file',
  severity: 'high',
  title: 'Secret in a Dockerfile or workflow',
  explanation:
    'A credential is written into build or CI configuration, where every reader of the repository (and of the image) sees it.',
  fix: {
    default:
      'Use a BuildKit secret (`RUN --mount=type=secret,id=npm_token …`, `docker build --secret`) in Dockerfiles and `${{ secrets.NAME }}` in workflows; rotate the exposed value.',
  },
  check(file) {
    if (!isDockerfile(file.path) && !isWorkflowFile(file.path) && !isComposeFile(file.path)) return [];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      if (/^\s*#/.test(line.text)) continue;
      const explanation = explanationFor(file, line.text);
      if (explanation) hits.push({ line: line.line, explanation });
    }
    return hits;
  },
};
