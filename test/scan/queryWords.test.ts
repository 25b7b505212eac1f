// A query runs only on texts holding one of its words (QUERY_WORDS): the words must be what the
// queries' patterns and predicates need, or findings would be lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayMatch, parsedText, parsePython, query, QUERY_NAMES, QUERY_WORDS, querySource } from '../../src/scan/treeSitter.js';

test('every name the rootwrap and privsep predicates compare with holds one of the query\'s words', () => {
  for (const name of ['rootwrap', 'privsep'] as const) {
    const literals = [...querySource(name).matchAll(/\(#(?:eq|any-of)\?[^)]*\)/g)].flatMap((p) => [...p[0].matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
    assert.ok(literals.length > 0, name);
    // `(#not-eq? @value "False")` narrows a match; it never makes one.
    for (const literal of literals) assert.ok(QUERY_WORDS[name].some((w) => literal.includes(w)), `${name}: ${literal}`);
  }
});

test('every pattern of imports.scm is an import statement, whose text holds `import`', () => {
  const roots = [...querySource('imports').matchAll(/^\((\w+)/gm)].map((m) => m[1]);
  assert.ok(roots.length >= 5);
  assert.deepEqual([...new Set(roots)].sort(), ['import_from_statement', 'import_statement']);
});

test('a query is skipped exactly where it could not match', () => {
  const texts = [
    'import os\nfrom oslo.config import cfg\n',
    'utils.execute("ls", run_as_root=True)\nx = f(root_helper=h)\n',
    'ctx = priv_context.PrivContext("nova")\n@ctx.entrypoint\ndef f():\n    pass\n',
    'x = 1\nprint(x)\n',
  ];
  for (const text of texts) {
    const tree = parsePython(text);
    // The text the tree was parsed from is known: otherwise every query would run (slower, same findings).
    assert.equal(parsedText(tree), text);
    for (const name of QUERY_NAMES) {
      const matches = query(name).matches(tree.rootNode).length;
      if (!mayMatch(name, tree)) assert.equal(matches, 0, `${name} skipped on ${JSON.stringify(text)}`);
    }
  }
  assert.equal(mayMatch('rootwrap', parsePython(texts[0]!)), false);
  assert.equal(mayMatch('rootwrap', parsePython(texts[1]!)), true);
  assert.equal(mayMatch('imports', parsePython(texts[3]!)), false);
});
