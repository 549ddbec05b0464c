import path from 'node:path';
import { dirnameRelative, type RepositoryIndex } from '../repository-index.js';
import { listOf, pathOf, recordOf, stringOf } from '../untyped-value.js';
import { parseImageReference, type ContainerImage } from './container-image.js';

/** One service of a Compose file. */
export interface ComposeService {
  name: string;
  image: ContainerImage | undefined;
  /** Repository-relative build context, when the service is built from the repository. */
  buildContext: string | undefined;
  /** Repository-relative Dockerfile the build uses. */
  dockerfile: string | undefined;
  dependsOn: string[];
}

/** Compose file names: `docker-compose*.yml` and the newer `compose*.yaml`. */
export function isComposeFile(name: string): boolean {
  return /^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(name);
}

/** The services a Compose file declares, with paths made repository-relative. */
export async function readComposeServices(index: RepositoryIndex, file: string): Promise<ComposeService[]> {
  const services = recordOf(pathOf(await index.readParsed(file, 'yaml'), 'services'));
  const dir = dirnameRelative(file);
  return Object.entries(services ?? {}).map(([name, service]) => {
    const image = stringOf(pathOf(service, 'image'));
    const build = pathOf(service, 'build');
    const context = stringOf(build) ?? stringOf(pathOf(build, 'context'));
    const buildContext = context === undefined ? undefined : repositoryPath(dir, context);
    const dockerfileName = stringOf(pathOf(build, 'dockerfile'));
    const dockerfile =
      buildContext === undefined ? undefined : repositoryPath(buildContext, dockerfileName ?? 'Dockerfile');
    const dependsOnValue = pathOf(service, 'depends_on');
    const dependsOn = Array.isArray(dependsOnValue)
      ? listOf(dependsOnValue).flatMap((entry) => stringOf(entry) ?? [])
      : Object.keys(recordOf(dependsOnValue) ?? {});
    return {
      name,
      image: image ? parseImageReference(image) : undefined,
      buildContext,
      dockerfile,
      dependsOn,
    };
  });
}

/** Resolves a path written relative to `dir`; undefined for URLs, variables and paths leaving the repository. */
function repositoryPath(dir: string, written: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(written) || written.includes('$') || path.posix.isAbsolute(written))
    return undefined;
  const joined = path.posix.normalize(path.posix.join(dir, written)).replace(/\/+$/, '');
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '' ? '.' : joined;
}
