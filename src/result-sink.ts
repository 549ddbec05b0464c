import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResultSink } from './pipeline/action-environment.js';

/** Job summary, report file and outputs, through @actions/core. */
export function createResultSink(tempDir: string): ResultSink {
  return {
    async writeSummary(markdown) {
      // The summary file is missing when the action runs outside a runner (e.g. act without it).
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      // Written early (nothing lost) and again with links once the comments are posted: the last one stands.
      await core.summary.addRaw(markdown, true).write({ overwrite: true });
    },
    async writeReportFile(markdown) {
      const dir = path.join(tempDir, 'backend-developer');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, 'report.md');
      await writeFile(file, markdown, 'utf8');
      return file;
    },
    setOutput: (name, value) => core.setOutput(name, value),
  };
}
