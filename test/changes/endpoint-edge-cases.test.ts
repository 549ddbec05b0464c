import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { addedFile, modifiedFile, projectFrom } from './diff-fixture.js';

const endpointsOf = async (files: Parameters<typeof analyzeChanges>[0]['files'], frameworks: string[] = []) =>
  (
    await analyzeChanges({
      files,
      projects: [projectFrom({ path: '.', language: 'typescript', frameworks })],
    })
  ).endpoints.map((endpoint) => `${endpoint.change} ${endpoint.method} ${endpoint.path}`);

describe('endpoint edge cases', () => {
  it('does not count an edit inside an inline handler as a change of the route', async () => {
    const file = modifiedFile(
      'src/app.ts',
      ["app.get('/health', async (req, res) => {", '  res.json({ ok: true });', '});'],
      ["app.get('/health', async (req, res) => {", '  res.json({ ok: true, version });', '});'],
    );
    expect(await endpointsOf([file])).toEqual([]);
  });

  it('does not count an edit inside a Go handler literal as a change of the route', async () => {
    const file = modifiedFile(
      'main.go',
      ['r.GET("/ping", func(c *gin.Context) {', '\tc.String(200, "pong")', '})'],
      ['r.GET("/ping", func(c *gin.Context) {', '\tc.JSON(200, gin.H{"ok": true})', '})'],
    );
    expect(await endpointsOf([file], ['gin'])).toEqual([]);
  });

  it('reads every path of an array, and typed route calls', async () => {
    const file = addedFile('src/routes.ts', "router.get(['/a', '/b'], h);\nrouter.post<Params>('/c', h);");
    expect(await endpointsOf([file])).toEqual(['added GET /a', 'added GET /b', 'added POST /c']);
  });

  it('ignores outgoing requests, map reads, comments and strings that look like routes', async () => {
    const file = addedFile(
      'src/client.ts',
      [
        "const user = await axios.get('/users/1', { headers });",
        "const cached = cache.get('/users/1');",
        "// app.get('/commented', h);",
        'const doc = "app.post(\'/in-a-string\', h)";',
        "const res = await request(app).get('/users');",
      ].join('\n'),
    );
    expect(await endpointsOf([file])).toEqual([]);
  });

  it('does not read routes from test files', async () => {
    expect(await endpointsOf([addedFile('internal/api/router_test.go', 'r.GET("/x", h)')], ['gin'])).toEqual(
      [],
    );
  });

  it('reports a removed route file as removed routes', async () => {
    const removed = {
      ...addedFile('app/api.py', '@router.delete("/items/{id}")\ndef remove(id): ...'),
      status: 'removed' as const,
    };
    removed.patch = '@@ -1,2 +0,0 @@\n-@router.delete("/items/{id}")\n-def remove(id): ...';
    expect(await endpointsOf([removed], ['fastapi'])).toEqual(['removed DELETE /items/{id}']);
  });

  it('reads a whole new file even when GitHub sent no patch for it', async () => {
    const large = {
      path: 'src/big.ts',
      status: 'added' as const,
      additions: 5000,
      deletions: 0,
      patchOmitted: 'too-large' as const,
    };
    const analysis = await analyzeChanges({
      files: [large],
      projects: [],
      readFile: () => "router.get('/big', h);\n",
    });
    expect(analysis.endpoints.map((endpoint) => endpoint.path)).toEqual(['/big']);
  });

  it('ignores the checkout when it is not the head of the PR', async () => {
    const file = modifiedFile('src/app.ts', ["app.get('/old', h);"], ["app.get('/new', h);"]);
    const stale = () => "const nothing = 1;\napp.get('/unrelated', h);\n";
    const analysis = await analyzeChanges({ files: [file], projects: [], readFile: stale });
    expect(analysis.endpoints.map((endpoint) => `${endpoint.change} ${endpoint.path}`)).toEqual([
      'changed /new',
    ]);
  });
});
