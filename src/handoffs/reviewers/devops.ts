import type { ReviewRule } from '../review-engine/review-rule.js';
import { containerRunsAsRoot } from '../rules/devops/container-runs-as-root.js';
import { pullRequestTargetCheckout } from '../rules/devops/pull-request-target-checkout.js';
import { secretInBuildFile } from '../rules/devops/secret-in-build-file.js';
import { unpinnedAction } from '../rules/devops/unpinned-action.js';
import { unpinnedImage } from '../rules/devops/unpinned-image.js';

/** The infrastructure review's deterministic rules (devops-engineer: containers, CI/CD, deployment). */
export const devopsRules: readonly ReviewRule[] = [
  unpinnedImage,
  containerRunsAsRoot,
  secretInBuildFile,
  pullRequestTargetCheckout,
  unpinnedAction,
];
