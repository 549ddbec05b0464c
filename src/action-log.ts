import * as core from '@actions/core';
import type { RunLog } from './pipeline/run-log.js';

/** The pipeline's log, written as Actions workflow commands (groups and annotations). */
export function createActionLog(redact: (text: string) => string): RunLog {
  const props = (where?: { file?: string; line?: number; title?: string }): core.AnnotationProperties => ({
    ...(where?.file ? { file: where.file } : {}),
    ...(where?.line ? { startLine: where.line } : {}),
    ...(where?.title ? { title: redact(where.title) } : {}),
  });
  return {
    info: (m) => core.info(redact(m)),
    notice: (m) => core.notice(redact(m)),
    warning: (m, where) => core.warning(redact(m), props(where)),
    error: (m, where) => core.error(redact(m), props(where)),
    startGroup: (t) => core.startGroup(redact(t)),
    endGroup: () => core.endGroup(),
  };
}
