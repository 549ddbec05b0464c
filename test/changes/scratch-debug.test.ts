import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSourceView } from '../../src/changes/source/source-view.js';
import { findRustRouteScopes } from '../../src/changes/endpoints/rust-route-scopes.js';

it('debug', () => {
  const rs = readFileSync('test/fixtures/changes/endpoints/actix.head/src/main.rs', 'utf8').split('\n').map((t, i) => ({ line: i + 1, text: t }));
  const view = createSourceView(rs, 'rust', true);
  const scopes = findRustRouteScopes(view);
  console.log(scopes.servicePrefix('get_user'), scopes.servicePrefix('upload_avatar'));
  console.log(view.masked.slice(view.masked.indexOf('web::scope'), view.masked.indexOf('web::scope') + 120));
});
