import { goMod, goSum } from './go-mod.js';
import type { ManifestReader } from './manifest-reader.js';
import { packageJson } from './package-json.js';
import { packageLock } from './package-lock.js';
import { requirementsTxt } from './requirements-txt.js';

/** Every manifest and lockfile reader; the first whose `matches` accepts a path reads it. */
export const MANIFEST_READERS: ManifestReader[] = [packageJson, packageLock, requirementsTxt, goMod, goSum];
