import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammars } from '../../../src/code/syntax/load-grammars.js';
import { withParsedSource } from '../../../src/code/syntax/parse-source.js';
import type { DotnetFacts } from '../../../src/changes/routes/dotnet/dotnet-facts.js';
import { dotnetRouteFamily } from '../../../src/changes/routes/dotnet/dotnet-family.js';

/** The route table of a small project side, one `METHOD path line handler` line per route. */
function routesOf(files: Record<string, string>, options: { complete?: boolean } = {}): string[] {
  const facts = new Map<string, DotnetFacts>();
  for (const [path, text] of Object.entries(files)) {
    const read = withParsedSource(text, 'csharp', (root) => dotnetRouteFamily.readFacts(root, path));
    if (read) facts.set(path, read);
  }
  return dotnetRouteFamily
    .link({
      files: facts,
      frameworks: ['aspnetcore'],
      project: '.',
      read: (path) => files[path],
      exists: (path) => path in files,
      complete: options.complete ?? true,
    })
    .map((route) => `${route.method} ${route.path} ${route.line} ${route.handler ?? '-'}`);
}

beforeAll(async () => {
  await loadGrammars(['csharp']);
});

describe('ASP.NET Core controllers', () => {
  it('joins class and action templates with [controller], [action] and [area], on the verb attribute line', () => {
    const routes = routesOf({
      'Api/Controllers/OrdersController.cs': [
        'namespace Api.Controllers;',
        '[ApiController]',
        '[Area("admin")]',
        '[Route("[area]/api/[controller]")]',
        'public class OrdersController : ControllerBase',
        '{',
        '    [HttpGet]',
        '    public IActionResult List() => Ok();',
        '    [HttpGet("{id:int}", Name = "GetOrder")]',
        '    public IActionResult Get(int id) => Ok();',
        '    [HttpPost("~/orders/import")]',
        '    public IActionResult Import() => Ok();',
        '    [AcceptVerbs("PUT", "PATCH", Route = "[action]/{id}")]',
        '    public Task<IActionResult> UpdateAsync(int id) => null;',
        '    [HttpDelete, Route("{id}")]',
        '    public IActionResult Delete(int id) => Ok();',
        '    public void Helper() {}',
        '    [NonAction, HttpGet("hidden")]',
        '    public void Hidden() {}',
        '}',
      ].join('\n'),
    });
    expect(routes).toEqual([
      'GET /admin/api/Orders 7 OrdersController.List',
      'GET /admin/api/Orders/{id:int} 9 OrdersController.Get',
      'POST /orders/import 11 OrdersController.Import',
      'PUT /admin/api/Orders/Update/{id} 13 OrdersController.UpdateAsync',
      'PATCH /admin/api/Orders/Update/{id} 13 OrdersController.UpdateAsync',
      'DELETE /admin/api/Orders/{id} 15 OrdersController.Delete',
    ]);
  });

  it('inherits the route template and the actions of a base controller in another file', () => {
    const routes = routesOf({
      'Api/Controllers/BaseApiController.cs':
        '[ApiController]\n[Route("api/[controller]")]\npublic class BaseApiController : ControllerBase\n{\n}',
      'Api/Controllers/CrudController.cs':
        'public abstract class CrudController : BaseApiController\n{\n    [HttpGet("{id}")]\n    public IActionResult Get(int id) => Ok();\n}',
      'Api/Controllers/ServerController.cs':
        'public class ServerController : CrudController\n{\n    [HttpPost(Routes.Cleanup)]\n    public IActionResult Cleanup() => Ok();\n}',
      'Api/Routes.cs': 'public static class Routes\n{\n    public const string Cleanup = "clean" + "up";\n}',
    });
    expect(routes).toEqual([
      'POST /api/Server/cleanup 3 ServerController.Cleanup',
      'GET /api/Server/{id} 3 ServerController.Get',
    ]);
  });

  it('serves no route from abstract classes, non-controllers or actions without attribute routes and no convention', () => {
    const routes = routesOf({
      'Api/Base.cs':
        '[Route("api/base")]\npublic abstract class BaseController : ControllerBase\n{\n    [HttpGet] public IActionResult Get() => Ok();\n}',
      'Api/Service.cs': 'public class OrderService\n{\n    [HttpGet("x")] public void Get() {}\n}',
      'Api/HomeController.cs':
        'public class HomeController : Controller\n{\n    public IActionResult Index() => View();\n}',
    });
    expect(routes).toEqual([]);
  });

  it('routes conventional controllers by the pattern the project maps', () => {
    const routes = routesOf({
      'Web/Program.cs':
        'var app = builder.Build();\napp.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");\napp.Run();',
      'Web/Controllers/HomeController.cs':
        'public class HomeController : Controller\n{\n    public IActionResult Index() => View();\n    [HttpPost]\n    public IActionResult Save() => View();\n}',
    });
    expect(routes).toEqual([
      'ANY /Home/Index/{id?} 3 HomeController.Index',
      'POST /Home/Save/{id?} 4 HomeController.Save',
    ]);
  });

  it('keeps the actions of a diff fragment whose class is cut off, named by their method', () => {
    const fragment = '\n\n    [HttpGet("{id:int}")]\n    public IActionResult Get(int id) => Ok();\n}\n';
    expect(routesOf({ 'Api/ProductsController.cs': fragment }, { complete: false })).toEqual([
      'GET /{id:int} 3 Get',
    ]);
    expect(routesOf({ 'Api/ProductsController.cs': fragment })).toEqual([]);
  });
});

describe('ASP.NET Core minimal APIs', () => {
  it('joins nested MapGroup prefixes, MapMethods and constants, under a literal UsePathBase', () => {
    const routes = routesOf({
      'Api/Program.cs': [
        'var app = builder.Build();',
        'app.UsePathBase("/shop");',
        'var api = app.MapGroup("/api").RequireAuthorization();',
        'var todos = api.MapGroup(Paths.Todos);',
        'todos.MapGet("/", GetAll);',
        'todos.MapGet("/{id}", (int id) => id).WithName("GetTodo");',
        'app.MapMethods("/ping", new[] { "GET", "HEAD" }, () => "pong");',
        'app.MapGroup("/v2").MapGroup("/items").MapDelete("{id}", Items.Delete);',
      ].join('\n'),
      'Api/Paths.cs': 'public static class Paths\n{\n    public const string Todos = "/todos";\n}',
    });
    expect(routes).toEqual([
      'GET /shop/api/todos 5 GetAll',
      'GET /shop/api/todos/{id} 6 -',
      'GET /shop/ping 7 -',
      'HEAD /shop/ping 7 -',
      'DELETE /shop/v2/items/{id} 8 Items.Delete',
    ]);
  });

  it('follows groups into extension and static methods of other files, and skips pattern-forwarding wrappers', () => {
    const routes = routesOf({
      'Api/Program.cs': [
        'var app = builder.Build();',
        'app.MapGroup("/api/users").MapUserEndpoints();',
        'var orders = app.MapGroup("/api/orders");',
        'OrderEndpoints.Map(orders);',
      ].join('\n'),
      'Api/Endpoints/UserEndpoints.cs': [
        'public static class UserEndpoints',
        '{',
        '    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)',
        '    {',
        '        group.MapGet("/{id}", GetUser);',
        '        group.MapGroup("/{id}/roles").MapPost("/", AddRole);',
        '        return group;',
        '    }',
        '}',
      ].join('\n'),
      'Api/Endpoints/OrderEndpoints.cs': [
        'public static class OrderEndpoints',
        '{',
        '    public static void Map(RouteGroupBuilder orders)',
        '    {',
        '        orders.MapPut(Update, "{id}");',
        '    }',
        '    public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder builder, Delegate handler, string pattern = "")',
        '    {',
        '        return builder.MapGet(pattern, handler);',
        '    }',
        '}',
      ].join('\n'),
    });
    expect(routes).toEqual([
      'GET /api/users/{id} 5 GetUser',
      'POST /api/users/{id}/roles 6 AddRole',
      'PUT /api/orders/{id} 5 Update',
    ]);
  });

  it('names groups made by reflection for each endpoint-group class after the class (static Map invoked)', () => {
    const routes = routesOf({
      'Web/Infrastructure/WebApplicationExtensions.cs': [
        'public static class WebApplicationExtensions',
        '{',
        '    public static WebApplication MapEndpoints(this WebApplication app, Assembly assembly)',
        '    {',
        '        foreach (var type in assembly.GetExportedTypes().Where(t => t.IsAssignableTo(typeof(IEndpointGroup))))',
        '        {',
        '            var groupName = type.Name;',
        '            var routePrefix = type.GetProperty("RoutePrefix")?.GetValue(null) as string ?? $"/api/{groupName}";',
        '            var group = app.MapGroup(routePrefix).WithTags(groupName);',
        '            type.GetMethod(nameof(IEndpointGroup.Map))!.Invoke(null, [group]);',
        '        }',
        '        return app;',
        '    }',
        '}',
      ].join('\n'),
      'Web/Endpoints/TodoItems.cs': [
        'public class TodoItems : IEndpointGroup',
        '{',
        '    public static void Map(RouteGroupBuilder groupBuilder)',
        '    {',
        '        groupBuilder.MapGet(GetTodoItems);',
        '        groupBuilder.MapPut(UpdateTodoItem, "{id}");',
        '    }',
        '}',
      ].join('\n'),
      'Web/Endpoints/TodoLists.cs':
        'public class TodoLists : IEndpointGroup\n{\n    public static void Map(RouteGroupBuilder groupBuilder)\n    {\n        groupBuilder.MapGet(GetTodoLists);\n    }\n}',
    });
    expect(routes).toEqual([
      'GET /api/TodoItems 5 GetTodoItems',
      'PUT /api/TodoItems/{id} 6 UpdateTodoItem',
      'GET /api/TodoLists 5 GetTodoLists',
    ]);
  });

  it('follows a group made by a project MapGroup overload and handed to each instance Map override', () => {
    const routes = routesOf({
      'Web/Infrastructure/WebApplicationExtensions.cs': [
        'public static class WebApplicationExtensions',
        '{',
        '    private static RouteGroupBuilder MapGroup(this WebApplication app, EndpointGroupBase group)',
        '    {',
        '        var groupName = group.GroupName ?? group.GetType().Name;',
        '        return app.MapGroup($"/api/{groupName}").WithTags(groupName);',
        '    }',
        '    public static WebApplication MapEndpoints(this WebApplication app)',
        '    {',
        '        foreach (var type in Assembly.GetExecutingAssembly().GetExportedTypes())',
        '            if (Activator.CreateInstance(type) is EndpointGroupBase instance)',
        '                instance.Map(app.MapGroup(instance));',
        '        return app;',
        '    }',
        '}',
      ].join('\n'),
      'Web/Endpoints/TodoItems.cs': [
        'public class TodoItems : EndpointGroupBase',
        '{',
        '    public override void Map(RouteGroupBuilder groupBuilder)',
        '    {',
        '        groupBuilder.MapGet(GetTodoItems).RequireAuthorization();',
        '        groupBuilder.MapDelete(DeleteTodoItem, "{id}");',
        '    }',
        '}',
      ].join('\n'),
    });
    expect(routes).toEqual([
      'GET /api/TodoItems 5 GetTodoItems',
      'DELETE /api/TodoItems/{id} 6 DeleteTodoItem',
    ]);
  });
});
