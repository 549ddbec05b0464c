import type { ProjectLookup } from '../../discovery/find-project-for-path.js';
import type { MountedPrefixes, MountGraph, OuterMount } from './mounted-prefixes.js';
import { createOuterMounts } from './outer-mounts.js';
import { mountFamilyOf, type CheckoutFiles, type MountFamily } from './project-sources.js';
import { buildPythonMountGraph } from './python-mount-graph.js';

export interface MountPrefixInput {
  ownerOf: ProjectLookup;
  /** The head checkout, with its reading limits. */
  files: CheckoutFiles;
}

const BUILDERS: Record<MountFamily, (files: CheckoutFiles, project: string) => MountGraph> = {
  python: buildPythonMountGraph,
};

/**
 * Prefixes that other files of a file's project put in front of its routes: Express/Koa
 * `use`, Fastify `register`, FastAPI `include_router`, Flask `register_blueprint`, Django
 * `include` and NestJS `setGlobalPrefix`. Each project's mounts are read once, the first
 * time a route of one of its files asks, within the limits of `files`.
 */
export function createMountPrefixes(input: MountPrefixInput): (file: string) => MountedPrefixes | undefined {
  const { files } = input;
  const graphs = new Map<
    string,
    { graph: MountGraph; outer: (file: string, name: string | undefined) => OuterMount | undefined }
  >();
  const graphOf = (project: string, family: MountFamily) => {
    const key = `${family} ${project}`;
    let built = graphs.get(key);
    if (!built) {
      const graph = BUILDERS[family](files, project);
      built = { graph, outer: createOuterMounts(graph) };
      graphs.set(key, built);
    }
    return built;
  };
  return (file) => {
    const family = mountFamilyOf(file);
    if (family === undefined) return undefined;
    const project = input.ownerOf(file)?.path ?? '.';
    return {
      of: (router) => graphOf(project, family).outer(file, router),
      globalPrefix: () => graphOf(project, family).graph.globalPrefix,
    };
  };
}
