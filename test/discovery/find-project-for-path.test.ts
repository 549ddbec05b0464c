import { describe, expect, it } from 'vitest';
import { findProjectForPath } from '../../src/discovery/find-project-for-path.js';
import type { Project } from '../../src/discovery/project.js';

function project(path: string): Project {
  return {
    path,
    language: 'go',
    languageVersion: null,
    packageManager: 'go',
    frameworks: [],
    databases: [],
    orms: [],
    testFrameworks: [],
    linters: [],
    commands: {},
    dockerfiles: [],
    dependencies: [],
  };
}

const projects = [
  project('.'),
  project('services/api'),
  project('services/api/worker'),
  project('services/apigateway'),
];

describe('findProjectForPath', () => {
  it('returns the deepest project whose directory contains the file', () => {
    expect(findProjectForPath(projects, 'services/api/worker/main.go')?.path).toBe('services/api/worker');
    expect(findProjectForPath(projects, 'services/api/handler.go')?.path).toBe('services/api');
  });

  it('does not take a sibling directory that shares a name prefix for a parent', () => {
    expect(findProjectForPath(projects, 'services/apigateway/main.go')?.path).toBe('services/apigateway');
    expect(findProjectForPath([project('services/api')], 'services/apigateway/main.go')).toBeUndefined();
  });

  it('lets the root project contain every file', () => {
    expect(findProjectForPath(projects, 'README.md')?.path).toBe('.');
  });

  it('accepts ./ prefixes and Windows separators', () => {
    expect(findProjectForPath(projects, './services\\api\\handler.go')?.path).toBe('services/api');
  });

  it('returns undefined when no project contains the file', () => {
    expect(findProjectForPath([project('services/api')], 'docs/index.md')).toBeUndefined();
  });
});
