import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammars } from '../../../src/code/syntax/load-grammars.js';
import { withParsedSource } from '../../../src/code/syntax/parse-source.js';
import { rustRouteFamily } from '../../../src/changes/routes/rust/rust-family.js';
import type { RustFacts } from '../../../src/changes/routes/rust/rust-facts.js';

beforeAll(() => loadGrammars(['rust']));

/** The route table of a few Rust files, as `METHOD path framework file:line handler`. */
function routesOf(files: Record<string, string>): string[] {
  const facts = new Map<string, RustFacts>();
  for (const [path, text] of Object.entries(files)) {
    const read = withParsedSource(text, 'rust', (root) => rustRouteFamily.readFacts(root, path));
    if (read) facts.set(path, read);
  }
  return rustRouteFamily
    .link({
      files: facts,
      frameworks: [],
      project: '.',
      read: (path) => files[path],
      exists: (path) => path in files,
      complete: true,
    })
    .map(
      (route) =>
        `${route.method} ${route.path} ${route.framework} ${route.file}:${route.line} ${route.handler ?? '-'}`,
    )
    .sort();
}

const CARGO = '[package]\nname = "app"\nversion = "0.1.0"\n';

describe('Rust routes', () => {
  it('reads each framework’s declarations with their exact lines', () => {
    const actix = [
      'use actix_web::{get, route, web, App, http::Method};', // 1
      '#[get("/a/{id}")]',
      'async fn a() {}',
      '#[route("/b", method = "GET", method = "HEAD")]',
      'async fn b() {}', // 5
      'fn main() {',
      '    App::new()',
      '        .service(web::resource("/c").route(web::post().to(c)).to(c_any))',
      '        .route("/d", web::route().method(Method::PATCH).to(d))',
      '        .service(a).service(b);', // 10
      '}',
    ].join('\n');
    const axum = [
      'use axum::{routing::{get, on, MethodFilter}, Router};',
      'fn app() -> Router {',
      '    Router::new()',
      '        .route("/e", get(list).post(create))',
      '        .route("/f", on(MethodFilter::PUT, put_f))', // 5
      '}',
    ].join('\n');
    const rocket = [
      '#[macro_use] extern crate rocket;',
      '#[post("/g?<page>", data = "<form>")]',
      'fn g() {}',
    ].join('\n');
    expect(
      routesOf({ 'Cargo.toml': CARGO, 'src/main.rs': actix, 'src/axum.rs': axum, 'src/rocket.rs': rocket }),
    ).toEqual(
      [
        'GET /a/{id} actix-web src/main.rs:2 a',
        'GET /b actix-web src/main.rs:4 b',
        'HEAD /b actix-web src/main.rs:4 b',
        'POST /c actix-web src/main.rs:8 c',
        'ANY /c actix-web src/main.rs:8 c_any',
        'PATCH /d actix-web src/main.rs:9 d',
        'GET /e axum src/axum.rs:4 list',
        'POST /e axum src/axum.rs:4 create',
        'PUT /f axum src/axum.rs:5 put_f',
        'POST /g rocket src/rocket.rs:2 g',
      ].sort(),
    );
  });

  it('does not take HTTP clients, map reads or other attributes for routes', () => {
    const client = [
      'use axum::Router;',
      'async fn call(client: reqwest::Client, map: HashMap<String, u8>) {',
      '    client.get("/users").send().await;',
      '    reqwest::get("https://example.com/x").await;',
      '    map.get("/key");',
      '    router.route("/y", handler_service);',
      '}',
      '#[get("https://example.com")]',
      'fn not_a_route() {}',
      '#[test]',
      'fn get() {}',
    ].join('\n');
    expect(routesOf({ 'Cargo.toml': CARGO, 'src/client.rs': client })).toEqual([]);
  });

  it('follows names, closures and routers handed to functions within a file', () => {
    const axum = [
      'use axum::Router;',
      'fn add(router: Router) -> Router {',
      '    router.route("/h", get(h))',
      '}',
      'fn app() -> Router {', // 5
      '    let api = Router::new();',
      '    let api = api.route("/i", get(i));',
      '    Router::new().nest("/v1", add(api))',
      '}',
    ].join('\n');
    const actix = [
      'use actix_web::{web, App};',
      'fn main() {',
      '    App::new().service(web::scope("/x").configure(|cfg| {',
      '        cfg.service(web::scope("/y").route("/z", web::get().to(z)));',
      '    }));', // 5
      '}',
    ].join('\n');
    expect(routesOf({ 'Cargo.toml': CARGO, 'src/axum.rs': axum, 'src/actix.rs': actix })).toEqual(
      [
        'GET /v1/h axum src/axum.rs:3 h',
        'GET /v1/i axum src/axum.rs:7 i',
        'GET /x/y/z actix-web src/actix.rs:4 z',
      ].sort(),
    );
  });

  it('reads Rocket mounts at `[base, "/api"].concat()` of route lists a function builds in a local Vec', () => {
    const main = [
      '#[macro_use] extern crate rocket;',
      'mod api;',
      'fn launch(basepath: &str) {',
      '    rocket::build()',
      '        .mount([basepath, "/api"].concat(), api::core_routes())', // 5
      '        .mount([basepath, CONFIG.admin_path()].concat(), api::admin_routes());',
      '}',
    ].join('\n');
    const api = [
      'mod admin;',
      'mod core;',
      'pub use self::admin::routes as admin_routes;',
      'pub use self::core::routes as core_routes;',
    ].join('\n');
    const core = [
      'mod sends;',
      'mod users;',
      'pub fn routes() -> Vec<Route> {',
      '    let mut meta = routes![alive];',
      '    let mut routes = Vec::new();', // 5
      '    routes.append(&mut sends::routes());',
      '    routes.extend(users::routes());',
      '    routes.append(&mut meta);',
      '    routes',
      '}', // 10
      '#[get("/alive")] fn alive() {}',
      '#[get("/hidden")] fn hidden() {}',
      'pub fn unused() -> Vec<Route> {',
      '    let mut unused = routes![hidden];',
      '    unused.append(&mut Vec::new());', // 15
      '    Vec::new()',
      '}',
    ].join('\n');
    const sends = [
      'pub fn routes() -> Vec<Route> { [routes![post_access], legacy()].concat() }',
      'fn legacy() -> Vec<Route> { let mut all = Vec::new(); all.push(routes![old]); all.concat() }',
      '#[post("/sends/access")] fn post_access() {}',
      '#[post("/sends/<id>/access")] fn old() {}',
    ].join('\n');
    const users = 'pub fn routes() -> Vec<Route> { routes![me] }\n#[get("/users/me")] fn me() {}';
    const admin = 'pub fn routes() -> Vec<Route> { routes![stats] }\n#[get("/stats")] fn stats() {}';
    expect(
      routesOf({
        'Cargo.toml': CARGO,
        'src/main.rs': main,
        'src/api/mod.rs': api,
        'src/api/core/mod.rs': core,
        'src/api/core/sends.rs': sends,
        'src/api/core/users.rs': users,
        'src/api/admin.rs': admin,
      }),
    ).toEqual(
      [
        'GET /api/alive rocket src/api/core/mod.rs:11 alive',
        // Not in the list `routes()` gives back: served nowhere, so at its own path only.
        'GET /hidden rocket src/api/core/mod.rs:12 hidden',
        'POST /api/sends/access rocket src/api/core/sends.rs:3 post_access',
        'POST /api/sends/<id>/access rocket src/api/core/sends.rs:4 old',
        'GET /api/users/me rocket src/api/core/users.rs:2 me',
        // A mount point with no literal part is not read: its routes are not placed under a guessed prefix.
        'GET /stats rocket src/api/admin.rs:2 stats',
      ].sort(),
    );
  });
});
