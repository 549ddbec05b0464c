import type { RouteFramework } from '../change-analysis.js';
import type { SourceView } from '../source/source-view.js';

const FOUND = new WeakMap<SourceView, Map<string, RouteFramework | undefined>>();

/**
 * The framework a file's imports name, found once per view and language family: routes
 * ask for it one by one, and scanning the whole file each time would be quadratic.
 */
export function importedFramework(
  view: SourceView,
  family: string,
  detect: (text: string) => RouteFramework | undefined,
): RouteFramework | undefined {
  let byFamily = FOUND.get(view);
  if (!byFamily) {
    byFamily = new Map();
    FOUND.set(view, byFamily);
  }
  if (!byFamily.has(family)) byFamily.set(family, detect(view.text));
  return byFamily.get(family);
}
