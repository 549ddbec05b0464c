import type { AreaBrief } from './area-brief.js';

export const apiDesignBrief: AreaBrief = {
  area: 'api-design',
  reviewer: 'API designer',
  focus: 'the contract the changed endpoints offer to their clients',
  checks: [
    'an HTTP method that does not match the operation (GET that changes state, POST used for reads)',
    'status codes that misreport the outcome (200 for errors, 500 for bad input, 404 vs 403 leaks)',
    'request input used without validation at the API boundary',
    'a response shape or error format inconsistent with the neighbouring endpoints',
    'a list endpoint without pagination',
    'a breaking change to an existing route, field or type without a new version or compatibility path',
    'an OpenAPI, GraphQL or protobuf definition that no longer matches the implementation',
  ],
  leaveToOthers: 'internal code quality, database tuning and infrastructure',
  relevantPaths:
    /route|controller|handler|endpoint|api|openapi|swagger|graphql|\.proto$|schema|dto|serializer|view/i,
  relevantCode:
    /\b(get|post|put|patch|delete|router|app\.|@(Get|Post|Put|Patch|Delete|RequestMapping)|status|res\.json|Response|HttpStatus)\b/i,
};
