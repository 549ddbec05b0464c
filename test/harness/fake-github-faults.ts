import { defaultFaultBody, type RouteResult } from './fake-github-route.js';
import { harnessOperations, type GitHubOperation } from './github-operations.js';

/** The fake's answer carries this header when the recording proxy is to drop the client's connection. */
export const DROP_CONNECTION_HEADER = 'x-harness-drop-connection';

/** An error the fake answers instead of the real result, `times` times (default once) or always. */
export interface InjectedFault {
  status: number;
  /** Defaults to GitHub's error body for the status, e.g. 403 "Resource not accessible by integration". */
  body?: unknown;
  headers?: Record<string, string>;
  times?: number | 'always';
  /**
   * Carry the request out, then answer the fault: what a client sees when GitHub stored a comment
   * but a proxy in between answered 502, or the connection dropped before the answer arrived.
   */
  afterEffect?: boolean;
  /**
   * Close the client's connection instead of answering (the recording proxy in front of Prism
   * does it): the client sees a reset connection, no status at all. With `afterEffect`, the
   * request was carried out all the same.
   */
  dropConnection?: boolean;
  /** Let this many matching requests through before the fault starts (default 0). */
  skip?: number;
  /** Only requests with these path parameters match, e.g. `{ issue_number: '7' }`. */
  where?: Record<string, string>;
}

/** The fault to answer, and whether the request is carried out first. */
export interface TakenFault {
  result: RouteResult;
  afterEffect: boolean;
}

/** Faults waiting to be answered, per operation, in the order they were added. */
export interface FaultBook {
  add(operationId: string, fault: InjectedFault): void;
  /** The next fault for `operation` with these path parameters, used up unless it is `always`. */
  take(operation: GitHubOperation, params: Record<string, string>): TakenFault | undefined;
  clear(): void;
}

function matches(fault: InjectedFault, params: Record<string, string>): boolean {
  return Object.entries(fault.where ?? {}).every(([name, value]) => params[name] === value);
}

/** An empty fault book; adding a fault to an operation the fake does not serve throws, to catch typos. */
export function createFaultBook(): FaultBook {
  const faults = new Map<string, { fault: InjectedFault; remaining: number; skip: number }[]>();
  return {
    add(operationId, fault) {
      if (!harnessOperations.some((operation) => operation.id === operationId)) {
        const known = harnessOperations.map((operation) => operation.id).join(', ');
        throw new Error(`Unknown operation ${operationId}; known: ${known}`);
      }
      const remaining = fault.times === 'always' ? Number.POSITIVE_INFINITY : (fault.times ?? 1);
      const entry = { fault, remaining, skip: fault.skip ?? 0 };
      faults.set(operationId, [...(faults.get(operationId) ?? []), entry]);
    },
    take(operation, params) {
      const queue = faults.get(operation.id) ?? [];
      const next = queue.find((entry) => matches(entry.fault, params));
      if (!next) return undefined;
      if (next.skip > 0) {
        next.skip -= 1;
        return undefined;
      }
      next.remaining -= 1;
      if (next.remaining <= 0) queue.splice(queue.indexOf(next), 1);
      const body = next.fault.body ?? defaultFaultBody(operation, next.fault.status).body;
      const headers = {
        ...next.fault.headers,
        ...(next.fault.dropConnection ? { [DROP_CONNECTION_HEADER]: '1' } : {}),
      };
      return {
        result: { status: next.fault.status, body, headers },
        afterEffect: next.fault.afterEffect ?? false,
      };
    },
    clear: () => faults.clear(),
  };
}
