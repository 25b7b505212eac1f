// Which names a Python scope binds, read from the syntax tree. Enough to tell when `oslo` in
// `oslo.messaging.Target` is not the module: a parameter, a local assignment, a loop variable.
// Pure: looks at the tree only.

import type { SyntaxNode } from '../scan/index.js';

/** Nodes that open a scope of their own. */
const SCOPES = new Set([
  'module',
  'function_definition',
  'lambda',
  'class_definition',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

/** Nodes through which an identifier is still a target being bound (`a, (b, c) = …`). */
const PATTERNS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list', 'as_pattern_target']);

export function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

export function isScope(node: SyntaxNode): boolean {
  return SCOPES.has(node.type);
}

/** The innermost scope holding a node (the node itself is not considered). */
export function scopeOf(node: SyntaxNode): SyntaxNode {
  let n = node.parent;
  while (n && !isScope(n)) n = n.parent;
  return n ?? node.tree.rootNode;
}

/** Whether an identifier is being bound (assigned, a parameter, a loop or `as` target, a def/class name). */
export function isBinding(id: SyntaxNode): boolean {
  let child = id;
  let parent = id.parent;
  while (parent && PATTERNS.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return same(parent.childForFieldName('left'), child);
    case 'named_expression':
      return same(parent.childForFieldName('name'), child);
    case 'function_definition':
    case 'class_definition':
      return same(parent.childForFieldName('name'), child);
    case 'as_pattern':
      return same(parent.childForFieldName('alias'), child);
    case 'parameters':
    case 'lambda_parameters':
    case 'dictionary_splat_pattern':
      return true;
    case 'default_parameter':
    case 'typed_default_parameter':
      return same(parent.childForFieldName('name'), child);
    case 'typed_parameter':
      return parent.namedChildren[0] !== undefined && same(parent.namedChildren[0], child);
    case 'except_clause': {
      // Python 2: `except Error, name:` has the bound name as the second value.
      const values = parent.childrenForFieldName('value');
      return values.length > 1 && same(values[1], child);
    }
    case 'global_statement':
    case 'nonlocal_statement':
      return false;
    default:
      return false;
  }
}

/** Identifiers named `name` bound directly in `scope` (nested scopes contribute only their def/class name). */
export function bindingsIn(scope: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode, top: boolean): void => {
    if (!top && isScope(node)) {
      const own = node.childForFieldName('name');
      if (own && own.text === name && (node.type === 'function_definition' || node.type === 'class_definition')) found.push(own);
      // Parameters belong to the nested scope; the body too. Comprehension iterables are rare enough to pass over.
      return;
    }
    if (node.type === 'identifier' && node.text === name && isBinding(node)) found.push(node);
    for (const c of node.namedChildren) visit(c, false);
  };
  visit(scope, true);
  return found;
}

/** Whether the scope declares the name `global` (its uses then mean the module's binding). */
export function declaresGlobal(scope: SyntaxNode, name: string): boolean {
  let hit = false;
  const visit = (node: SyntaxNode, top: boolean): void => {
    if (hit || (!top && isScope(node))) return;
    if ((node.type === 'global_statement' || node.type === 'nonlocal_statement') && node.namedChildren.some((c) => c.text === name)) hit = true;
    for (const c of node.namedChildren) visit(c, false);
  };
  visit(scope, true);
  return hit;
}

/** Whether a use of `name` at `node` refers to something other than the module-level binding. */
export function isShadowed(node: SyntaxNode, name: string): boolean {
  let innermost = true;
  for (let scope = scopeOf(node); scope.type !== 'module'; scope = scopeOf(scope), innermost = false) {
    // A class body's names are not seen by the functions defined in it.
    if (scope.type === 'class_definition' && !innermost) continue;
    if (declaresGlobal(scope, name)) return false;
    if (bindingsIn(scope, name).some((b) => !isAncestorOrSelf(scope.childForFieldName('name'), b))) return true;
  }
  return false;
}

function isAncestorOrSelf(a: SyntaxNode | null, b: SyntaxNode): boolean {
  return same(a, b);
}

/** Whether a node is part of an import statement. */
export function insideImport(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'import_statement' || n.type === 'import_from_statement') return true;
  return false;
}

/** False for identifiers that are not a use of a variable: `x.oslo`, `f(oslo=1)`. */
export function isNameUse(id: SyntaxNode): boolean {
  const parent = id.parent;
  if (!parent) return true;
  if (parent.type === 'attribute') return parent.childForFieldName('attribute')?.startIndex !== id.startIndex;
  if (parent.type === 'global_statement' || parent.type === 'nonlocal_statement') return false;
  if (parent.type === 'keyword_argument') return parent.childForFieldName('name')?.startIndex !== id.startIndex;
  return true;
}
