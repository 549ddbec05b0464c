import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammars } from '../../../src/code/syntax/load-grammars.js';
import { withParsedSource } from '../../../src/code/syntax/parse-source.js';
import { goRouteFamily } from '../../../src/changes/routes/go/go-family.js';
import type { GoFacts } from '../../../src/changes/routes/go/go-facts.js';

beforeAll(() => loadGrammars(['go']));

/** The route table of a few Go files, as `METHOD path framework line`. */
function routesOf(files: Record<string, string>, frameworks: string[] = []): string[] {
  const facts = new Map<string, GoFacts>();
  for (const [path, text] of Object.entries(files)) {
    const read = withParsedSource(text, 'go', (root) => goRouteFamily.readFacts(root, path));
    if (read) facts.set(path, read);
  }
  return goRouteFamily
    .link({
      files: facts,
      frameworks,
      project: '.',
      read: (path) => files[path],
      exists: (path) => path in files,
      complete: true,
    })
    .map((route) => `${route.method} ${route.path} ${route.framework} ${route.file}:${route.line}`);
}

const GIN = 'import "github.com/gin-gonic/gin"\n';

describe('Go routes', () => {
  it('reads each framework’s route calls with their exact lines', () => {
    const files = {
      'gin.go': `package a\n${GIN}func A(r *gin.Engine) {\n\tr.GET("/a", h)\n\tr.Handle("PATCH", "/b", h)\n\tr.Match([]string{"GET", "HEAD"}, "/c", h)\n}\n`,
      'echo.go':
        'package b\nimport "github.com/labstack/echo/v4"\nfunc B(e *echo.Echo) {\n\te.Add(http.MethodPut, "/d", h)\n\te.Any("/e", h)\n}\n',
      'chi.go':
        'package c\nimport "github.com/go-chi/chi/v5"\nfunc C(r chi.Router) {\n\tr.Method("DELETE", "/f", h)\n\tr.With(auth).Post("/g", h)\n}\n',
      'mux.go':
        'package d\nimport "github.com/gorilla/mux"\nfunc D(r *mux.Router) {\n\tr.HandleFunc("/h", h).Methods("GET", "POST")\n}\n',
      'std.go':
        'package e\nimport "net/http"\nfunc E() {\n\thttp.HandleFunc("GET /i/{id...}", h)\n\thttp.Handle("/j", h)\n}\n',
      'fiber.go':
        'package f\nimport "github.com/gofiber/fiber/v2"\nfunc F(app *fiber.App) {\n\tapp.All("/k", h)\n}\n',
    };
    expect(routesOf(files).sort()).toEqual(
      [
        'GET /a gin gin.go:4',
        'PATCH /b gin gin.go:5',
        'GET /c gin gin.go:6',
        'HEAD /c gin gin.go:6',
        'PUT /d echo echo.go:4',
        'ANY /e echo echo.go:5',
        'DELETE /f chi chi.go:4',
        'POST /g chi chi.go:5',
        'GET /h gorilla-mux mux.go:4',
        'POST /h gorilla-mux mux.go:4',
        'GET /i/{id...} net-http std.go:4',
        'ANY /j net-http std.go:5',
        'ANY /k fiber fiber.go:4',
      ].sort(),
    );
  });

  it('does not take requests, map reads or context reads for routes', () => {
    const files = {
      'client.go': [
        'package a',
        GIN,
        'func A(c *gin.Context, client *http.Client, m map[string]string) {',
        '\tresp, _ := http.Get("https://example.com/users")',
        '\tclient.Post("/users", "application/json", body)',
        '\tc.Get("/key")',
        '\tv := c.GetHeader("X-Token")',
        '\tcache.Get("/users/1", &user)',
        '\tdb.Delete(&user, "/x")',
        '\tc.Set("/path", v)',
        '\tr.GET("has space", h)',
        '}',
      ].join('\n'),
    };
    expect(routesOf(files)).toEqual([]);
  });

  it('prefixes routes with the groups, closures and subrouters they are declared under', () => {
    const files = {
      'main.go': [
        'package main',
        'import (\n\t"github.com/go-chi/chi/v5"\n\t"github.com/gorilla/mux"\n)',
        'func main() {',
        '\tr := chi.NewRouter()',
        '\tr.Route("/api", func(r chi.Router) {',
        '\t\tr.Group(func(r chi.Router) {',
        '\t\t\tr.Get("/me", me)',
        '\t\t})',
        '\t\tr.Route("/users", users)',
        '\t})',
        '\tm := mux.NewRouter()',
        '\tm.PathPrefix("/v2").Subrouter().HandleFunc("/ping", ping)',
        '}',
        'func users(r chi.Router) {',
        '\tr.Get("/{id}", show)',
        '}',
      ].join('\n'),
    };
    expect(routesOf(files).sort()).toEqual(
      [
        'GET /api/me chi main.go:10',
        'GET /api/users/{id} chi main.go:18',
        'ANY /v2/ping gorilla-mux main.go:15',
      ].sort(),
    );
  });

  it('gives a route under every prefix its function is called with', () => {
    const files = {
      'go.mod': 'module example.com/app\n',
      'cmd/main.go': [
        'package main',
        'import (\n\t"github.com/gin-gonic/gin"\n\t"example.com/app/internal/health"\n)',
        'func main() {',
        '\tr := gin.New()',
        '\thealth.Register(r.Group("/v1"))',
        '\thealth.Register(r.Group("/v2"))',
        '}',
      ].join('\n'),
      'internal/health/health.go': `package health\n${GIN}func Register(g gin.IRouter) {\n\tg.GET("/health", ok)\n}\n`,
    };
    expect(routesOf(files).sort()).toEqual([
      'GET /v1/health gin internal/health/health.go:4',
      'GET /v2/health gin internal/health/health.go:4',
    ]);
  });

  it('keeps a router handed to http.Handle out of the table as a route, and strips what StripPrefix strips', () => {
    const files = {
      'main.go': [
        'package main',
        'import "net/http"',
        'func main() {',
        '\tapi := http.NewServeMux()',
        '\tapi.HandleFunc("POST /orders", create)',
        '\troot := http.NewServeMux()',
        '\troot.Handle("/api/", http.StripPrefix("/api", api))',
        '\troot.Handle("/static/", files)',
        '}',
      ].join('\n'),
    };
    expect(routesOf(files).sort()).toEqual([
      'ANY /static/ net-http main.go:8',
      'POST /api/orders net-http main.go:5',
    ]);
  });
});
