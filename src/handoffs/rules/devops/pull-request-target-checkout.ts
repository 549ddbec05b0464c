import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { fullText, isWorkflowFile, visibleLines, withoutYamlComment } from './infra-files.js';

const TRIGGER = /\bpull_request_target\b/;
/** Checking out (or fetching) the pull request's own code. */
const HEAD_CHECKOUT =
  /\$\{\{\s*github\.(?:event\.pull_request\.head\.(?:sha|ref|repo\.full_name)|head_ref)\s*\}\}|refs\/pull\/\$\{\{\s*github\.event\.(?:pull_request\.)?number\s*\}\}\/(?:head|merge)|\bgh\s+pr\s+checkout\b/;

export const pullRequestTargetCheckout: ReviewRule = {
  id: 'devops/pull-request-target-checkout',
  severity: 'high',
  title: '`pull_request_target` runs the pull request’s code',
  explanation:
    '`pull_request_target` runs with the base repository’s secrets and a write token; checking out the PR head lets any fork run code with them.',
  fix: {
    default:
      'Use `on: pull_request` for anything that builds or runs PR code; keep `pull_request_target` for labelling/commenting on the base checkout, or pass PR results through an artifact to a `workflow_run` job.',
  },
  check(file, { context }) {
    if (!isWorkflowFile(file.path)) return [];
    const whole =
      fullText(file, context) ??
      visibleLines(file)
        .map((line) => line.text)
        .join('\n');
    const code = whole.split('\n').map(withoutYamlComment);
    if (!code.some((text) => TRIGGER.test(text))) return [];
    const hits: RuleHit[] = file.added
      .filter((line) => HEAD_CHECKOUT.test(withoutYamlComment(line.text)))
      .map((line) => ({ line: line.line }));
    if (hits.length > 0 || !code.some((text) => HEAD_CHECKOUT.test(text))) return hits;
    // The trigger is new and the head checkout was already there.
    const trigger = file.added.find((line) => TRIGGER.test(withoutYamlComment(line.text)));
    return trigger ? [{ line: trigger.line }] : [];
  },
};
