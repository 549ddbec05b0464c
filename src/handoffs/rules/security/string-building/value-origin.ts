import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';

/**
 * Where a value written into SQL comes from: the request (a query string, a form, a route
 * parameter), a parameter of the function that builds the SQL (its callers decide), or some other
 * runtime value.
 */
export type ValueOrigin = 'request' | 'parameter' | 'value';

/** Reads of request input across frameworks, matched against a value's expression (whitespace taken out). */
const REQUEST_READS = [
  // Express, Koa, Fastify, Hono, NestJS
  /^(?:req|request|ctx|ctx\.request|c\.req)\.(?:params|query|body|headers|cookies|files|param|queries|valid)\b/,
  // Flask, Django, FastAPI/Starlette, aiohttp
  /^request\.(?:args|form|values|json|GET|POST|REQUEST|FILES|COOKIES|data|query_params|path_params|headers|cookies|get_json|match_info)\b/,
  // net/http, Gin, Echo, Fiber, chi, gorilla/mux
  /^(?:r|req|request)\.(?:URL\.Query\(\)|FormValue|PostFormValue|Form|PostForm|URL\.Path|Header\.Get|PathValue)\b/,
  /^(?:c|ctx)\.(?:Param|Params|Query|QueryParam|QueryParams|DefaultQuery|GetQuery|PostForm|DefaultPostForm|GetPostForm|FormValue|Cookie|GetHeader)\(/,
  /^(?:chi\.URLParam|mux\.Vars)\(/,
  // Servlets
  /^(?:request|req|httpRequest|servletRequest)\.get(?:Parameter|ParameterValues|Header|QueryString|PathInfo|RequestURI)\(/,
  // ASP.NET
  /^(?:this\.)?(?:HttpContext\.)?Request\.(?:Query|Form|Headers|Cookies|RouteValues)\b/,
  // Rails, Phoenix
  /^params(?:\[|\.(?:require|permit|fetch|dig|to_unsafe_h)\b)/,
  /^request\.(?:params|query_parameters|request_parameters)\b/,
  /^conn\.(?:params|query_params|body_params|path_params)\b/,
  // PHP, Laravel, Symfony
  /^\$_(?:GET|POST|REQUEST|COOKIE)\b/,
  /^\$request->(?:input|get|query|post|all|only|route|header|cookie|json|string)\(/,
  /^\$request->(?:query|request|attributes)->get\(/,
  /^(?:request\(\)|\$this->request)->/,
  /^(?:Input|Request)::(?:get|input|all|query)\(/,
];

/** Parameters a framework fills from the request: Spring, JAX-RS, ASP.NET, axum/actix extractors. */
const REQUEST_PARAMETER =
  /@(?:RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|ModelAttribute|QueryParam|PathParam|FormParam|HeaderParam)\b|\[\s*From(?:Query|Route|Body|Form|Header)\b|^(?:web::)?(?:Query|Path|Json|Form)\s*\(|:\s*(?:web::|axum::extract::)?(?:Query|Path|Json|Form)\s*</;

/** A function that handles a route: every parameter the framework passes is request input. */
const ROUTE_HANDLER =
  /@(?:Get|Post|Put|Delete|Patch|Request)Mapping\b|@(?:GET|POST|PUT|DELETE|PATCH|Path)\b|\[\s*(?:Http(?:Get|Post|Put|Delete|Patch)|Route)\b|@\w+\.(?:get|post|put|delete|patch|route|api_route)\(/;

/** Parameter types that cannot carry SQL: numbers, booleans, identifiers of fixed shape. */
const INERT_TYPE =
  /^(?:int|long|short|byte|float|double|decimal|bool|boolean|Int|Long|Short|Byte|Float|Double|Decimal|Boolean|Integer|number|bigint|i8|i16|i32|i64|i128|isize|u8|u16|u32|u64|u128|usize|f32|f64|int8|int16|int32|int64|uint|uint8|uint16|uint32|uint64|float32|float64|Guid|UUID|Uuid|uuid\.UUID|BigInteger|BigDecimal|LocalDate|DateTime|time\.Time)\??$/;

/** Handles to the database, a session or a context: what they hand back is the application's, not the caller's data. */
const HANDLE_TYPE =
  /(?:^|[.*])(?:DB|Tx|Session|Engine|Conn|Connection|Pool|Client|Context|Transaction|EntityManager|JdbcTemplate|QueryRunner)$/;

/** True when a read of `text` is request input by the shape of the expression. */
export function readsRequest(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return REQUEST_READS.some((read) => read.test(compact));
}

/** The declarations written above a function: annotations, attributes, decorators. */
function declarationsOf(fn: SyntaxNode): string {
  const own = fn.namedChildren
    .filter((child) => child !== null && /modifiers|attribute_list|annotation/.test(child.type))
    .map((child) => child?.text ?? '');
  const decorated =
    fn.parent?.type === 'decorated_definition'
      ? [fn.parent.text.slice(0, fn.startIndex - fn.parent.startIndex)]
      : [];
  return [...own, ...decorated].join('\n');
}

/** The type a parameter declares, without `:`, `&`, `?` or `*`. */
function declaredType(entry: SyntaxNode): string {
  const type =
    entry.childForFieldName('type') ??
    entry.namedChildren.find((child) => child !== null && /type$/.test(child.type)) ??
    null;
  return (type?.text ?? '').replace(/^[:\s]+|[&*\s]|\bmut\b/g, '');
}

/** What a parameter brings: nothing that can carry SQL (a number), request input, or whatever its callers pass. */
export function parameterOrigin(entry: SyntaxNode, fn: SyntaxNode): ValueOrigin | 'inert' {
  const type = declaredType(entry);
  if (INERT_TYPE.test(type)) return 'inert';
  if (HANDLE_TYPE.test(type)) return 'value';
  if (REQUEST_PARAMETER.test(entry.text) || ROUTE_HANDLER.test(declarationsOf(fn))) return 'request';
  return 'parameter';
}

const ROOT_FIELDS = ['object', 'operand', 'value', 'expression', 'function', 'receiver', 'target', 'left'];

/** The variable a member chain, call or subscript starts from: `q` of `q.name`, `filter` of `filter.getName()`. */
export function rootName(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node;
  for (let step = 0; current && step < 8; step += 1) {
    if (/^(?:identifier|variable_name|simple_identifier|instance_variable)$/.test(current.type))
      return current;
    const next: SyntaxNode | null =
      ROOT_FIELDS.map((field) => current?.childForFieldName(field) ?? null).find((found) => found !== null) ??
      current.firstNamedChild;
    current = next;
  }
  return undefined;
}
