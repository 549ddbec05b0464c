import { describe, expect, it } from 'vitest';
import {
  artifactNameFor,
  isValidationArtifactName,
  VALIDATION_ARTIFACT_PREFIX,
} from '../../src/artifacts/validation-artifact-name.js';

// The characters @actions/artifact rejects in artifact names (path-and-artifact-name-validation.js).
const FORBIDDEN = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

const trickyPaths = [
  'services/api',
  'services-api',
  '.',
  'a:b',
  'a-b',
  'a_b',
  'services/café',
  'services/cafe',
  '服务/api',
  'api',
  'apps/web app (legacy)',
  'x'.repeat(300),
  `${'x'.repeat(300)}y`,
  'weird/"quoted"|<piped>*?',
  'C:\\repo\\svc',
];

describe('artifactNameFor', () => {
  it('names a project after its path, with a hash that keeps names unique', () => {
    expect(artifactNameFor('services/api')).toMatch(
      /^backend-developer-validation-services-api-[0-9a-f]{10}$/,
    );
  });

  it('calls the repository root "root"', () => {
    expect(artifactNameFor('.')).toMatch(/^backend-developer-validation-root-[0-9a-f]{10}$/);
  });

  it('gives every spelling of the same path the same name', () => {
    const name = artifactNameFor('services/api');
    expect(
      ['./services/api', 'services/api/', 'services\\api', ' services/api '].map(artifactNameFor),
    ).toEqual(Array(4).fill(name));
    expect(['', './', '.\\'].map(artifactNameFor)).toEqual(Array(3).fill(artifactNameFor('.')));
  });

  it('never uses a character the artifact service rejects', () => {
    for (const path of trickyPaths) {
      const name = artifactNameFor(path);
      expect(
        FORBIDDEN.filter((character) => name.includes(character)),
        `${path} → ${name}`,
      ).toEqual([]);
    }
  });

  it('gives different paths different names, even when their readable parts match', () => {
    const names = trickyPaths.map(artifactNameFor);
    expect(new Set(names).size).toBe(trickyPaths.length);
  });

  it('keeps accented letters readable and drops what cannot be', () => {
    expect(artifactNameFor('services/café')).toMatch(
      /^backend-developer-validation-services-cafe-[0-9a-f]{10}$/,
    );
    expect(artifactNameFor('服务/api')).toMatch(/^backend-developer-validation-api-[0-9a-f]{10}$/);
  });

  it('keeps names short for deep or long paths', () => {
    expect(artifactNameFor('x'.repeat(300)).length).toBeLessThanOrEqual(
      VALIDATION_ARTIFACT_PREFIX.length + 60 + 11,
    );
  });
});

describe('isValidationArtifactName', () => {
  it('recognises the names artifactNameFor makes and nothing else', () => {
    expect(trickyPaths.map(artifactNameFor).every(isValidationArtifactName)).toBe(true);
    expect(isValidationArtifactName('coverage-report')).toBe(false);
    expect(isValidationArtifactName('backend-developer-report')).toBe(false);
  });
});
