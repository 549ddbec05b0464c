import type { RouteExtractor } from './route-declaration.js';

/** Every route extractor; a file is read by each one whose `appliesTo` accepts it. */
export const ROUTE_EXTRACTORS: RouteExtractor[] = [];
