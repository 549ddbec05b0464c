import { findProjectForPath } from '../find-project-for-path.js';
import type { Project } from '../project.js';
import type { RepositoryIndex } from '../repository-index.js';
import { languageVersionOfImage, storeOfImage } from './container-image.js';
import { isComposeFile, readComposeServices, type ComposeService } from './read-compose-services.js';
import { readDockerfileImages } from './read-dockerfile-images.js';
import { readPrismaProviders } from './read-prisma-providers.js';

/** `Dockerfile`, `Dockerfile.dev`, `api.Dockerfile`, `worker.dockerfile`. */
export function isDockerfile(name: string): boolean {
  return /^Dockerfile([.-].+)?$/i.test(name) || /\.dockerfile$/i.test(name) || name === 'Containerfile';
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/**
 * Adds what container and schema files say to the projects that own them:
 * Dockerfiles (their data-store base images, and the language version of an official
 * language image when nothing else pins it), Compose services (data stores go to the
 * project holding the Compose file, and to each project a service builds when the
 * service `depends_on` them), and Prisma datasource providers.
 */
export async function attachContainerFiles(
  projects: Project[],
  index: RepositoryIndex,
  ownersOf: (file: string) => Project[] = (file) => [findProjectForPath(projects, file) ?? []].flat(),
): Promise<void> {
  const files = [...index.allFiles()].sort();
  await Promise.all([
    ...files
      .filter((file) => isDockerfile(baseName(file)))
      .map((file) => attachDockerfile(projects, index, file)),
    ...files
      .filter((file) => isComposeFile(baseName(file)))
      .map((file) => attachCompose(projects, index, file, ownersOf)),
    ...files
      .filter((file) => file.endsWith('.prisma'))
      .map((file) => attachPrisma(ownersOf(file), index, file)),
  ]);
}

async function attachDockerfile(projects: Project[], index: RepositoryIndex, file: string): Promise<void> {
  const owner = findProjectForPath(projects, file);
  if (!owner) return;
  owner.dockerfiles.push(file);
  for (const image of readDockerfileImages((await index.readText(file)) ?? '')) {
    const store = storeOfImage(image);
    if (store) owner.databases.push(store);
    const version = languageVersionOfImage(image, owner.language);
    if (
      version &&
      (owner.languageVersion === null || isDockerfileSource(owner.languageVersion.source, file))
    ) {
      owner.languageVersion = { value: version, source: file };
    }
  }
}

/** Several Dockerfiles may name a version; the first by path wins, whatever order reads finish in. */
function isDockerfileSource(current: string, candidate: string): boolean {
  return isDockerfile(baseName(current)) && candidate < current;
}

async function attachCompose(
  projects: Project[],
  index: RepositoryIndex,
  file: string,
  ownersOf: (file: string) => Project[],
): Promise<void> {
  const services = await readComposeServices(index, file);
  const stores = new Map<string, string>();
  for (const service of services) {
    const store = service.image ? storeOfImage(service.image) : undefined;
    if (store) stores.set(service.name, store);
  }
  for (const owner of ownersOf(file)) owner.databases.push(...stores.values());
  for (const service of services) attachBuiltService(projects, index, service, stores);
}

function attachBuiltService(
  projects: Project[],
  index: RepositoryIndex,
  service: ComposeService,
  stores: ReadonlyMap<string, string>,
): void {
  if (service.buildContext === undefined) return;
  const built =
    projects.find((project) => project.path === service.buildContext) ??
    findProjectForPath(projects, `${service.buildContext}/Dockerfile`);
  if (!built) return;
  // Only `depends_on` says which stores a built service uses; without it nothing is claimed.
  built.databases.push(...service.dependsOn.flatMap((name) => stores.get(name) ?? []));
  if (service.dockerfile && index.has(service.dockerfile)) built.dockerfiles.push(service.dockerfile);
}

async function attachPrisma(owners: Project[], index: RepositoryIndex, file: string): Promise<void> {
  if (owners.length === 0) return;
  const providers = readPrismaProviders((await index.readText(file)) ?? '');
  if (providers.length === 0) return;
  for (const owner of owners) {
    owner.databases.push(...providers);
    owner.orms.push('prisma');
  }
}
