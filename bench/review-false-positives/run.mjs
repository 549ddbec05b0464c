// False-positive check of the deterministic reviewers. Run from the repository root:
//   node bench/review-false-positives/run.mjs [--no-real-world]
// It bundles the reviewers, discovery and change analysis with esbuild into a temporary
// module under .tmp/ (Node 20 cannot run TypeScript) and runs `reviewAll` over:
//   history     every commit of this repository (`git diff <sha>^ <sha>`, the first against the empty tree);
//   fixtures    test/fixtures/e2e/* and examples/orders-service: base/, then head/ copied over it, as two
//               commits of a throw-away git repository (as the end-to-end tests build them);
//   real-world  a few server-side trees present on this machine, each file treated as newly added.
// Each diff gets the same context the action builds: the head version of files (`readFile`),
// the projects discovery finds, and the endpoints change analysis extracts.
// It prints findings per rule and source, and writes every finding to .tmp/review-findings.jsonl.
import { importTypeScript } from '../import-typescript.mjs';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const withRealWorld = !process.argv.includes('--no-real-world');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
const work = mkdtempSync(path.join(root, '.tmp', 'review-fp-'));
const findingsFile = path.join(root, '.tmp', 'review-findings.jsonl');

// Server-side code outside this repository, if installed. `rename` keeps build-output folder names
// (`dist/`) from being skipped as generated: the point is to read the code as if a PR added it.
const REAL_WORLD = [
  {
    name: 'prism-http',
    dir: 'node_modules/@stoplight/prism-http',
    include: /^dist\/.*\.js$/,
    rename: [/^dist\//, 'lib/'],
  },
  {
    name: 'prism-cli',
    dir: 'node_modules/@stoplight/prism-cli',
    include: /^dist\/.*\.js$/,
    rename: [/^dist\//, 'lib/'],
  },
  { name: 'undici', dir: 'node_modules/undici', include: /^lib\/.*\.js$/ },
  {
    name: 'python-http',
    dir: '/usr/lib/python3.11',
    include: /^(http|wsgiref|xmlrpc)\/[^/]+\.py$/,
    discover: false,
  },
  // Authentication and TLS libraries: where security rules are most tempted to misfire.
  { name: 'pyjwt', dir: '/usr/lib/python3/dist-packages/jwt', include: /\.py$/, discover: false },
  { name: 'oauthlib', dir: '/usr/lib/python3/dist-packages/oauthlib', include: /\.py$/, discover: false },
  { name: 'httplib2', dir: '/usr/lib/python3/dist-packages/httplib2', include: /\.py$/, discover: false },
];

try {
  const api = await bundleReviewers();
  const results = [];
  for (const sha of gitLines(root, 'log', '--reverse', '--format=%H'))
    results.push(await reviewCommit(api, sha));
  for (const fixture of fixtureFolders()) results.push(await reviewFixture(api, fixture));
  if (withRealWorld) {
    for (const tree of REAL_WORLD) {
      const dir = path.resolve(root, tree.dir);
      if (existsSync(dir)) results.push(await reviewTree(api, tree, dir));
      else console.log(`(skipped ${tree.name}: ${dir} not found)`);
    }
  }
  const findings = results.flatMap((result) => result.findings);
  writeFileSync(findingsFile, findings.map((finding) => JSON.stringify(finding)).join('\n') + '\n');
  printSummary(results, findings);
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function bundleReviewers() {
  const entry = path.join(work, 'entry.ts');
  const src = (file) => JSON.stringify(path.join(root, 'src', file));
  writeFileSync(
    entry,
    `export { reviewAll } from ${src('handoffs/review-all.ts')};\n` +
      `export { parseGitDiff } from ${src('git/parse-git-diff.ts')};\n` +
      `export { discoverProjects } from ${src('discovery/discover-projects.ts')};\n` +
      `export { analyzeChanges } from ${src('changes/analyze-changes.ts')};\n`,
  );
  return importTypeScript(entry);
}

function git(cwd, ...args) {
  return execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
}

function gitLines(cwd, ...args) {
  return git(cwd, ...args)
    .split('\n')
    .filter((line) => line.length > 0);
}

/** Reads a file of a checked-out head folder; undefined when missing or not a file. */
function folderReader(dir, mapPath = (p) => p) {
  return (file) => {
    try {
      return readFileSync(path.join(dir, mapPath(file)), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Runs the reviewers with the context the action would build for this head folder. */
async function review(api, { source, label, files, headDir, readFile, discover = true }) {
  const discovery = discover ? await api.discoverProjects(headDir) : { projects: [] };
  const analysis = api.analyzeChanges({ files, projects: discovery.projects, readFile });
  const context = {
    readFile,
    endpoints: analysis.endpoints.map((e) => ({
      method: e.method,
      path: e.path,
      change: e.change,
      file: e.file,
      line: e.line,
    })),
    projectRoots: discovery.projects.map((p) => p.path),
    databases: [...new Set(discovery.projects.flatMap((p) => p.databases))],
  };
  const findings = api.reviewAll(files, context).map((finding) => ({
    source,
    case: label,
    zone: zoneOf(source, finding.file),
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    side: finding.side ?? 'RIGHT',
    text: lineText(files, finding, readFile),
    title: finding.title,
  }));
  return { source, label, files: files.length, findings };
}

function lineText(files, finding, readFile) {
  if (finding.side !== 'LEFT') {
    const text = readFile(finding.file);
    if (text !== undefined) return (text.split('\n')[finding.line - 1] ?? '').trim().slice(0, 240);
  }
  const patch = files.find((f) => f.path === finding.file)?.patch ?? '';
  const marker = finding.side === 'LEFT' ? '-' : '+';
  let line = 0;
  for (const raw of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(raw);
    if (header) {
      line = Number(header[finding.side === 'LEFT' ? 1 : 2]);
      continue;
    }
    if (raw.startsWith(marker) || raw.startsWith(' ')) {
      if (raw.startsWith(marker) && line === finding.line) return raw.slice(1).trim().slice(0, 240);
      line += 1;
    }
  }
  return '';
}

/** Where a finding sits: deliberately vulnerable fixtures are expected hits, the rest is the interesting part. */
function zoneOf(source, file) {
  if (source !== 'history') return source;
  if (/^(test\/fixtures|examples)\//.test(file)) return 'fixtures';
  const top = file.split('/')[0];
  return ['src', 'test', 'bench'].includes(top) ? top : 'other';
}

async function reviewCommit(api, sha) {
  const parents = gitLines(root, 'rev-list', '--parents', '-n', '1', sha).join(' ').split(' ').slice(1);
  const base = parents[0] ?? git(root, 'hash-object', '-t', 'tree', '/dev/null').trim();
  const files = api.parseGitDiff(git(root, 'diff', '--find-renames', base, sha) + '\n');
  const headDir = path.join(work, `commit-${sha.slice(0, 12)}`);
  mkdirSync(headDir);
  execFileSync('tar', ['-x', '-C', headDir], {
    input: execFileSync('git', ['archive', sha], { cwd: root, maxBuffer: 512 * 1024 * 1024 }),
  });
  try {
    return await review(api, {
      source: 'history',
      label: sha.slice(0, 7),
      files,
      headDir,
      readFile: folderReader(headDir),
    });
  } finally {
    rmSync(headDir, { recursive: true, force: true });
  }
}

function fixtureFolders() {
  const e2e = path.join(root, 'test/fixtures/e2e');
  const folders = readdirSync(e2e).map((name) => path.join(e2e, name));
  return [...folders, path.join(root, 'examples/orders-service')].filter((dir) =>
    existsSync(path.join(dir, 'head')),
  );
}

/** base/ then head/ copied over it (head/ holds only the files the change touches), diffed like a pull request. */
async function reviewFixture(api, fixture) {
  const dir = mkdtempSync(path.join(work, 'fixture-'));
  try {
    git(dir, 'init', '--quiet', '--initial-branch=main');
    cpSync(path.join(fixture, 'base'), dir, { recursive: true });
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'base');
    cpSync(path.join(fixture, 'head'), dir, { recursive: true });
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'head');
    const files = api.parseGitDiff(git(dir, 'diff', '--find-renames', 'HEAD~1', 'HEAD') + '\n');
    const label = path.relative(root, fixture);
    return await review(api, { source: 'fixtures', label, files, headDir: dir, readFile: folderReader(dir) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === '__pycache__' ? [] : listFiles(dir, relative);
    return entry.isFile() ? [relative] : [];
  });
}

/** Every matching file of a tree as an "added" file with a whole-file patch. */
async function reviewTree(api, tree, dir) {
  const shown = new Map();
  const files = [];
  for (const relative of listFiles(dir).filter((file) => tree.include.test(file))) {
    const text = readFileSync(path.join(dir, relative), 'utf8');
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) continue;
    const name = tree.rename ? relative.replace(tree.rename[0], tree.rename[1]) : relative;
    shown.set(name, relative);
    const patch = `@@ -0,0 +1,${lines.length} @@\n` + lines.map((line) => `+${line}`).join('\n');
    files.push({ path: name, status: 'added', additions: lines.length, deletions: 0, patch });
  }
  const readFile = folderReader(dir, (name) => shown.get(name) ?? name);
  return review(api, {
    source: 'real-world',
    label: tree.name,
    files,
    headDir: dir,
    readFile,
    discover: tree.discover !== false,
  });
}

function printSummary(results, findings) {
  const sources = [...new Set(results.map((r) => r.source))];
  const zones = ['fixtures', 'src', 'test', 'bench', 'other'];
  const columns = [...sources.map((s) => s), ...zones.map((z) => `history:${z}`)];
  const rules = [...new Set(findings.map((f) => f.ruleId))].sort();
  const count = (rule, column) =>
    findings.filter(
      (f) =>
        f.ruleId === rule &&
        (column.startsWith('history:')
          ? f.source === 'history' && f.zone === column.slice(8)
          : f.source === column),
    ).length;
  for (const source of sources) {
    const cases = results.filter((r) => r.source === source);
    const changed = cases.reduce((sum, r) => sum + r.files, 0);
    console.log(
      `${source}: ${cases.length} diffs, ${changed} changed files, ${findings.filter((f) => f.source === source).length} findings`,
    );
  }
  console.log('');
  const width = Math.max(40, ...rules.map((r) => r.length + 2));
  console.log('rule'.padEnd(width) + columns.map((c) => c.padStart(Math.max(8, c.length + 2))).join(''));
  for (const rule of rules) {
    console.log(
      rule.padEnd(width) +
        columns.map((c) => String(count(rule, c)).padStart(Math.max(8, c.length + 2))).join(''),
    );
  }
  console.log(`\nfindings written to ${path.relative(root, findingsFile)}`);
}
