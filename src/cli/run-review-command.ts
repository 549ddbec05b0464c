import { analyzeChanges } from '../changes/analyze-changes.js';
import { discoverProjects } from '../discovery/discover-projects.js';
import { HANDOFF_AREAS, isHandoffArea } from '../handoffs/handoff-area.js';
import { renderReviewComment } from '../handoffs/render-review-comment.js';
import { createCheckoutReader } from '../pipeline/create-checkout-reader.js';
import { listCheckoutFiles } from '../pipeline/list-checkout-files.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { reviewRequestedArea } from '../pipeline/review-areas.js';
import { decideExit, type FailOn } from '../validation/decide-exit.js';
import { requireConfig, requireDirectory } from './check-arguments.js';
import { cleanUpOnInterrupt } from './interrupt-cleanup.js';
import { openLocalChange } from './open-local-change.js';
import { createStderrLog } from './stderr-log.js';
import { UsageError } from './usage-error.js';
import { createFactCache } from '../code/fact-cache.js';

export interface ReviewCommandOptions {
  area: string;
  dir: string;
  base?: string;
  head?: string;
  json: boolean;
  config?: string;
  failOn?: FailOn;
}

/**
 * `backend-developer review <area> [dir]`: one area's deterministic review of the change from
 * `--base` to `--head`, read from the head commit (a temporary worktree when it is not HEAD).
 * Exits 1 on a high-severity finding unless `--fail-on` says otherwise.
 */
export async function runReviewCommand(options: ReviewCommandOptions): Promise<number> {
  const { area } = options;
  if (!isHandoffArea(area))
    throw new UsageError(`unknown area \`${area}\`; areas: ${HANDOFF_AREAS.join(', ')}.`, 'review');
  const root = await requireDirectory(options.dir);
  const configPath = await requireConfig(root, options.config);
  const change = await openLocalChange(root, 'review', options);
  const forget = cleanUpOnInterrupt(() => change.workspace.release());
  try {
    const log = createStderrLog();
    const config = await readLocalConfigFile(root, configPath, log);
    const head = change.workspace.root;
    const discovery = await discoverProjects(head, { ignore: config.ignore, overrides: config.projects });
    const { files } = change;
    const readFile = createCheckoutReader(head);
    const listFiles = listCheckoutFiles(head);
    const facts = createFactCache();
    const analysis = await analyzeChanges({
      files,
      projects: discovery.projects,
      readFile,
      listFiles,
      facts,
    });
    const review = reviewRequestedArea(
      { files, analysis, discovery, readFile, facts },
      area,
      `asked for on the command line against \`${change.base}\``,
    );
    if (options.json) process.stdout.write(`${JSON.stringify(review.findings, null, 2)}\n`);
    else
      process.stdout.write(
        `${renderReviewComment(area, review.findings, { reasons: review.reasons, headSha: change.headSha })}\n`,
      );
    const high = review.findings.filter((finding) => finding.severity === 'high').length;
    const exit = decideExit({ status: 'skipped', projects: [] }, options.failOn ?? 'high-findings', high);
    if (exit.reason) log.info(exit.reason);
    return exit.fail ? 1 : 0;
  } finally {
    forget();
    await change.workspace.release();
  }
}
