import { parse } from 'yaml';
import { normalisedPath } from './route-path.js';

/** What a client of one operation of an OpenAPI (or Swagger 2) description depends on. */
export interface OpenApiOperation {
  method: string;
  /** The path as the description writes it. */
  path: string;
  /** Query, header and path parameters a client must send. */
  requiredParameters: Set<string>;
  /** Properties the JSON request body must have. */
  requiredBodyFields: Set<string>;
  /** Properties a successful JSON response has. */
  responseFields: Set<string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/schemas/User`), a few levels deep at most. */
function resolved(spec: Json, value: unknown, depth = 0): Json | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string' || depth > 5) return value;
  if (!ref.startsWith('#/')) return undefined;
  let target: unknown = spec;
  for (const part of ref.slice(2).split('/'))
    target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return resolved(spec, target, depth + 1);
}

function jsonSchema(spec: Json, holder: unknown): Json | undefined {
  const content = resolved(spec, holder)?.content;
  if (!isObject(content)) return resolved(spec, resolved(spec, holder)?.schema);
  const json = Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  return resolved(spec, isObject(json) ? json.schema : undefined);
}

function requiredOf(schema: Json | undefined): Set<string> {
  return new Set(
    Array.isArray(schema?.required) ? schema.required.filter((name) => typeof name === 'string') : [],
  );
}

function propertiesOf(spec: Json, schema: Json | undefined): Set<string> {
  const items = schema?.type === 'array' ? resolved(spec, schema.items) : schema;
  return new Set(isObject(items?.properties) ? Object.keys(items.properties) : []);
}

function operationOf(
  spec: Json,
  path: string,
  method: string,
  operation: Json,
  shared: unknown[],
): OpenApiOperation {
  const parameters = [...shared, ...(Array.isArray(operation.parameters) ? operation.parameters : [])]
    .map((parameter) => resolved(spec, parameter))
    .filter((parameter): parameter is Json => parameter !== undefined);
  const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
  const body = bodyParameter ? resolved(spec, bodyParameter.schema) : jsonSchema(spec, operation.requestBody);
  const responses = isObject(operation.responses) ? operation.responses : {};
  const success = Object.entries(responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
  return {
    method: method.toUpperCase(),
    path,
    requiredParameters: new Set(
      parameters
        .filter(
          (parameter) =>
            parameter.required === true && parameter.in !== 'body' && typeof parameter.name === 'string',
        )
        .map((parameter) => `${String(parameter.in)}:${String(parameter.name)}`),
    ),
    requiredBodyFields: requiredOf(body),
    responseFields: propertiesOf(spec, jsonSchema(spec, success)),
  };
}

/**
 * The operations an OpenAPI 3 or Swagger 2 description declares, keyed by method and path with
 * parameter names left out (renaming `{id}` changes no URL). Undefined when the text is not one.
 */
export function readOpenApiOperations(text: string): Map<string, OpenApiOperation> | undefined {
  let spec: unknown;
  try {
    spec = parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(spec) || (spec.openapi === undefined && spec.swagger === undefined) || !isObject(spec.paths))
    return undefined;
  const operations = new Map<string, OpenApiOperation>();
  for (const [path, item] of Object.entries(spec.paths)) {
    const pathItem = resolved(spec, item);
    if (!pathItem) continue;
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      operations.set(
        `${method.toUpperCase()} ${normalisedPath(path)}`,
        operationOf(spec, path, method, operation, shared),
      );
    }
  }
  return operations;
}
