import { dotnetRouteFamily } from './dotnet/dotnet-family.js';
import { phoenixRouteFamily } from './elixir/phoenix-family.js';
import { goRouteFamily } from './go/go-family.js';
import { javascriptRouteFamily } from './javascript/javascript-family.js';
import { jvmRouteFamily } from './jvm/jvm-family.js';
import { pythonRouteFamily } from './python/python-family.js';
import type { RouteFamily } from './route-family.js';
import { rustRouteFamily } from './rust/rust-family.js';
import { railsRouteFamily } from './ruby/rails-family.js';
import { phpRouteFamily } from './php/php-family.js';

/** Every family of route readers; a changed file is read by each one that accepts it. */
export const ROUTE_FAMILIES: readonly RouteFamily<unknown>[] = [
  javascriptRouteFamily as RouteFamily<unknown>,
  goRouteFamily as RouteFamily<unknown>,
  jvmRouteFamily as RouteFamily<unknown>,
  dotnetRouteFamily as RouteFamily<unknown>,
  pythonRouteFamily as RouteFamily<unknown>,
  rustRouteFamily as RouteFamily<unknown>,
  railsRouteFamily as RouteFamily<unknown>,
  phpRouteFamily as RouteFamily<unknown>,
  phoenixRouteFamily as RouteFamily<unknown>,
];
