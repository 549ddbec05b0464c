import { analyzeChanges } from '../changes/analyze-changes.js';
import { discoverProjects } from '../discovery/discover-projects.js';
import { diffAgainstBase, resolveCommit } from '../git/local-git.js';
import { HANDOFF_CATALOG } from '../handoffs/handoff-catalog.js';
import { isHandoffArea } from '../handoffs/handoff-area.js';
import { renderReviewComment } from '../handoffs/render-review-comment.js';
import { createCheckoutReader } from '../pipeline/create-checkout-reader.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { listCheckoutFiles } from '../pipeline/list-checkout-files.js';
import { reviewRequestedArea } from '../pipeline/review-areas.js';
import { createStderrLog } from './stderr-log.js';
import { findDefaultBase } from './find-default-base.js';
import { UsageError } from './usage-error.js';

/** `backend-developer review <area> [dir] --base <ref>`: one area's deterministic review of a local change. */
export async function runReviewCommand(
  area: string | undefined,
  root: string,
  options: { base?: string; json: boolean; config?: string },
): Promise<number> {
  if (!area || !isHandoffArea(area)) {
    throw new UsageError(`\`review\` needs an area: ${Object.keys(HANDOFF_CATALOG).join(', ')}.`);
  }
  const base = options.base ?? (await findDefaultBase(root));
  if (!(await resolveCommit(root, base).catch(() => '')))
    throw new UsageError(`\`${base}\` is not a commit in ${root}.`);
  const log = createStderrLog({ verbose: false });
  const config = await readLocalConfigFile(root, options.config ?? '.github/backend-developer.yml', log);
  const discovery = await discoverProjects(root, { ignore: config.ignore, overrides: config.projects });
  const files = await diffAgainstBase(root, base, 'HEAD');
  const readFile = createCheckoutReader(root);
  const listFiles = listCheckoutFiles(root);
  const analysis = await analyzeChanges({ files, projects: discovery.projects, readFile, listFiles });
  const review = reviewRequestedArea(
    { files, analysis, discovery, readFile, listFiles },
    area,
    `asked for on the command line against \`${base}\``,
  );
  if (options.json) process.stdout.write(`${JSON.stringify(review.findings, null, 2)}\n`);
  else
    process.stdout.write(
      `${renderReviewComment(area, review.findings, { reasons: review.reasons, headSha: await resolveCommit(root, 'HEAD') })}\n`,
    );
  return review.findings.some((f) => f.severity === 'high') ? 1 : 0;
}
