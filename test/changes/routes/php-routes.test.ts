import { describe, expect, it } from 'vitest';
import { phpRouteFamily } from '../../../src/changes/routes/php/php-family.js';
import { routeTable } from './route-table.js';

const php = (...lines: string[]) => `<?php\n\n${lines.join('\n')}\n`;
const table = (files: Record<string, string>, complete = true) =>
  routeTable(phpRouteFamily, files, { complete });

describe('Laravel routes', () => {
  it('reads verbs, match, any, view and redirect with their handlers, and nothing on other receivers', async () => {
    const routes = await table({
      'routes/web.php': php(
        "Route::get('/users', [UserController::class, 'index']);",
        "Route::post('users', UserController::class)->name('users.store');",
        "Route::match(['get', 'post'], '/reports', 'ReportController@run');",
        "Route::any('hook', fn () => 'ok');",
        "Route::view('/welcome', 'welcome');",
        "Route::redirect('/here', '/there');",
        "$router->delete('sessions', [SessionController::class, 'destroy']);",
        "$request->get('/not-a-route');",
        "Http::get('/outgoing');",
        'Route::get("/u/{$id}", $handler);',
      ),
    });
    expect(routes).toEqual([
      'GET /users routes/web.php:3 UserController@index',
      'POST /users routes/web.php:4 UserController',
      'GET /reports routes/web.php:5 ReportController@run',
      'POST /reports routes/web.php:5 ReportController@run',
      'ANY /hook routes/web.php:6',
      'GET /welcome routes/web.php:7',
      'ANY /here routes/web.php:8',
      'DELETE /sessions routes/web.php:9 SessionController@destroy',
    ]);
  });

  it('prefixes routes with nested groups: prefix(), the options array, and a controller for bare actions', async () => {
    const routes = await table({
      'routes/web.php': php(
        "Route::prefix('admin')->middleware('auth')->group(function () {",
        "    Route::group(['prefix' => 'v2', 'middleware' => 'throttle'], static function (): void {",
        "        Route::get('stats', StatsController::class);",
        '    });',
        "    Route::controller(OrderController::class)->prefix('orders')->group(fn () => [",
        "        Route::get('/{order}', 'show'),",
        '    ]);',
        "    Route::middleware('signed')->prefix('files')->get('{file}', FileController::class);",
        '});',
        "Route::get('/outside', OutsideController::class);",
      ),
    });
    expect(routes).toEqual([
      'GET /admin/v2/stats routes/web.php:5 StatsController',
      'GET /admin/orders/{order} routes/web.php:8 OrderController@show',
      'GET /admin/files/{file} routes/web.php:10 FileController',
      'GET /outside routes/web.php:12 OutsideController',
    ]);
  });

  it('expands resources, API resources, nested and shallow resources, singletons and resources()', async () => {
    const routes = await table({
      'routes/web.php': php(
        "Route::resource('photos', PhotoController::class)->only(['index', 'show']);",
        "Route::apiResource('posts', PostController::class)->except(['destroy', 'update']);",
        "Route::resource('photos.comments', CommentController::class, ['only' => ['index', 'show']])->shallow();",
        "Route::singleton('profile', ProfileController::class)->destroyable();",
        "Route::resources(['tags' => TagController::class], ['only' => ['index']]);",
      ),
    });
    expect(routes).toEqual([
      'GET /photos routes/web.php:3 PhotoController@index',
      'GET /photos/{photo} routes/web.php:3 PhotoController@show',
      'GET /posts routes/web.php:4 PostController@index',
      'POST /posts routes/web.php:4 PostController@store',
      'GET /posts/{post} routes/web.php:4 PostController@show',
      'GET /photos/{photo}/comments routes/web.php:5 CommentController@index',
      'GET /comments/{comment} routes/web.php:5 CommentController@show',
      'GET /profile routes/web.php:6 ProfileController@show',
      'GET /profile/edit routes/web.php:6 ProfileController@edit',
      'PUT /profile routes/web.php:6 ProfileController@update',
      'PATCH /profile routes/web.php:6 ProfileController@update',
      'DELETE /profile routes/web.php:6 ProfileController@destroy',
      'GET /tags routes/web.php:7 TagController@index',
    ]);
  });

  it('puts routes/api.php under /api when no file of the side says how it is loaded', async () => {
    const routes = await table(
      { 'routes/api.php': php("Route::get('user', UserController::class);") },
      false,
    );
    expect(routes).toEqual(['GET /api/user routes/api.php:3 UserController']);
  });

  it("loads route files where bootstrap/app.php's withRouting says, under apiPrefix, with the health route", async () => {
    const routes = await table({
      'bootstrap/app.php': php(
        'return Application::configure(basePath: dirname(__DIR__))',
        '    ->withRouting(',
        "        web: __DIR__.'/../routes/web.php',",
        "        api: __DIR__.'/../routes/api.php',",
        "        apiPrefix: 'api/v1',",
        "        health: '/up',",
        '        then: function () {',
        "            Route::prefix('webhooks')->group(base_path('routes/webhooks.php'));",
        '        },',
        '    )->create();',
      ),
      'routes/web.php': php("Route::get('/', HomeController::class);", "require __DIR__.'/auth.php';"),
      'routes/auth.php': php("Route::post('login', LoginController::class);"),
      'routes/api.php': php("Route::get('user', UserController::class);"),
      'routes/webhooks.php': php("Route::post('stripe', StripeController::class);"),
    });
    expect(routes.sort()).toEqual([
      'GET / routes/web.php:3 HomeController',
      'GET /api/v1/user routes/api.php:3 UserController',
      'GET /up bootstrap/app.php:8',
      'POST /login routes/auth.php:3 LoginController',
      'POST /webhooks/stripe routes/webhooks.php:3 StripeController',
    ]);
  });

  it("loads route files where a RouteServiceProvider groups them, and a package's loadRoutesFrom", async () => {
    const routes = await table({
      'app/Providers/RouteServiceProvider.php': php(
        'class RouteServiceProvider extends ServiceProvider {',
        '    public function boot(): void {',
        '        $this->routes(function () {',
        "            Route::prefix('api/v2')->middleware('api')->group(base_path('routes/api.php'));",
        "            Route::middleware('web')->group(base_path('routes/web.php'));",
        "            Route::group(['prefix' => 'admin'], function () {",
        "                require base_path('routes/admin.php');",
        '            });',
        '        });',
        "        $this->loadRoutesFrom(__DIR__.'/../../routes/billing.php');",
        '    }',
        '}',
      ),
      'routes/api.php': php("Route::get('user', UserController::class);"),
      'routes/web.php': php("Route::get('/', HomeController::class);"),
      'routes/admin.php': php("Route::get('users', AdminUserController::class);"),
      'routes/billing.php': php("Route::get('invoices', InvoiceController::class);"),
    });
    expect(routes.sort()).toEqual([
      'GET / routes/web.php:3 HomeController',
      'GET /admin/users routes/admin.php:3 AdminUserController',
      'GET /api/v2/user routes/api.php:3 UserController',
      'GET /invoices routes/billing.php:3 InvoiceController',
    ]);
  });
});

describe('Symfony routes', () => {
  it("puts a method's #[Route] under its class's, serving the methods it lists or any", async () => {
    const routes = await table({
      'src/Controller/UserController.php': php(
        "#[Route('/api/users', name: 'users_')]",
        'class UserController extends AbstractController {',
        "    #[Route('/{id}', name: 'show', methods: ['GET'])]",
        '    public function show(int $id): Response {}',
        "    #[Route(path: '/export', name: 'export')]",
        '    public function export(): Response {}',
        '}',
      ),
    });
    expect(routes).toEqual([
      'GET /api/users/{id} src/Controller/UserController.php:5 UserController::show',
      'ANY /api/users/export src/Controller/UserController.php:7 UserController::export',
    ]);
  });

  it('serves a path without its inline requirements and defaults', async () => {
    const routes = await table({
      'src/Controller/PostController.php': php(
        "#[Route('/posts/{section<[a-z]+>}')]",
        'class PostController {',
        "    #[Route('/page/{page<[1-9]\\d{0,8}>?1}', methods: ['GET'])]",
        '    public function index(int $page): Response {}',
        '}',
      ),
    });
    expect(routes).toEqual([
      'GET /posts/{section}/page/{page} src/Controller/PostController.php:5 PostController::index',
    ]);
  });

  it('routes an invokable controller by its class attribute, and only when no method has a route', async () => {
    const routes = await table({
      'src/Controller/HealthController.php': php(
        "#[Route('/health', methods: ['GET'])]",
        'final class HealthController {',
        '    public function __invoke(): Response {}',
        '}',
        "#[Route('/plain')]",
        'final class PlainController {',
        '    public function show(): Response {}',
        '}',
        "#[Route('/mixed')]",
        'final class MixedController {',
        "    #[Route('/one')]",
        '    public function __invoke(): Response {}',
        '}',
      ),
    });
    expect(routes).toEqual([
      'ANY /mixed/one src/Controller/HealthController.php:13 MixedController::__invoke',
      'GET /health src/Controller/HealthController.php:3 HealthController::__invoke',
    ]);
  });

  it('imports attribute routes under the prefixes the YAML configuration gives, and reads its own routes', async () => {
    const routes = await table({
      'config/routes.yaml': [
        'homepage:',
        '    path: /',
        '    controller: App\\Controller\\HomeController::index',
        '    methods: GET|HEAD',
        'controllers:',
        '    resource: routing.controllers',
        '    prefix: /{_locale}',
        'api:',
        '    resource: api/routes.yaml',
        '    prefix: /api',
        'when@dev:',
        '    _errors:',
        '        path: /_error',
      ].join('\n'),
      'config/api/routes.yaml': [
        'status:',
        '    path: /status',
        '    controller: App\\Api\\StatusController',
        'v1:',
        '    resource: ../../src/Api/',
        '    type: attribute',
        '    prefix: /v1',
        '    name_prefix: api_v1_',
      ].join('\n'),
      'config/routes/admin.yml': [
        'status:',
        '    path: /admin/status',
        'admin:',
        '    resource: ../../src/Admin/',
        '    type: attribute',
        "    prefix: '/admin'",
      ].join('\n'),
      'src/Api/OrderApi.php': php(
        "#[Route('/orders', methods: ['GET'])]",
        'class OrderApi { public function __invoke() {} }',
      ),
      'src/Admin/Panel.php': php(
        'class Panel {',
        "    #[Route('/panel')]",
        '    public function show() {}',
        '}',
      ),
      'src/Controller/PageController.php': php(
        'class PageController {',
        "    #[Route('/about')]",
        '    public function about() {}',
        '}',
      ),
    });
    // config/routes/*.yaml load before config/routes.yaml: a route or import named again there replaces
    // the earlier one (`status`, and the admin controllers under the same empty name prefix).
    expect(routes.sort()).toEqual([
      'ANY /api/status config/api/routes.yaml:1 StatusController',
      'ANY /{_locale}/about src/Controller/PageController.php:4 PageController::about',
      'ANY /{_locale}/panel src/Admin/Panel.php:4 Panel::show',
      'GET / config/routes.yaml:1 HomeController::index',
      'GET /api/v1/orders src/Api/OrderApi.php:3 OrderApi::__invoke',
      'GET /{_locale}/orders src/Api/OrderApi.php:3 OrderApi::__invoke',
      'HEAD / config/routes.yaml:1 HomeController::index',
    ]);
  });
});
