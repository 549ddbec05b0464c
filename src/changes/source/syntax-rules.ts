/** The comment and string rules of a language family. */
export type CodeSyntax =
  'javascript' | 'python' | 'ruby' | 'elixir' | 'go' | 'rust' | 'java' | 'csharp' | 'php';

/** How one language family writes comments and strings, as far as masking needs to know. */
export interface SyntaxRules {
  lineComments: string[];
  blockComments: boolean;
  tripleQuotes: string[];
  quotes: string[];
  /** Quotes whose strings may run over several lines. */
  multilineQuotes: string;
}

/** The comment and string rules of each language family the route and migration readers mask. */
export const SYNTAX_RULES: Readonly<Record<CodeSyntax, SyntaxRules>> = {
  javascript: {
    lineComments: ['//'],
    blockComments: true,
    tripleQuotes: [],
    quotes: ["'", '"', '`'],
    multilineQuotes: '`',
  },
  python: {
    lineComments: ['#'],
    blockComments: false,
    tripleQuotes: ['"""', "'''"],
    quotes: ["'", '"'],
    multilineQuotes: '',
  },
  ruby: {
    lineComments: ['#'],
    blockComments: false,
    tripleQuotes: [],
    quotes: ["'", '"'],
    multilineQuotes: '\'"',
  },
  elixir: {
    lineComments: ['#'],
    blockComments: false,
    tripleQuotes: ['"""', "'''"],
    quotes: ['"'],
    multilineQuotes: '"',
  },
  go: {
    lineComments: ['//'],
    blockComments: true,
    tripleQuotes: [],
    quotes: ['"', '`', "'"],
    multilineQuotes: '`',
  },
  rust: { lineComments: ['//'], blockComments: true, tripleQuotes: [], quotes: ['"'], multilineQuotes: '"' },
  java: {
    lineComments: ['//'],
    blockComments: true,
    tripleQuotes: ['"""'],
    quotes: ['"', "'"],
    multilineQuotes: '',
  },
  csharp: {
    lineComments: ['//'],
    blockComments: true,
    tripleQuotes: ['"""'],
    quotes: ['"', "'"],
    multilineQuotes: '',
  },
  php: {
    lineComments: ['//', '#'],
    blockComments: true,
    tripleQuotes: [],
    quotes: ["'", '"'],
    multilineQuotes: '\'"',
  },
};
