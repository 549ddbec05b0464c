import type { AreaBrief } from './area-brief.js';

export const performanceBrief: AreaBrief = {
  area: 'performance',
  reviewer: 'performance engineer',
  focus: 'latency, throughput and resource use on the request path',
  checks: [
    'a query or remote call inside a loop over records (N+1)',
    'a new query filtering, joining or sorting on a column the change gives no index',
    'list endpoints or queries that read without a limit or pagination',
    'SELECT * or loading whole tables or files into memory where a slice is needed',
    'synchronous or blocking I/O (file, network, sleep) in a request handler or event loop',
    'a new client, connection or pool created per request instead of reused',
    'caches with no expiry or invalidation, or work repeated that could be computed once',
    'quadratic work over inputs that can grow with users or data',
  ],
  leaveToOthers: 'security holes, naming and missing tests',
  relevantPaths: /repositor|service|controller|handler|route|query|cache|worker|job|queue|model|dao|api/i,
  relevantCode:
    /\b(for|forEach|map|while|await|query|find(All|Many)?|select|join|fetch|axios|readFileSync|sleep|cache|redis|pool|connect)\b/i,
};
