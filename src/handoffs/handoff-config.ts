import type { HandoffArea } from './handoff-area.js';

/** One area's settings under `handoffs:` in `.github/backend-developer.yml` (PRODUCT.md "Config file"). */
export interface AreaHandoffConfig {
  /** The label that requests this area's review; defaults to `handoff:<area>`. */
  label?: string;
  /** Extra minimatch globs, added to the area's defaults: a change to a matching path hands off to the area. */
  paths?: string[];
  /** `false` turns the area off: it is never handed off automatically. */
  enabled?: boolean;
}

/** The `handoffs:` section of the config file, already validated by the config reader. */
export type HandoffConfig = Partial<Record<HandoffArea, AreaHandoffConfig>>;
