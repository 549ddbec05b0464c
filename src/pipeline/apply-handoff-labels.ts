import { HANDOFF_CATALOG, labelFor } from '../handoffs/handoff-catalog.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { HandoffConfig } from '../handoffs/handoff-config.js';
import type { ActionEnvironment } from './action-environment.js';
import { writeOrWarn } from './write-or-warn.js';

/**
 * Adds the `handoff:<area>` labels the PR lacks, creating missing labels first. Callers pass only
 * areas with findings or one a person asked for: a label is a call to action. Labels added with
 * the workflow token start no new workflow run, so the reviews run in this job.
 */
export async function applyHandoffLabels(
  env: ActionEnvironment,
  pr: { number: number; labels: string[] },
  areas: HandoffArea[],
  config: HandoffConfig,
): Promise<void> {
  const missing = areas
    .map((area) => ({ area, name: labelFor(area, config) }))
    .filter((l) => !pr.labels.includes(l.name));
  if (missing.length === 0) return;
  await writeOrWarn(env.log, async () => {
    for (const { area, name } of missing) {
      const info = HANDOFF_CATALOG[area];
      await env.gateway.ensureLabel(name, info.color, info.description);
    }
    await env.gateway.addLabels(
      pr.number,
      missing.map((l) => l.name),
    );
  });
}
