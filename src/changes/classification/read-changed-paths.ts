import { classifyPath, type FileRole } from '../../code/classify-path.js';
import type { KindSignal } from './change-kind.js';

// Continuous-integration and repository-tooling folders: changing only these changes no behaviour.
const TOOLING_PATH =
  /^(\.github|\.gitlab|\.circleci|\.buildkite|\.husky|\.devcontainer|\.vscode|\.idea)\/|^\.gitlab-ci\.yml$|^\.pre-commit-config\.yaml$/;

const BEHAVIOUR_ROLES: ReadonlySet<FileRole> = new Set([
  'source',
  'migration',
  'config',
  'other',
  'generated',
]);

function describe(roles: ReadonlySet<string>): string {
  if (roles.size === 1 && roles.has('doc')) return 'only documentation';
  if (roles.size === 1 && roles.has('test')) return 'only tests';
  if ([...roles].every((role) => role === 'manifest' || role === 'lockfile'))
    return 'only dependency manifests and lockfiles';
  if (roles.size === 1 && roles.has('tooling')) return 'only CI and repository tooling';
  if (roles.size === 1 && roles.has('translation')) return 'only translations';
  return 'no source, migration or configuration file';
}

/**
 * A PR whose files are all documentation, tests, translations, CI/tooling, or dependency manifests and
 * lockfiles: whatever its title says, it delivers no feature and fixes no behaviour. Files are
 * sorted by the one path classifier. Undefined when a file could carry behaviour, or there are none.
 */
export function readChangedPaths(paths: readonly string[]): KindSignal | undefined {
  if (paths.length === 0) return undefined;
  const roles = new Set<string>();
  for (const path of paths) {
    if (TOOLING_PATH.test(path)) {
      roles.add('tooling');
      continue;
    }
    const role = classifyPath(path).role;
    if (BEHAVIOUR_ROLES.has(role)) return undefined;
    roles.add(role === 'vendored' ? 'lockfile' : role);
  }
  return { kind: 'change', signal: `changed files (${describe(roles)})` };
}
