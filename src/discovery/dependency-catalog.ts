import type { Framework } from './project.js';

export type CatalogRole = 'framework' | 'database' | 'orm' | 'test' | 'linter';

interface CatalogEntry {
  role: CatalogRole;
  name: string;
}

/** A dependency as a manifest declares it, with the version its lockfile resolved when known. */
export interface DeclaredDependency {
  name: string;
  /** The declared constraint (`^4.18.1`), or null. */
  constraint: string | null;
  /** The resolved version (from a lockfile, or an exact pin), or null. */
  version: string | null;
  /** The file the version (or, lacking it, the constraint) was read from. */
  source: string;
  /** Development-only dependencies do not make the project's framework or key dependencies. */
  dev: boolean;
}

export interface ClassifiedStack {
  frameworks: Framework[];
  /** Whether a framework is among the runtime dependencies (not only development ones). */
  runtimeFramework?: boolean;
  databases: string[];
  orms: string[];
  testFrameworks: string[];
  linters: string[];
}

/**
 * Package names mapped to what they say about the stack. Written as
 * `{ 'mongoose': 'orm:mongoose database:mongodb' }`; a key ending in `*` matches by prefix.
 */
export class DependencyCatalog {
  private readonly exact = new Map<string, CatalogEntry[]>();
  private readonly prefixes: Array<[string, CatalogEntry[]]> = [];

  constructor(
    table: Readonly<Record<string, string>>,
    /** NuGet and Maven-style names compare without case. */
    private readonly caseInsensitive = false,
  ) {
    for (const [key, spec] of Object.entries(table)) {
      // Only the first `:` ends the role: a name may hold colons (`framework:io.grpc:grpc-netty`).
      const entries = spec.split(/\s+/).map((item) => {
        const colon = item.indexOf(':');
        return { role: item.slice(0, colon) as CatalogRole, name: item.slice(colon + 1) };
      });
      const normalised = caseInsensitive ? key.toLowerCase() : key;
      if (normalised.endsWith('*')) this.prefixes.push([normalised.slice(0, -1), entries]);
      else this.exact.set(normalised, entries);
    }
  }

  /** What the package says about the stack; empty when the catalog does not know it. */
  lookup(packageName: string): readonly CatalogEntry[] {
    const name = this.caseInsensitive ? packageName.toLowerCase() : packageName;
    const found = this.exact.get(name);
    if (found) return found;
    return this.prefixes.find(([prefix]) => name.startsWith(prefix))?.[1] ?? [];
  }

  /**
   * Frameworks (from runtime dependencies; development ones only when nothing else
   * names a framework), databases, ORMs, test frameworks and linters of a project.
   */
  classify(dependencies: readonly DeclaredDependency[]): ClassifiedStack {
    const stack: ClassifiedStack = {
      frameworks: [],
      databases: [],
      orms: [],
      testFrameworks: [],
      linters: [],
    };
    const devFrameworks: typeof stack.frameworks = [];
    for (const dependency of dependencies) {
      for (const entry of this.lookup(dependency.name)) {
        if (entry.role === 'framework') {
          const framework = {
            name: entry.name,
            version: dependency.version,
            constraint: dependency.constraint,
            source: dependency.source,
          };
          (dependency.dev ? devFrameworks : stack.frameworks).push(framework);
        } else if (entry.role === 'database') stack.databases.push(entry.name);
        else if (entry.role === 'orm') stack.orms.push(entry.name);
        else if (entry.role === 'test') stack.testFrameworks.push(entry.name);
        else stack.linters.push(entry.name);
      }
    }
    stack.runtimeFramework = stack.frameworks.length > 0;
    if (stack.frameworks.length === 0) stack.frameworks = devFrameworks;
    return stack;
  }
}
