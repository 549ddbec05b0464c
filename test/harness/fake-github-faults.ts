import { defaultFaultBody, type RouteResult } from './fake-github-route.js';
import { harnessOperations, type GitHubOperation } from './github-operations.js';

/** An error the fake answers instead of the real result, `times` times (default once) or always. */
export interface InjectedFault {
  status: number;
  /** Defaults to GitHub's error body for the status, e.g. 403 "Resource not accessible by integration". */
  body?: unknown;
  headers?: Record<string, string>;
  times?: number | 'always';
}

/** Faults waiting to be answered, per operation, in the order they were added. */
export interface FaultBook {
  add(operationId: string, fault: InjectedFault): void;
  /** The answer of the next fault for `operation`, used up unless it is `always`. */
  take(operation: GitHubOperation): RouteResult | undefined;
  clear(): void;
}

/** An empty fault book; adding a fault to an operation the fake does not serve throws, to catch typos. */
export function createFaultBook(): FaultBook {
  const faults = new Map<string, { fault: InjectedFault; remaining: number }[]>();
  return {
    add(operationId, fault) {
      if (!harnessOperations.some((operation) => operation.id === operationId)) {
        const known = harnessOperations.map((operation) => operation.id).join(', ');
        throw new Error(`Unknown operation ${operationId}; known: ${known}`);
      }
      const remaining = fault.times === 'always' ? Number.POSITIVE_INFINITY : (fault.times ?? 1);
      faults.set(operationId, [...(faults.get(operationId) ?? []), { fault, remaining }]);
    },
    take(operation) {
      const queue = faults.get(operation.id) ?? [];
      const next = queue[0];
      if (!next) return undefined;
      next.remaining -= 1;
      if (next.remaining <= 0) queue.shift();
      const body = next.fault.body ?? defaultFaultBody(operation, next.fault.status).body;
      return { status: next.fault.status, body, headers: next.fault.headers ?? {} };
    },
    clear: () => faults.clear(),
  };
}
