import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project, ProjectCommand } from '../../discovery/project.js';

export type CoverageFlagDecision = { command: ProjectCommand; added: string } | { reason: string };

/** A command line that is one program run, with no shell operators that would send the flag elsewhere. */
const SINGLE = /^[^;&|<>`$()]+$/;

/** Flags that make each runner write a coverage report without changing which tests run. */
function flagFor(runner: string, project: Project): string | { reason: string } {
  const has = (name: string) => project.dependencies.some((d) => d.name === name);
  if (runner === 'jest') return '--coverage --coverageReporters=lcov --coverageReporters=text-summary';
  if (runner === 'vitest') {
    if (!has('@vitest/coverage-v8') && !has('@vitest/coverage-istanbul'))
      return {
        reason: 'Vitest needs @vitest/coverage-v8 (or -istanbul) in devDependencies to collect coverage',
      };
    return '--coverage.enabled --coverage.reporter=lcov --coverage.reporter=text-summary';
  }
  if (runner === 'pytest') {
    if (!has('pytest-cov'))
      return { reason: "pytest needs pytest-cov in the project's dependencies to collect coverage" };
    return '--cov --cov-report=xml:coverage.xml';
  }
  return { reason: `no coverage flag is known for ${runner}` };
}

/** The test runner a command line (or the package.json script it runs) starts. */
function runnerOf(line: string): string | undefined {
  if (/^(?:npx |pnpm exec |yarn |bunx )?jest\b/.test(line)) return 'jest';
  if (/^(?:npx |pnpm exec |yarn |bunx )?vitest\b(?! watch)/.test(line)) return 'vitest';
  if (/^(?:(?:uv|poetry|pipenv|pdm) run )?(?:python3? -m )?pytest\b/.test(line)) return 'pytest';
  return undefined;
}

async function testScript(projectDir: string): Promise<string | undefined> {
  const text = await readFile(path.join(projectDir, 'package.json'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts;
    return typeof scripts?.test === 'string' ? scripts.test : undefined;
  } catch {
    return undefined;
  }
}

/**
 * With `coverage: { collect: true }`, the test command with the flag that makes its runner
 * write a coverage report (Jest, Vitest, pytest with pytest-cov, `go test`), when the command
 * is that runner alone or an npm-style `test` script that is: the tests that run stay the same.
 * Otherwise why the flag was not added.
 */
export async function addCoverageFlag(
  command: ProjectCommand,
  project: Project,
  projectDir: string,
): Promise<CoverageFlagDecision> {
  const line = command.run.trim();
  if (!SINGLE.test(line))
    return { reason: `\`${line}\` runs more than one program; add the coverage flag to it yourself` };
  if (/^go test\b/.test(line)) {
    const added = '-coverprofile=coverage.out';
    return { command: { ...command, run: line.replace(/^go test\b/, `go test ${added}`) }, added };
  }
  const direct = runnerOf(line);
  const script = /^(?:npm|pnpm|yarn|bun)(?: run)? test$/.test(line)
    ? await testScript(projectDir)
    : undefined;
  const runner = direct ?? (script && SINGLE.test(script) ? runnerOf(script.trim()) : undefined);
  if (!runner)
    return {
      reason: `no coverage flag is known for \`${line}\`; add one to the test command in the config file`,
    };
  const flag = flagFor(runner, project);
  if (typeof flag !== 'string') return flag;
  // npm and bun pass arguments to a script only after `--`; pnpm and yarn pass them as they are.
  const separator = !direct && /^(?:npm|bun)\b/.test(line) ? ' --' : '';
  return { command: { ...command, run: `${line}${separator} ${flag}` }, added: flag };
}
