// Writes the tree of one commit of a fetched mirror (a bare git directory) into a directory.
// Snapshots lack files of 4 MiB and more; `git archive` stops at the first missing blob, so
// this reads the tree with `git ls-tree` and the blobs with `git cat-file --batch`, leaving
// out the absent ones (fonts, images, PDFs: nothing discovery reads).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Materialises `commit` of the bare repository `gitDir` into `target`; returns the count of files written and skipped. */
export async function materialiseMirror(gitDir, commit, target) {
  const listing = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], {
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (listing.status !== 0) throw new Error(`git ls-tree failed: ${listing.stderr.toString()}`);
  const entries = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const [meta, file] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
      const [mode, type, sha] = meta.split(' ');
      return type === 'blob' ? [{ mode, sha, file }] : [];
    });
  const blobs = await readBlobs(
    gitDir,
    entries.map((entry) => entry.sha),
  );
  let written = 0;
  let skipped = 0;
  for (const entry of entries) {
    const content = blobs.get(entry.sha);
    if (content === undefined) {
      skipped++;
      continue;
    }
    const destination = path.join(target, entry.file);
    mkdirSync(path.dirname(destination), { recursive: true });
    if (entry.mode === '120000') symlinkSync(content.toString('utf8'), destination);
    else writeFileSync(destination, content, { mode: entry.mode === '100755' ? 0o755 : 0o644 });
    written++;
  }
  return { written, skipped };
}

/** Blob contents by sha through one `git cat-file --batch`; missing blobs are left out. */
function readBlobs(gitDir, shas) {
  const unique = [...new Set(shas)];
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const blobs = new Map();
      let offset = 0;
      while (offset < output.length) {
        const newline = output.indexOf(10, offset);
        const header = output.subarray(offset, newline).toString('utf8');
        offset = newline + 1;
        const [sha, type, size] = header.split(' ');
        if (type === 'missing' || size === undefined) continue;
        const length = Number(size);
        blobs.set(sha, output.subarray(offset, offset + length));
        offset += length + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(unique.map((sha) => `${sha}\n`).join(''));
  });
}
