import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from './cli-process.js';

const scratches: { remove(): void }[] = [];
afterEach(() => scratches.splice(0).forEach((s) => s.remove()));

/** Runs the CLI and notes when each stderr line arrived. */
function runTimed(args: string[]): Promise<{ code: number | null; lines: { at: number; text: string }[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('dist/cli.js'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines: { at: number; text: string }[] = [];
    let partial = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) lines.push({ at: Date.now(), text });
    });
    child.on('close', (code) => resolve({ code, lines }));
  });
}

function slowProject(): string {
  const made = scratchDir('bda-cli-live-');
  scratches.push(made);
  cpSync(path.resolve('test/fixtures/e2e/slow-test/base'), made.dir, { recursive: true });
  return made.dir;
}

describe('live progress on the command line', () => {
  it('streams a slow command’s first line to stderr with --verbose seconds before the command ends', async () => {
    const run = await runTimed(['validate', slowProject(), '--verbose']);
    expect(run.code).toBe(0);
    const first = run.lines.find((line) => line.text.includes('slow suite: first line'));
    const result = run.lines.find((line) => /^→ \.: test · npm test: passed in \d+\.\d s$/.test(line.text));
    expect(first, run.lines.map((l) => l.text).join('\n')).toBeDefined();
    expect(result).toBeDefined();
    // The suite waits five seconds after its first line: a generous margin for a busy machine.
    expect((result?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
  }, 120_000);

  it('without --verbose shows a start line and a one-line result with the duration, not the output', async () => {
    const run = await runTimed(['validate', slowProject()]);
    expect(run.code).toBe(0);
    const texts = run.lines.map((line) => line.text);
    expect(texts).toContain('▸ .: test · npm test');
    expect(texts.some((text) => /^→ \.: test · npm test: passed in \d+\.\d s$/.test(text))).toBe(true);
    expect(texts.join('\n')).not.toContain('slow suite: first line');
  }, 120_000);
});
