import { beforeAll, describe, expect, it } from 'vitest';
import { grammarOfPath } from '../../../src/code/syntax/grammar.js';
import { loadGrammars } from '../../../src/code/syntax/load-grammars.js';
import { withParsedSource } from '../../../src/code/syntax/parse-source.js';
import type { JvmFacts } from '../../../src/changes/routes/jvm/jvm-facts.js';
import { jvmRouteFamily } from '../../../src/changes/routes/jvm/jvm-family.js';

/** The route table of a small project side, one `METHOD path line handler framework` line per route. */
function routesOf(
  files: Record<string, string>,
  options: { complete?: boolean; frameworks?: string[] } = {},
) {
  const facts = new Map<string, JvmFacts>();
  for (const [path, text] of Object.entries(files)) {
    const grammar = grammarOfPath(path);
    if (!jvmRouteFamily.accepts(path) || !grammar) continue;
    const read = withParsedSource(text, grammar, (root) => jvmRouteFamily.readFacts(root, path));
    if (read) facts.set(path, read);
  }
  return jvmRouteFamily
    .link({
      files: facts,
      frameworks: options.frameworks ?? [],
      project: '.',
      read: (path) => files[path],
      exists: (path) => path in files,
      complete: options.complete ?? true,
    })
    .map((route) => `${route.method} ${route.path} ${route.line} ${route.handler ?? '-'} ${route.framework}`);
}

const JAVA = 'src/main/java/com/acme/';

beforeAll(async () => {
  await loadGrammars(['java', 'kotlin']);
});

describe('Spring routes', () => {
  it('joins class and method mappings in every attribute form, on the mapping annotation line', () => {
    const routes = routesOf({
      [`${JAVA}OrderController.java`]: [
        'package com.acme;',
        '@RestController',
        '@RequestMapping(path = {"/orders", "/purchases"})',
        'public class OrderController {',
        '    @GetMapping',
        '    public String list() { return ""; }',
        '    @PreAuthorize("hasRole(\'ADMIN\')")',
        '    @RequestMapping(value = "{id}/cancel", method = {RequestMethod.POST, RequestMethod.PUT})',
        '    public void cancel(long id) {}',
        '    @RequestMapping("/any")',
        '    public void any() {}',
        '    public void helper() {}',
        '}',
      ].join('\n'),
    });
    expect(routes).toEqual([
      'GET /orders 5 OrderController.list spring-boot',
      'GET /purchases 5 OrderController.list spring-boot',
      'POST /orders/{id}/cancel 8 OrderController.cancel spring-boot',
      'PUT /orders/{id}/cancel 8 OrderController.cancel spring-boot',
      'POST /purchases/{id}/cancel 8 OrderController.cancel spring-boot',
      'PUT /purchases/{id}/cancel 8 OrderController.cancel spring-boot',
      'ANY /orders/any 10 OrderController.any spring-boot',
      'ANY /purchases/any 10 OrderController.any spring-boot',
    ]);
  });

  it('serves no route from a Feign client, an abstract class alone or a class without a stereotype', () => {
    const routes = routesOf({
      [`${JAVA}BillingClient.java`]:
        'package com.acme;\n@FeignClient("billing")\npublic interface BillingClient {\n  @GetMapping("/invoices") String invoices();\n}',
      [`${JAVA}Base.java`]:
        'package com.acme;\npublic abstract class Base {\n  @GetMapping("/base") public String base() { return ""; }\n}',
      [`${JAVA}Plain.java`]:
        'package com.acme;\npublic class Plain {\n  @GetMapping("/plain") public String plain() { return ""; }\n}',
    });
    expect(routes).toEqual([]);
  });

  it('resolves constants across classes, static imports and inherited interface constants', () => {
    const routes = routesOf({
      [`${JAVA}paths/Paths.java`]:
        'package com.acme.paths;\npublic interface Paths {\n  String API = "/api";\n  String USERS = API + "/users";\n}',
      [`${JAVA}paths/Versions.java`]:
        'package com.acme.paths;\npublic final class Versions {\n  public static final String V2 = "/v2";\n}',
      [`${JAVA}web/UserController.java`]: [
        'package com.acme.web;',
        'import com.acme.paths.Paths;',
        'import static com.acme.paths.Versions.V2;',
        '@RestController',
        'public class UserController implements Paths {',
        '    @GetMapping(USERS + V2)',
        '    public String list() { return ""; }',
        '    @GetMapping(Unknown.PATH)',
        '    public String other() { return ""; }',
        '}',
      ].join('\n'),
    });
    expect(routes).toEqual([
      'GET /api/users/v2 6 UserController.list spring-boot',
      'GET /{Unknown.PATH} 8 UserController.other spring-boot',
    ]);
  });

  it('prefixes the context path and servlet path of the default configuration and its active profile', () => {
    const controller =
      'package com.acme;\n@RestController\npublic class Ping {\n  @GetMapping("/ping") String ping() { return ""; }\n}';
    expect(
      routesOf({
        [`api/${JAVA}Ping.java`]: controller,
        'api/src/main/resources/application.properties':
          'server.servlet.context-path=${CONTEXT:/svc}\nspring.profiles.active=eu\n',
        'api/src/main/resources/application.yml':
          'spring:\n  mvc:\n    servlet:\n      path: /mvc\n---\nspring:\n  config:\n    activate:\n      on-profile: eu\nserver:\n  servlet:\n    context-path: /eu\n---\nspring.config.activate.on-profile: us\nserver.servlet.context-path: /us\n',
      }),
    ).toEqual(['GET /eu/mvc/ping 4 Ping.ping spring-boot']);
  });

  it('reads Kotlin controllers with const templates, array arguments and companion constants', () => {
    const routes = routesOf({
      'src/main/kotlin/com/acme/Items.kt': [
        'package com.acme',
        'const val API = "/api"',
        '',
        '@RestController',
        '@RequestMapping("$API/items")',
        'class ItemController {',
        '    companion object { const val ONE = "/{id}" }',
        '    @GetMapping(value = [ONE, "${API}/all"])',
        '    fun get(): String = ""',
        '    @DeleteMapping(ONE)',
        '    suspend fun delete() {}',
        '}',
      ].join('\n'),
    });
    expect(routes).toEqual([
      'GET /api/items/{id} 8 ItemController.get spring-boot',
      'GET /api/items/api/all 8 ItemController.get spring-boot',
      'DELETE /api/items/{id} 10 ItemController.delete spring-boot',
    ]);
  });

  it('keeps the routes of a diff fragment whose class is cut off, named by their method', () => {
    const fragment =
      '\n\n    @GetMapping("/{id}")\n    public Order get(long id) {\n        return null;\n    }\n}\n';
    expect(routesOf({ [`${JAVA}OrderController.java`]: fragment }, { complete: false })).toEqual([
      'GET /{id} 3 get spring-boot',
    ]);
    expect(routesOf({ [`${JAVA}OrderController.java`]: fragment })).toEqual([]);
  });
});

describe('JAX-RS and Micronaut routes', () => {
  it('joins @ApplicationPath, class and method @Path, and sub-resource locators', () => {
    const routes = routesOf(
      {
        [`${JAVA}RestApp.java`]:
          'package com.acme;\n@ApplicationPath("/api")\npublic class RestApp extends Application {}',
        [`${JAVA}Items.java`]: [
          'package com.acme;',
          '@Path("/items")',
          'public class Items {',
          '    @GET',
          '    public String list() { return ""; }',
          '    @POST @Path("{id}")',
          '    public String update() { return ""; }',
          '    @Path("{id}/parts")',
          '    public Parts parts() { return new Parts(); }',
          '}',
        ].join('\n'),
        [`${JAVA}Parts.java`]:
          'package com.acme;\npublic class Parts {\n    @GET @Path("{part}")\n    public String get() { return ""; }\n}',
      },
      { frameworks: ['quarkus'] },
    );
    expect(routes).toEqual([
      'GET /api/items 4 Items.list quarkus',
      'POST /api/items/{id} 6 Items.update quarkus',
      'GET /api/items/{id}/parts/{part} 3 Parts.get quarkus',
    ]);
  });

  it('reads Micronaut controllers under the configured context path, and not its declarative clients', () => {
    const routes = routesOf({
      [`${JAVA}PetController.java`]:
        'package com.acme;\n@Controller("/pets")\npublic class PetController {\n  @Get("/{id}") String show() { return ""; }\n  @Post String save() { return ""; }\n}',
      [`${JAVA}PetClient.java`]:
        'package com.acme;\n@Client("/pets")\npublic interface PetClient {\n  @Get("/{id}") String show();\n}',
      'src/main/resources/application.yml': 'micronaut:\n  server:\n    context-path: /svc\n',
    });
    expect(routes).toEqual([
      'GET /svc/pets/{id} 4 PetController.show micronaut',
      'POST /svc/pets 5 PetController.save micronaut',
    ]);
  });

  it('leaves the query and fragment of Micronaut URI templates out of the path, and JAX-RS and Spring templates whole', () => {
    const routes = routesOf({
      [`${JAVA}GitHubController.java`]: [
        'package com.acme;',
        '@Controller("/github")',
        'public class GitHubController {',
        '  @Get(uri = "/{type}/{name}{?features,lang,build}", produces = "text/html") String create() { return ""; }',
        '  @Get("{?code,state}") String callback() { return ""; }', // 5
        '  @Get("/list{?max}{&offset,sort}{#top}") String list() { return ""; }',
        '  @Get("/files/{+path}") String file() { return ""; }',
        '}',
      ].join('\n'),
      [`${JAVA}Codes.java`]:
        'package com.acme;\n@Path("/codes")\npublic class Codes {\n  @GET @Path("{code: [0-9]{2}}") public String get() { return ""; }\n}',
      [`${JAVA}Files.java`]:
        'package com.acme;\n@RestController\npublic class Files {\n  @GetMapping("/files/{*path}") public String get() { return ""; }\n}',
    });
    expect(routes).toEqual([
      'GET /github/{type}/{name} 4 GitHubController.create micronaut',
      'GET /github 5 GitHubController.callback micronaut',
      'GET /github/list 6 GitHubController.list micronaut',
      'GET /github/files/{+path} 7 GitHubController.file micronaut',
      'GET /codes/{code: [0-9]{2}} 4 Codes.get jax-rs',
      'GET /files/{*path} 4 Files.get spring-boot',
    ]);
  });
});
