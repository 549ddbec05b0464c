import { describe, expect, it } from 'vitest';
import { phoenixRouteFamily } from '../../../src/changes/routes/elixir/phoenix-family.js';
import { routeTable } from './route-table.js';

const router = (module: string, ...lines: string[]) =>
  [`defmodule ${module} do`, '  use ShopWeb, :router', '', ...lines, 'end', ''].join('\n');
const table = (files: Record<string, string>, complete = true) =>
  routeTable(phoenixRouteFamily, files, { complete });

describe('Phoenix routes', () => {
  it('reads verbs, match, live and forward under scope paths and aliases, and nothing on other receivers', async () => {
    const routes = await table({
      'lib/shop_web/router.ex': router(
        'ShopWeb.Router',
        '  scope "/", ShopWeb do',
        '    get "/", PageController, :home',
        '    match :*, "/any", PageController, :any',
        '    match [:get, :post], "/both", PageController, :both',
        '    live "/live/:id", ItemLive.Show, :show',
        '    forward "/jobs", JobsPlug',
        '    Req.get("/outgoing")',
        '    scope "/api/v1", API.V1, as: :v1 do',
        '      post "/orders", OrderController, :create',
        '    end',
        '    scope path: "/admin", alias: Admin do',
        '      delete("/cache", CacheController, :clear)',
        '    end',
        '    scope "/plain", alias: false do',
        '      get "/x", Plain.Controller, :x',
        '    end',
        '  end',
        '  get "/health", ShopWeb.HealthController, :show',
      ),
    });
    expect(routes).toEqual([
      'GET / lib/shop_web/router.ex:5 ShopWeb.PageController.home',
      'ANY /any lib/shop_web/router.ex:6 ShopWeb.PageController.any',
      'GET /both lib/shop_web/router.ex:7 ShopWeb.PageController.both',
      'POST /both lib/shop_web/router.ex:7 ShopWeb.PageController.both',
      'GET /live/:id lib/shop_web/router.ex:8 ShopWeb.ItemLive.Show.show',
      'ANY /jobs lib/shop_web/router.ex:9 ShopWeb.JobsPlug',
      'POST /api/v1/orders lib/shop_web/router.ex:12 ShopWeb.API.V1.OrderController.create',
      'DELETE /admin/cache lib/shop_web/router.ex:15 ShopWeb.Admin.CacheController.clear',
      'GET /plain/x lib/shop_web/router.ex:18 Plain.Controller.x',
      'GET /health lib/shop_web/router.ex:21 ShopWeb.HealthController.show',
    ]);
  });

  it('expands resources with only/except, param, singleton and nesting', async () => {
    const routes = await table({
      'lib/shop_web/router.ex': router(
        'ShopWeb.Router',
        '  scope "/api", ShopWeb do',
        '    resources "/users", UserController, only: [:index, :show] do',
        '      resources "/posts", PostController, except: ~w(new edit update delete)a',
        '      resources "/avatar", AvatarController, singleton: true, only: [:show, :delete]',
        '    end',
        '    resources "/tags", TagController, param: "slug", only: [:show] do',
        '      get "/count", TagController, :count',
        '    end',
        '  end',
      ),
    });
    expect(routes).toEqual([
      'GET /api/users lib/shop_web/router.ex:5 ShopWeb.UserController.index',
      'GET /api/users/:id lib/shop_web/router.ex:5 ShopWeb.UserController.show',
      'GET /api/users/:user_id/posts lib/shop_web/router.ex:6 ShopWeb.PostController.index',
      'GET /api/users/:user_id/posts/:id lib/shop_web/router.ex:6 ShopWeb.PostController.show',
      'POST /api/users/:user_id/posts lib/shop_web/router.ex:6 ShopWeb.PostController.create',
      'GET /api/users/:user_id/avatar lib/shop_web/router.ex:7 ShopWeb.AvatarController.show',
      'DELETE /api/users/:user_id/avatar lib/shop_web/router.ex:7 ShopWeb.AvatarController.delete',
      'GET /api/tags/:slug lib/shop_web/router.ex:9 ShopWeb.TagController.show',
      'GET /api/tags/:tag_slug/count lib/shop_web/router.ex:10 ShopWeb.TagController.count',
    ]);
  });

  it('draws `for` comprehensions over prefixes and interpolated paths, routes under `if`, live sessions and the live dashboard', async () => {
    const routes = await table({
      'lib/hub_web/router.ex': router(
        'HubWeb.Router',
        '  import Phoenix.LiveDashboard.Router',
        '  scope "/api", HubWeb.API do',
        '    for prefix <- ["/", "/repos/:repository"] do',
        '      scope prefix do',
        '        get "/packages", PackageController, :index',
        '      end',
        '    end',
        '  end',
        '  scope "/", HubWeb do',
        '    for page <- ~w(popular archive)a do',
        '      get "/:slug/#{page}", PodcastController, page',
        '    end',
        '    get "/:slug/#{computed()}", PodcastController, :computed',
        '  end',
        '  if Mix.env() == :dev do',
        '    scope "/" do',
        '      live_session :admin, on_mount: Admin do',
        '        live_dashboard("/db", metrics: HubWeb.Telemetry)',
        '      end',
        '    end',
        '  end',
      ),
    });
    expect(routes).toEqual([
      'GET /api/packages lib/hub_web/router.ex:8 HubWeb.API.PackageController.index',
      'GET /api/repos/:repository/packages lib/hub_web/router.ex:8 HubWeb.API.PackageController.index',
      'GET /:slug/popular lib/hub_web/router.ex:14 HubWeb.PodcastController.popular',
      'GET /:slug/archive lib/hub_web/router.ex:14 HubWeb.PodcastController.archive',
      'GET /db lib/hub_web/router.ex:21 Phoenix.LiveDashboard.PageLive',
      'GET /db/:page lib/hub_web/router.ex:21 Phoenix.LiveDashboard.PageLive',
      'GET /db/:node/:page lib/hub_web/router.ex:21 Phoenix.LiveDashboard.PageLive',
    ]);
  });

  it('draws a router of the project under the path another forwards to, and not from the top', async () => {
    const routes = await table({
      'lib/shop_web/router.ex': router(
        'ShopWeb.Router',
        '  scope "/", ShopWeb do',
        '    forward "/api", APIRouter',
        '  end',
      ),
      'lib/shop_web/api_router.ex': router(
        'ShopWeb.APIRouter',
        '  get "/orders", ShopWeb.OrderController, :index',
      ),
    });
    expect(routes).toEqual(['GET /api/orders lib/shop_web/api_router.ex:4 ShopWeb.OrderController.index']);
  });

  it('reads no routes from modules that are not routers, unless the side is a fragment of a diff', async () => {
    const plug = [
      'defmodule Shop.Hooks do',
      '  use Plug.Router',
      '  get "/hook" do',
      '    send_resp(conn, 200, "ok")',
      '  end',
      'end',
    ].join('\n');
    const fragment = [
      '  scope "/api", ShopWeb do',
      '    get "/status", StatusController, :show',
      '  end',
    ].join('\n');
    expect(await table({ 'lib/shop/hooks.ex': plug, 'lib/shop_web/router.ex': fragment })).toEqual([]);
    expect(await table({ 'lib/shop_web/router.ex': fragment }, false)).toEqual([
      'GET /api/status lib/shop_web/router.ex:2 ShopWeb.StatusController.show',
    ]);
  });

  it('finds the routers a router forwards to by their module, and the routers that forward to a file by its name', () => {
    expect(phoenixRouteFamily.mounterHints('lib/shop_web/api_router.ex')).toEqual(['ApiRouter', 'APIRouter']);
    const facts = { modules: ['ShopWeb.JSONAPIRouter'], router: true, calls: [] };
    expect(phoenixRouteFamily.mounterHints('lib/shop_web/api_router.ex', facts)).toEqual(['JSONAPIRouter']);
    expect(phoenixRouteFamily.mayDeclareRoutes('defmodule A do\n  def live?, do: true\nend')).toBe(false);
  });
});
