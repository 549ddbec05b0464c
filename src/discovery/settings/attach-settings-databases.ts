import type { Project } from '../project.js';
import type { RepositoryIndex } from '../repository-index.js';
import { readSettingsDatabases, settingsKindOf, type SettingsKind } from './read-settings-databases.js';

/** The languages whose projects a kind of settings file configures; `.env` files serve any backend. */
const KIND_LANGUAGES: Readonly<Record<Exclude<SettingsKind, 'dotenv'>, readonly string[]>> = {
  phpunit: ['php'],
  rails: ['ruby'],
  spring: ['java', 'kotlin'],
  python: ['python'],
};
const NODE_LANGUAGES = new Set(['javascript', 'typescript']);

/**
 * Adds the data stores that configuration defaults name (`.env.example`'s `DB_CONNECTION`,
 * phpunit's `<env>`, `config/database.yml`, Spring datasource URLs, Django `DATABASES`,
 * SQLAlchemy URLs) to the projects the files configure: the projects `ownersOf` gives (the
 * deepest project holding the file, and those using the workspace library it sits in), and
 * every other project at those paths. A file configures only projects of its language (a
 * phpunit.xml the PHP project, not the package.json beside it); an `.env` file next to a
 * backend and a Node.js package configures the backend, as the Node.js package there is
 * usually its front end or tooling.
 */
export async function attachSettingsDatabases(
  projects: readonly Project[],
  index: RepositoryIndex,
  ownersOf: (file: string) => Project[],
): Promise<void> {
  const files = [...index.allFiles()].sort().flatMap((file) => {
    const slash = file.lastIndexOf('/');
    const kind = settingsKindOf(file.slice(slash + 1), slash < 0 ? '.' : file.slice(0, slash));
    return kind ? [{ file, kind }] : [];
  });
  await Promise.all(
    files.map(async ({ file, kind }) => {
      const owners = configuredProjects(projects, ownersOf(file), kind);
      if (owners.length === 0) return;
      const stores = await readSettingsDatabases(index, file, kind);
      for (const owner of owners) owner.databases.push(...stores);
    }),
  );
}

function configuredProjects(
  projects: readonly Project[],
  owners: readonly Project[],
  kind: SettingsKind,
): Project[] {
  const paths = new Set(owners.map((owner) => owner.path));
  const candidates = projects.filter((project) => paths.has(project.path));
  if (kind !== 'dotenv')
    return candidates.filter((project) => KIND_LANGUAGES[kind].includes(project.language));
  const backends = candidates.filter((project) => !NODE_LANGUAGES.has(project.language));
  return backends.length > 0 ? backends : candidates;
}
