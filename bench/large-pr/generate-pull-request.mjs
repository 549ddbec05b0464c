// Writes a polyglot monorepo and a pull request over it: 3,000 changed files in four
// languages (TypeScript/Express, Python/FastAPI, Go/Gin, Java/Spring), about 7,000 added
// lines, as two commits of a throw-away git repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILES_PER_LANGUAGE = 750;

const LANGUAGES = [
  {
    project: 'services/api-ts',
    manifest: [
      'package.json',
      JSON.stringify(
        { name: 'api-ts', dependencies: { express: '4.19.2' }, scripts: { test: 'vitest run' } },
        null,
        2,
      ),
    ],
    path: (i) => `src/modules/m${i}/routes.ts`,
    base: (i) => [
      "import { Router } from 'express';",
      `import { service${i} } from './service';`,
      '',
      'export const router = Router();',
      '',
      `router.get('/items', async (req, res) => {`,
      `  const items = await service${i}.list(req.query);`,
      '  res.json(items);',
      '});',
      '',
      `router.get('/items/:id', async (req, res) => {`,
      `  const item = await service${i}.find(req.params.id);`,
      '  if (!item) return res.status(404).end();',
      '  res.json(item);',
      '});',
      ...filler('//', i),
    ],
    change: (i) => [
      [7, `  const limit = Number(req.query.limit ?? 50);`],
      [12, `  // look the item up in the cache first (${i})`],
      ...(i % 10 === 0
        ? [
            [
              16,
              `router.post('/items', async (req, res) => res.status(201).json(await service${i}.create(req.body)));`,
            ],
          ]
        : []),
    ],
  },
  {
    project: 'services/api-py',
    manifest: ['pyproject.toml', '[project]\nname = "api-py"\ndependencies = ["fastapi==0.115.0"]\n'],
    path: (i) => `app/routers/r${i}.py`,
    base: (i) => [
      'from fastapi import APIRouter, HTTPException',
      '',
      `from app.services import service_${i}`,
      '',
      `router = APIRouter(prefix="/r${i}")`,
      '',
      '',
      '@router.get("/items")',
      'async def list_items(limit: int = 50):',
      `    return await service_${i}.list(limit=limit)`,
      '',
      '',
      '@router.get("/items/{item_id}")',
      'async def get_item(item_id: int):',
      `    item = await service_${i}.find(item_id)`,
      '    if item is None:',
      '        raise HTTPException(status_code=404)',
      '    return item',
      ...filler('#', i),
    ],
    change: (i) => [
      [10, '    limit = min(limit, 100)'],
      [15, `    # cache lookup ${i}`],
      ...(i % 10 === 0
        ? [
            [
              19,
              '@router.post("/items", status_code=201)\nasync def create_item(body: dict):\n    return body',
            ],
          ]
        : []),
    ],
  },
  {
    project: 'services/api-go',
    manifest: ['go.mod', 'module example.com/api\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n'],
    path: (i) => `internal/h${i}/routes.go`,
    base: (i) => [
      `package h${i}`,
      '',
      'import "github.com/gin-gonic/gin"',
      '',
      'func Register(r *gin.RouterGroup) {',
      '\tr.GET("/items", list)',
      '\tr.GET("/items/:id", find)',
      '}',
      '',
      'func list(c *gin.Context) {',
      '\tc.JSON(200, []string{})',
      '}',
      '',
      'func find(c *gin.Context) {',
      '\tc.JSON(200, gin.H{"id": c.Param("id")})',
      '}',
      ...filler('//', i),
    ],
    change: (i) => [
      [11, '\tlimit := c.DefaultQuery("limit", "50")'],
      [15, `\t// cache lookup ${i}`],
      ...(i % 10 === 0 ? [[8, '\tr.POST("/items", create)']] : []),
    ],
  },
  {
    project: 'services/api-java',
    manifest: [
      'pom.xml',
      '<project><modelVersion>4.0.0</modelVersion><groupId>e</groupId><artifactId>api</artifactId><version>1</version><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.4</version></parent><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
    ],
    path: (i) => `src/main/java/com/example/c${i}/ItemController${i}.java`,
    base: (i) => [
      `package com.example.c${i};`,
      '',
      'import org.springframework.web.bind.annotation.*;',
      '',
      '@RestController',
      `@RequestMapping("/c${i}")`,
      `public class ItemController${i} {`,
      '    @GetMapping("/items")',
      '    public String list() {',
      '        return "[]";',
      '    }',
      '',
      '    @GetMapping("/items/{id}")',
      '    public String find(@PathVariable String id) {',
      '        return id;',
      '    }',
      ...filler('//', i),
      '}',
    ],
    change: (i) => [
      [10, '        int limit = 50;'],
      [15, `        // cache lookup ${i}`],
      ...(i % 10 === 0
        ? [
            [
              17,
              '    @PostMapping("/items")\n    public String create(@RequestBody String body) {\n        return body;\n    }',
            ],
          ]
        : []),
    ],
  },
];

/** Twenty-odd lines of comments and constants, so files have the size of real modules. */
function filler(comment, i) {
  return Array.from(
    { length: 24 },
    (_, n) => `${comment} note ${i}.${n}: keep the handler small and the service testable`,
  );
}

function applyChanges(lines, changes) {
  const result = [...lines];
  for (const [at, text] of [...changes].sort((a, b) => b[0] - a[0]))
    result.splice(at, 0, ...text.split('\n'));
  return result;
}

function git(root, ...args) {
  execFileSync('git', args, { cwd: root, stdio: 'ignore' });
}

/** Writes the repository under `root` and returns the base and head commits and the counts. */
export function generatePullRequest(root) {
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'bench@example.com');
  git(root, 'config', 'user.name', 'bench');
  let files = 0;
  let added = 0;
  const write = (file, lines) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n`);
  };
  for (const language of LANGUAGES) {
    write(path.join(root, language.project, language.manifest[0]), [language.manifest[1]]);
    for (let i = 0; i < FILES_PER_LANGUAGE; i++)
      write(path.join(root, language.project, language.path(i)), language.base(i));
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  for (const language of LANGUAGES) {
    for (let i = 0; i < FILES_PER_LANGUAGE; i++) {
      const changes = language.change(i);
      added += changes.reduce((sum, [, text]) => sum + text.split('\n').length, 0);
      files++;
      write(path.join(root, language.project, language.path(i)), applyChanges(language.base(i), changes));
    }
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'feature: limits, caches and create endpoints');
  return { base: 'main', head: 'feature', files, added };
}
