import { isDockerfile } from './containers/attach-container-files.js';
import { isComposeFile } from './containers/read-compose-services.js';
import type { EcosystemDetector } from './detector.js';
import { nodeDetector } from './detectors/node/node-detector.js';
import { pythonDetector } from './detectors/python/python-detector.js';
import { goDetector } from './detectors/go/go-detector.js';
import { mavenDetector } from './detectors/jvm/maven-detector.js';
import { gradleDetector } from './detectors/jvm/gradle-detector.js';
import { rustDetector } from './detectors/rust/rust-detector.js';
import { rubyDetector } from './detectors/ruby/ruby-detector.js';
import { phpDetector } from './detectors/php/php-detector.js';
import { dotnetDetector } from './detectors/dotnet/dotnet-detector.js';
import { elixirDetector } from './detectors/elixir/elixir-detector.js';
import { TASK_RUNNER_FILES } from './read-task-runner-commands.js';
import { VERSION_FILE_NAMES } from './read-version-file.js';
import { settingsKindOf } from './settings/read-settings-databases.js';

/**
 * Every ecosystem discovery knows, in order of precedence: when two ecosystems
 * describe one directory equally strongly, the earlier one gives the language.
 * Node.js comes last because a package.json next to another build is usually tooling.
 */
export const DETECTORS: readonly EcosystemDetector[] = [
  pythonDetector,
  goDetector,
  mavenDetector,
  gradleDetector,
  rustDetector,
  rubyDetector,
  phpDetector,
  dotnetDetector,
  elixirDetector,
  nodeDetector,
];

/** Whether the walk keeps a file: some detector reads it, or it is a shared file (workflows, Dockerfiles, version pins, settings). */
export function isDiscoveryFile(name: string, dir: string): boolean {
  if (dir === '.github/workflows') return /\.ya?ml$/.test(name);
  return (
    VERSION_FILE_NAMES.has(name) ||
    name in TASK_RUNNER_FILES ||
    isDockerfile(name) ||
    isComposeFile(name) ||
    name.endsWith('.prisma') ||
    settingsKindOf(name, dir) !== undefined ||
    DETECTORS.some((detector) => detector.keepsFile(name, dir))
  );
}
