import type { CommandResult } from '../validation-result.js';
import { readMissingFile, readRegistryFailure, readServiceUnreachable } from './environment-causes.js';
import type { CauseReader, FailureCause } from './failure-cause.js';
import { readMissingTool, readOutOfMemory, readWrongVersion } from './toolchain-causes.js';

/** Most specific first: a missing `.env` often ends in a refused connection, not the other way round. */
const READERS: readonly CauseReader[] = [
  readOutOfMemory,
  readWrongVersion,
  readMissingTool,
  readMissingFile,
  readServiceUnreachable,
  readRegistryFailure,
];

const ERROR_LINE =
  /(?:[Ee]rror|ERROR)\b|ERR!|\b(?:FAIL(?:ED)?|failed|fatal|Fatal|FATAL)\b|Exception\b|Traceback|panic:/;
const NOISE =
  /^\s*(?:at |File "|#|\||npm (?:ERR!|error) (?:A complete log|Lifecycle|code|path|command|errno|syscall))|^\s*$/;

/**
 * Why a command failed, in words, from its outcome and output: a timeout, memory, a wrong or
 * missing runtime or tool, a missing file, an unreachable service or package registry; else
 * the first line that reads as an error. Undefined for commands that did not fail.
 */
export function classifyFailure(
  result: Pick<CommandResult, 'outcome' | 'reason'>,
  output: string,
): FailureCause | undefined {
  if (result.outcome === 'timed-out')
    return {
      kind: 'timeout',
      summary: result.reason ?? 'timed out',
      hint: 'raise `timeout-minutes` (input or config `validation.timeout-minutes`), or find the test that hangs (the output tail shows where it stopped)',
    };
  if (result.outcome !== 'failed' && result.outcome !== 'error') return undefined;
  for (const read of READERS) {
    const cause = read(output);
    if (cause) return cause;
  }
  const line = output.split('\n').find((text) => ERROR_LINE.test(text) && !NOISE.test(text));
  return line ? { kind: 'error-line', summary: line.trim().slice(0, 300) } : undefined;
}
