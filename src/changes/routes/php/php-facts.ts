/** A route one PHP file declares, with the prefixes of the groups around it in the file already applied. */
export interface PhpRoute {
  framework: 'laravel' | 'symfony';
  methods: string[];
  path: string;
  line: number;
  handler?: string;
  /** What the declaration says besides its path: the handler, its own middleware and options. */
  signature: string;
}

/** A file whose routes are loaded from here, under a prefix: `->group(base_path('routes/x.php'))`, `require __DIR__.'/x.php'`. */
export interface PhpInclude {
  /** The included file: repository-relative, or relative to the project (`base_path()`) when `fromProject`. */
  path: string;
  fromProject: boolean;
  prefix: string;
  line: number;
}

/** What one PHP file says about routing. */
export interface PhpFacts {
  routes: PhpRoute[];
  includes: PhpInclude[];
}
