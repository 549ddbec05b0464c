/** The prefix another file of the project puts in front of a router's routes. */
export interface OuterMount {
  /** The whole prefix, outermost mount first (`/api/v1/orders`). */
  prefix: string;
  /** Whether the mount nearest the router names a path: Flask's `url_prefix` on `register_blueprint` then replaces the blueprint's own. */
  namesPrefix: boolean;
}

/**
 * What the rest of a project says about one file's routes: the prefixes other files mount
 * its routers under. Extractors ask for it lazily, so nothing is read unless a route is found.
 */
export interface MountedPrefixes {
  /** The mount of the router named `router` in this file or, without a name, of the file as a whole (a Django `include`, a Fastify plugin). */
  of(router?: string): OuterMount | undefined;
  /** NestJS's `app.setGlobalPrefix('api')`: a prefix in front of every controller of the project. */
  globalPrefix(): GlobalPrefix | undefined;
}

/** NestJS's global prefix, and the paths its `exclude` option keeps out of it (as written, slashes trimmed). */
export interface GlobalPrefix {
  prefix: string;
  exclude: string[];
}

/** Where a file mounts a router or module that another file declares. */
export interface MountEdge {
  /** The mounting file. */
  file: string;
  /** The mounting file's outermost router the child hangs under (undefined: the file as a whole). */
  parentRoot: string | undefined;
  /** The prefix the mounting file itself gives the receiver the child is mounted on. */
  parentPrefix: string | undefined;
  /** The path the mount names, if any. */
  path: string | undefined;
  /** The declaring file and the router's local name there (undefined: the file as a whole, or an anonymous default export). */
  target: { file: string; name: string | undefined };
}

/** The mounts found in one project, looked up by what they mount. */
export interface MountGraph {
  /** Edges mounting router `name` of `file` (undefined name: the file as a whole). */
  edgesTo(file: string, name: string | undefined): MountEdge[];
  globalPrefix: GlobalPrefix | undefined;
}

/** A graph with no mounts: used when the project is too large to read, or nothing could be read. */
export const EMPTY_MOUNT_GRAPH: MountGraph = { edgesTo: () => [], globalPrefix: undefined };
