import type { RouteEntry } from './route-entry.js';

function mountedRouters(table: readonly RouteEntry[]): Set<string> {
  return new Set(table.filter((route) => route.router?.mounted).map((route) => route.router?.id ?? ''));
}

/**
 * Routes of a router that one side mounts and the other mounts nowhere are not served on the
 * side that dropped the mount (a mount commented out or deleted): they are left out of that
 * side's table, so the change shows as routes removed (or added), not as routes moved to `/`.
 * A router mounted on neither side keeps its routes: it may be mounted in a way no reader knows.
 */
export function dropUnpluggedRoutes(base: RouteEntry[], head: RouteEntry[]): [RouteEntry[], RouteEntry[]] {
  const mountedInBase = mountedRouters(base);
  const mountedInHead = mountedRouters(head);
  const keep = (otherSide: Set<string>) => (route: RouteEntry) =>
    !route.router || route.router.mounted || !otherSide.has(route.router.id);
  return [base.filter(keep(mountedInHead)), head.filter(keep(mountedInBase))];
}
