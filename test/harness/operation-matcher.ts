import type { GitHubOperation } from './github-operations.js';

/** An operation matched against a request, with its decoded path parameters. */
export interface MatchedOperation {
  operation: GitHubOperation;
  params: Record<string, string>;
}

interface CompiledOperation {
  operation: GitHubOperation;
  pattern: RegExp;
  names: string[];
}

/**
 * Turns GitHub path templates into matchers. `{path}` of the contents API may hold
 * slashes (`.github/backend-developer.yml`), so it alone matches across segments.
 */
export function compileOperations(
  operations: readonly GitHubOperation[],
): (method: string, path: string) => MatchedOperation | undefined {
  const compiled: CompiledOperation[] = operations.map((operation) => {
    const names: string[] = [];
    const source = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(name);
        return name === 'path' ? '(.+)' : '([^/]+)';
      })
      .join('');
    return { operation, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (method, path) => {
    for (const candidate of compiled) {
      if (candidate.operation.method !== method) continue;
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      candidate.names.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1] ?? '');
      });
      return { operation: candidate.operation, params };
    }
    return undefined;
  };
}
