import { cargoToml } from './cargo-toml.js';
import { dotnetProject } from './dotnet-project.js';
import { goMod, goSum } from './go-mod.js';
import { gradleBuild, gradleVersionCatalog } from './gradle-build.js';
import { pnpmLock, yarnLock } from './js-lockfiles.js';
import type { ManifestReader } from './manifest-reader.js';
import { mavenPom } from './maven-pom.js';
import { mixExs, mixLock } from './mix-manifests.js';
import { packageJson } from './package-json.js';
import { packageLock } from './package-lock.js';
import { composerJson, composerLock } from './php-manifests.js';
import { pyprojectToml } from './pyproject-toml.js';
import { requirementsTxt } from './requirements-txt.js';
import { gemfile, gemfileLock } from './ruby-manifests.js';
import { cargoLock, pythonLockfile } from './toml-lockfiles.js';

/** Every manifest and lockfile reader; the first whose `matches` accepts a path reads it. */
export const MANIFEST_READERS: ManifestReader[] = [
  packageJson,
  packageLock,
  pnpmLock,
  yarnLock,
  requirementsTxt,
  pyprojectToml,
  pythonLockfile,
  goMod,
  goSum,
  cargoToml,
  cargoLock,
  mavenPom,
  gradleBuild,
  gradleVersionCatalog,
  gemfile,
  gemfileLock,
  composerJson,
  composerLock,
  dotnetProject,
  mixExs,
  mixLock,
];
