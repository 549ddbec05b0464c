import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { createTypeNesting } from '../type-nesting.js';
import type { DotnetClass, DotnetFacts } from './dotnet-facts.js';
import { readClass, readConstants, readMethod } from './read-csharp-classes.js';
import { named } from './read-csharp-syntax.js';
import { createMinimalApiReader, type MinimalApiScopes } from './read-minimal-apis.js';

const GROUPS = {
  type: ['class_declaration', 'record_declaration', 'interface_declaration', 'struct_declaration'],
  method: ['method_declaration', 'local_function_statement'],
  field: ['field_declaration'],
  flow: [
    'variable_declarator',
    'assignment_expression',
    'invocation_expression',
    'return_statement',
    'arrow_expression_clause',
  ],
};

function emptyFacts(): DotnetFacts {
  return {
    classes: [],
    constants: {},
    routes: [],
    groups: [],
    calls: [],
    methods: [],
    returns: {},
    pathBases: [],
    conventions: [],
    orphans: [],
  };
}

/** Method scopes by offsets: each method's key (`Class.Method`), and its parameters read when first asked for. */
function readMethodScopes(
  methods: readonly SyntaxNode[],
  classOf: (node: SyntaxNode) => string | undefined,
  facts: DotnetFacts,
): MinimalApiScopes {
  const nesting = createTypeNesting();
  const nodes = new Map<string, SyntaxNode>();
  const owners = new Map<string, string>();
  for (const node of methods) {
    const name = node.childForFieldName('name')?.text ?? '';
    const enclosing = nesting.ownerOf(node);
    const owner = classOf(node) ?? '';
    const key = nesting.enter(node, enclosing === undefined ? `${owner}.${name}` : name);
    nodes.set(key, node);
    owners.set(key, owner);
  }
  const parameters = new Map<string, string[]>();
  return {
    scopeOf: (node) => nesting.ownerOf(node) ?? '',
    classOf,
    parameter(scope, name) {
      const method = nodes.get(scope);
      if (!method) return undefined;
      let names = parameters.get(scope);
      if (!names) {
        const list = named(method.childForFieldName('parameters')).filter(
          (child) => child.type === 'parameter',
        );
        names = list.map((parameter) => parameter.childForFieldName('name')?.text ?? '');
        parameters.set(scope, names);
        facts.methods.push({
          key: scope,
          name: method.childForFieldName('name')?.text ?? '',
          owner: owners.get(scope) ?? '',
          extension:
            list[0]?.children.some((child) => child?.type === 'modifier' && child.text === 'this') ?? false,
        });
      }
      const index = names.indexOf(name);
      return index < 0 ? undefined : index;
    },
  };
}

/** Everything one C# file says about routing: controllers, constants and minimal APIs, from its syntax tree. */
export function readCsharpFacts(root: SyntaxNode): DotnetFacts {
  const facts = emptyFacts();
  const nodes = selectNodes('csharp', root, GROUPS);
  const nesting = createTypeNesting();
  const classes = new Map<string, DotnetClass>();
  for (const node of nodes.type) {
    const declared = readClass(node, nesting.enter(node, node.childForFieldName('name')?.text ?? ''));
    facts.classes.push(declared);
    classes.set(declared.name, declared);
  }
  for (const node of nodes.method) {
    const owner = nesting.ownerOf(node);
    if (node.type === 'method_declaration' || owner === undefined)
      readMethod(node, owner === undefined ? undefined : classes.get(owner), nesting, facts);
  }
  for (const node of nodes.field) {
    const owner = nesting.ownerOf(node);
    if (owner !== undefined) readConstants(node, owner, facts);
  }
  const reader = createMinimalApiReader(
    readMethodScopes(nodes.method, (node) => nesting.ownerOf(node), facts),
    facts,
  );
  for (const node of nodes.flow) reader.read(node);
  return facts;
}
