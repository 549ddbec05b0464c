import type { RouteFramework } from '../../change-analysis.js';
import type { LinkInput } from '../route-family.js';
import { dedupeRoutes, joinRoutePath, type RouteEntry } from '../route-entry.js';
import { controllerRoutes, effectiveAnnotations, type ControllerScope } from './jvm-controller-routes.js';
import { CLIENT_ANNOTATIONS, type JvmFacts, type JvmMethod } from './jvm-facts.js';
import type { JvmStyle } from './jvm-mappings.js';
import { createJvmTypeIndex, type JvmTypeIndex, type TypeRef } from './jvm-type-index.js';
import {
  readJvmConfiguration,
  resolvePlaceholders,
  type JvmConfiguration,
} from './read-jvm-configuration.js';

/** The resources folder of the module a source file belongs to (`<module>/src/main/resources/`). */
export function resourcesOf(file: string, project: string): string {
  const module =
    /^(.*?)src\/main\/(?:java|kotlin)\//.exec(file)?.[1] ?? (project === '.' ? '' : `${project}/`);
  return `${module}src/main/resources/`;
}

function prefixOf(...pieces: (string | undefined)[]): string {
  const present = pieces.filter((piece) => piece !== undefined && piece !== '' && piece !== '/');
  return present.length === 0 ? '' : joinRoutePath(...present);
}

/** Methods of a diff's fragments attached to the type declared above them; those with none stay loose. */
function attachOrphans(files: ReadonlyMap<string, JvmFacts>) {
  const extraMethods = new Map<string, JvmMethod[]>();
  const loose: { file: string; facts: JvmFacts; methods: JvmMethod[] }[] = [];
  for (const [file, facts] of files) {
    const unowned: JvmMethod[] = [];
    for (const orphan of facts.orphans) {
      if (orphan.owner === undefined) {
        unowned.push(orphan);
        continue;
      }
      const fqn = facts.package === '' ? orphan.owner : `${facts.package}.${orphan.owner}`;
      const attached = extraMethods.get(fqn);
      if (attached) attached.push(orphan);
      else extraMethods.set(fqn, [orphan]);
    }
    if (unowned.length > 0) loose.push({ file, facts, methods: unowned });
  }
  return { extraMethods, loose };
}

/** `@ApplicationPath` of each module: the prefix of its JAX-RS resources. */
function applicationPaths(index: JvmTypeIndex, project: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const ref of index.types()) {
    const annotation = ref.type.annotations.find((candidate) => candidate.name === 'ApplicationPath');
    const value = annotation?.args.value?.[0];
    if (!value) continue;
    const context = { file: ref.file, facts: ref.facts, owner: ref.type.name };
    found.set(resourcesOf(ref.file, project), index.evaluate(value, context));
  }
  return found;
}

function createScope(input: LinkInput<JvmFacts>, index: JvmTypeIndex, lenient: boolean): ControllerScope {
  const configurations = new Map<string, JvmConfiguration>();
  const configurationOf = (file: string): JvmConfiguration => {
    const resources = resourcesOf(file, input.project);
    let found = configurations.get(resources);
    if (!found) {
      found = readJvmConfiguration(resources, input.read);
      configurations.set(resources, found);
    }
    return found;
  };
  const appPaths = applicationPaths(index, input.project);
  const quarkus = input.frameworks.includes('quarkus');
  const { extraMethods } = attachOrphans(input.files);
  return {
    index,
    extraMethods,
    lenient,
    framework(style: JvmStyle, file: string): RouteFramework {
      if (style === 'spring') return 'spring-boot';
      if (style === 'micronaut') return 'micronaut';
      const imports = input.files.get(file)?.imports ?? [];
      return quarkus || imports.some((imported) => imported.name.startsWith('io.quarkus'))
        ? 'quarkus'
        : 'jax-rs';
    },
    globalPrefix(style, file) {
      const config = configurationOf(file);
      if (style === 'spring')
        return prefixOf(
          config.get('server.servlet.context-path'),
          config.get('spring.mvc.servlet.path'),
          config.get('spring.webflux.base-path'),
        );
      if (style === 'micronaut') return prefixOf(config.get('micronaut.server.context-path'));
      const restPath =
        appPaths.get(resourcesOf(file, input.project)) ??
        config.get('quarkus.rest.path') ??
        config.get('quarkus.resteasy.path') ??
        config.get('quarkus.resteasy-reactive.path');
      return prefixOf(config.get('quarkus.http.root-path'), restPath);
    },
    resolvePlaceholders: (path, file) => resolvePlaceholders(path, configurationOf(file)) ?? path,
  };
}

function isClient(ref: TypeRef, index: JvmTypeIndex): boolean {
  return effectiveAnnotations(ref, index).some((annotation) => CLIENT_ANNOTATIONS.has(annotation.name));
}

/**
 * The route table of one JVM project side: every concrete controller's mappings (Spring
 * MVC/WebFlux, JAX-RS, Micronaut) under its class-level paths, inherited ones included,
 * and under the module's context path. Without a checkout, a diff's fragments are read
 * leniently: a mapping whose class is cut off still declares its route.
 */
export function linkJvmRoutes(input: LinkInput<JvmFacts>): RouteEntry[] {
  const index = createJvmTypeIndex(input.files);
  const lenient = !input.complete;
  const scope = createScope(input, index, lenient);
  const entries: RouteEntry[] = [];
  const covered = new Set<string>();
  const concrete = [...index.types()].filter((ref) => ref.type.kind === 'class' && !isClient(ref, index));
  for (const ref of concrete) {
    const routes = controllerRoutes({ controller: ref, depth: 0 }, scope);
    if (routes.length === 0) continue;
    entries.push(...routes);
    for (const parent of index.hierarchyOf(ref)) covered.add(parent.fqn);
  }
  if (lenient) {
    for (const ref of index.types()) {
      if (ref.type.kind === 'class' || covered.has(ref.fqn) || isClient(ref, index)) continue;
      entries.push(...controllerRoutes({ controller: ref, depth: 0 }, scope));
    }
    for (const { file, facts, methods } of attachOrphans(input.files).loose) {
      const type = { name: '', kind: 'class' as const, line: 0, annotations: [], supertypes: [], methods };
      entries.push(...controllerRoutes({ controller: { file, facts, type, fqn: '' }, depth: 0 }, scope));
    }
  }
  return dedupeRoutes(entries);
}
