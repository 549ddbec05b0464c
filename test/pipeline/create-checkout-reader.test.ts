import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutReader } from '../../src/pipeline/create-checkout-reader.js';

describe('reading the head checkout', () => {
  let base: string;
  let checkout: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'bda-reader-'));
    checkout = path.join(base, 'checkout');
    const outside = path.join(base, 'outside');
    mkdirSync(path.join(checkout, 'src', 'deep', 'er'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.txt'), 'outside the checkout\n');
    writeFileSync(path.join(checkout, 'src', 'app.ts'), 'export const app = 1;\n');
    writeFileSync(path.join(checkout, 'src', 'deep', 'er', 'leaf.ts'), 'export const leaf = 2;\n');
    writeFileSync(path.join(checkout, 'big.json'), 'x'.repeat(1024 * 1024 + 1));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(checkout, 'src', 'escape.ts'));
    symlinkSync(outside, path.join(checkout, 'linked-out'));
    symlinkSync('app.ts', path.join(checkout, 'src', 'alias.ts'));
    symlinkSync('src/deep', path.join(checkout, 'linked-in'));
    if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(checkout, 'src', 'pipe.ts')]);
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('reads files inside the checkout, through symlinks that stay inside', () => {
    const read = createCheckoutReader(checkout);
    expect(read('src/app.ts')).toBe('export const app = 1;\n');
    expect(read('src/deep/er/leaf.ts')).toBe('export const leaf = 2;\n');
    expect(read('./src/app.ts')).toBe('export const app = 1;\n');
    expect(read('src/alias.ts')).toBe('export const app = 1;\n');
    expect(read('linked-in/er/leaf.ts')).toBe('export const leaf = 2;\n');
  });

  it('refuses what leads outside, folders, pipes, large files and missing ones', () => {
    const read = createCheckoutReader(checkout);
    expect(read('src/escape.ts')).toBeUndefined();
    expect(read('linked-out/secret.txt')).toBeUndefined();
    expect(read('../outside/secret.txt')).toBeUndefined();
    expect(read('src/../../outside/secret.txt')).toBeUndefined();
    expect(read(path.join(base, 'outside', 'secret.txt'))).toBeUndefined();
    expect(read('src')).toBeUndefined();
    expect(read('big.json')).toBeUndefined();
    expect(read('src/missing.ts')).toBeUndefined();
    expect(read('missing/app.ts')).toBeUndefined();
    if (process.platform !== 'win32') expect(read('src/pipe.ts')).toBeUndefined();
  });
});
