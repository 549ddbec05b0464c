import { beforeAll, describe, expect, it } from 'vitest';
import { pythonRouteFamily } from '../../src/changes/routes/python/python-family.js';
import type { PythonFacts } from '../../src/changes/routes/python/python-facts.js';
import { loadGrammars } from '../../src/code/syntax/load-grammars.js';
import { withParsedSource } from '../../src/code/syntax/parse-source.js';

/** The route table the Python family links from these files, one `METHOD path file:line` line per route. */
function routesOf(files: Record<string, string>, frameworks: string[] = []): string[] {
  const facts = new Map<string, PythonFacts>();
  for (const [path, text] of Object.entries(files)) {
    if (!pythonRouteFamily.mayDeclareRoutes(text)) continue;
    const read = withParsedSource(text, 'python', (root) => pythonRouteFamily.readFacts(root, path));
    if (read) facts.set(path, read);
  }
  const table = pythonRouteFamily.link({
    files: facts,
    frameworks,
    project: '.',
    read: (path) => files[path],
    exists: (path) => path in files,
    complete: true,
  });
  return table.map((route) => `${route.method} ${route.path} ${route.file}:${route.line}`).sort();
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('Python routes', () => {
  beforeAll(() => loadGrammars(['python']));

  it('reads Flask decorators with their methods, and leaves decorators that are not routes alone', () => {
    const app = lines(
      'from unittest import mock',
      'from flask import Blueprint',
      '',
      'bp = Blueprint("shop", __name__, url_prefix="/shop")',
      '',
      '@bp.route("/cart", methods=["GET", "POST"])',
      'def cart():',
      '    return ""',
      '',
      '@bp.get("/items/<int:id>")',
      'def item(id):',
      '    return ""',
      '',
      '@bp.route("/about")',
      'def about():',
      '    return ""',
      '',
      '@mock.patch("shop.views.send")',
      'def test_send(send):',
      '    pass',
    );
    expect(routesOf({ 'shop/views.py': app })).toEqual([
      'GET /shop/about shop/views.py:14',
      'GET /shop/cart shop/views.py:6',
      'GET /shop/items/<int:id> shop/views.py:10',
      'POST /shop/cart shop/views.py:6',
    ]);
  });

  it('composes FastAPI prefixes across modules: include_router prefixes, router prefixes and a settings constant', () => {
    const files = {
      'app/core/config.py': lines(
        'class Settings:',
        '    API_V1_STR: str = "/api/v1"',
        '',
        'settings = Settings()',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api.main import api_router',
        'from app.core.config import settings',
        '',
        'app = FastAPI()',
        'app.include_router(api_router, prefix=settings.API_V1_STR)',
      ),
      'app/api/main.py': lines(
        'from fastapi import APIRouter',
        'from app.api.routes import users',
        '',
        'api_router = APIRouter()',
        'api_router.include_router(users.router, prefix="/users")',
      ),
      'app/api/routes/__init__.py': '',
      'app/api/routes/users.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter(prefix="/admin")',
        '',
        '@router.delete("/{user_id}")',
        'def delete_user(user_id: int):',
        '    return None',
        '',
        'router.add_api_route("/{user_id}/avatar", upload, methods=["PUT"])',
        '',
        '@router.websocket("/events")',
        'async def events(socket):',
        '    pass',
      ),
    };
    expect(routesOf(files)).toEqual([
      'DELETE /api/v1/users/admin/{user_id} app/api/routes/users.py:5',
      'PUT /api/v1/users/admin/{user_id}/avatar app/api/routes/users.py:9',
      'WEBSOCKET /api/v1/users/admin/events app/api/routes/users.py:11',
    ]);
  });

  it('reads Django patterns under include() chains, and ignores calls that only look like patterns', () => {
    const files = {
      'mysite/urls.py': lines(
        'from django.urls import include, path',
        '',
        'urlpatterns = [',
        '    path("api/", include("shop.urls")),',
        ']',
      ),
      'shop/urls.py': lines(
        'import os',
        'from django.urls import path, re_path',
        'from . import views',
        '',
        'TEMPLATE = os.path.join("templates", "shop")',
        '',
        'urlpatterns = [',
        '    path("products/", views.products),',
        '    re_path(r"^products/(?P<pk>[0-9]+)/$", views.product),',
        ']',
        'urlpatterns += [path("cart/", views.cart)]',
      ),
    };
    expect(routesOf(files)).toEqual([
      'ANY /api/cart/ shop/urls.py:11',
      'ANY /api/products/ shop/urls.py:8',
      'ANY /api/products/(?P<pk>[0-9]+)/ shop/urls.py:9',
    ]);
  });

  it('serves REST framework viewsets with the methods of their actions, under a project router class', () => {
    const files = {
      'api/routers.py': lines(
        'from rest_framework.routers import DefaultRouter',
        '',
        'class ApiRouter(DefaultRouter):',
        '    pass',
      ),
      'api/views.py': lines(
        'from rest_framework import mixins, viewsets',
        'from rest_framework.decorators import action',
        'from thirdparty import MagicViewSet',
        '',
        'class UserViewSet(viewsets.ModelViewSet):',
        '    lookup_field = "username"',
        '',
        '    @action(detail=True, methods=["post"], url_path="set-password")',
        '    def set_password(self, request, username=None):',
        '        pass',
        '',
        'class TagViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):',
        '    pass',
        '',
        'class MagicThingViewSet(MagicViewSet):',
        '    pass',
      ),
      'api/urls.py': lines(
        'from django.contrib import admin',
        'from django.urls import include, path',
        'from api import views',
        'from api.routers import ApiRouter',
        '',
        'router = ApiRouter()',
        'router.register(r"users", views.UserViewSet)',
        'router.register(r"tags", views.TagViewSet)',
        'router.register(r"magic", views.MagicThingViewSet)',
        'admin.site.register(views.UserViewSet)',
        '',
        'urlpatterns = [path("v1/", include(router.urls))]',
      ),
    };
    expect(routesOf(files, ['django'])).toEqual([
      'ANY /v1/magic/ api/urls.py:9',
      'ANY /v1/magic/{pk}/ api/urls.py:9',
      'DELETE /v1/users/{username}/ api/urls.py:7',
      'GET /v1/tags/ api/urls.py:8',
      'GET /v1/users/ api/urls.py:7',
      'GET /v1/users/{username}/ api/urls.py:7',
      'PATCH /v1/users/{username}/ api/urls.py:7',
      'POST /v1/users/ api/urls.py:7',
      'POST /v1/users/{username}/set-password/ api/urls.py:7',
      'PUT /v1/users/{username}/ api/urls.py:7',
    ]);
  });

  it('serves a REST framework router spread into a pattern list (`*router.urls`) at that list’s prefix', () => {
    const files = {
      'paper/views.py': lines(
        'from rest_framework import viewsets',
        'from rest_framework.decorators import action',
        '',
        'class TaskViewSet(viewsets.ReadOnlyModelViewSet):',
        '    @action(methods=["get"], detail=False)',
        '    def status_counts(self, request):',
        '        pass',
        '',
        'class LogViewSet(viewsets.ReadOnlyModelViewSet):',
        '    pass',
      ),
      'paper/urls.py': lines(
        'from django.urls import include, path, re_path',
        'from rest_framework.routers import DefaultRouter',
        'from paper.views import LogViewSet, TaskViewSet, status',
        '',
        'api_router = DefaultRouter()', // 5
        'api_router.register(r"tasks", TaskViewSet)',
        'log_router = DefaultRouter()',
        'log_router.register(r"logs", LogViewSet)',
        'print(*log_router.urls)',
        '', // 10
        'urlpatterns = [',
        '    re_path(',
        '        r"^api/",',
        '        include([path("status/", status), *api_router.urls]),',
        '    ),', // 15
        ']',
      ),
    };
    expect(routesOf(files)).toEqual([
      'ANY /api/status/ paper/urls.py:14',
      'GET /api/tasks/ paper/urls.py:6',
      'GET /api/tasks/status_counts/ paper/urls.py:6',
      'GET /api/tasks/{pk}/ paper/urls.py:6',
      // Spread into a call's arguments, not into a pattern list: mounted nowhere, served at its own paths.
      'GET /logs/ paper/urls.py:8',
      'GET /logs/{pk}/ paper/urls.py:8',
    ]);
  });

  it('serves class-based views with the methods they define, and any method when a base cannot be told', () => {
    const files = {
      'blog/views.py': lines(
        'from django.contrib.auth.mixins import LoginRequiredMixin',
        'from django.views import View',
        'from django.views.generic import ListView',
        'from vendor.views import FancyView',
        '',
        'class PostView(LoginRequiredMixin, View):',
        '    def get(self, request):',
        '        pass',
        '',
        '    def post(self, request):',
        '        pass',
        '',
        'class PostList(ListView):',
        '    pass',
        '',
        'class Fancy(FancyView):',
        '    def get(self, request):',
        '        pass',
      ),
      'blog/urls.py': lines(
        'from django.urls import path',
        'from blog.views import Fancy, PostList, PostView',
        '',
        'urlpatterns = [',
        '    path("posts/<int:pk>/", PostView.as_view()),',
        '    path("posts/", PostList.as_view()),',
        '    path("fancy/", Fancy.as_view()),',
        ']',
      ),
    };
    expect(routesOf(files)).toEqual([
      'ANY /fancy/ blog/urls.py:7',
      'GET /posts/ blog/urls.py:6',
      'GET /posts/<int:pk>/ blog/urls.py:5',
      'POST /posts/<int:pk>/ blog/urls.py:5',
    ]);
  });

  it('replaces a blueprint’s own prefix with the one it is registered under, and nests blueprints', () => {
    const files = {
      'app/__init__.py': lines(
        'from flask import Flask',
        'from app.api import api',
        '',
        'def create_app():',
        '    app = Flask(__name__)',
        '    app.register_blueprint(api, url_prefix="/api/v2")',
        '    return app',
      ),
      'app/api/__init__.py': lines(
        'from flask import Blueprint',
        'from app.api.orders import orders',
        '',
        'api = Blueprint("api", __name__, url_prefix="/api/v1")',
        'api.register_blueprint(orders)',
      ),
      'app/api/orders.py': lines(
        'from flask import Blueprint',
        '',
        'orders = Blueprint("orders", __name__, url_prefix="/orders")',
        '',
        '@orders.post("/<int:id>/refunds")',
        'def refund(id):',
        '    return ""',
      ),
    };
    expect(routesOf(files)).toEqual(['POST /api/v2/orders/<int:id>/refunds app/api/orders.py:5']);
  });

  it('reads flask-restful resources added to an Api initialised on a blueprint, with the methods each defines', () => {
    const files = {
      'app/api.py': lines(
        'from flask import Blueprint',
        'from flask_restful import Api, Resource',
        'from aiohttp import web',
        '',
        'bp = Blueprint("api", __name__, url_prefix="/api")',
        'api = Api(prefix="/v1")',
        '',
        'class Todo(Resource):',
        '    def get(self, todo_id):',
        '        return {}',
        '',
        '    def put(self, todo_id):',
        '        return {}',
        '',
        'api.add_resource(Todo, "/todos/<int:todo_id>", "/t/<int:todo_id>")',
        'api.init_app(bp)',
        'web.Application().router.add_resource("/aiohttp")',
      ),
    };
    expect(routesOf(files)).toEqual([
      'GET /api/v1/t/<int:todo_id> app/api.py:15',
      'GET /api/v1/todos/<int:todo_id> app/api.py:15',
      'PUT /api/v1/t/<int:todo_id> app/api.py:15',
      'PUT /api/v1/todos/<int:todo_id> app/api.py:15',
    ]);
  });
});
