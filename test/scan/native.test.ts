// tree-sitter and tree-sitter-python are native addons: npm may skip their install scripts, and the
// prebuilt binaries must still load. If this fails, the install is broken; nothing else can work.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);

test('tree-sitter and tree-sitter-python load and parse Python', () => {
  const Parser = require('tree-sitter');
  const Python = require('tree-sitter-python');
  const parser = new Parser();
  parser.setLanguage(Python);
  const tree = parser.parse('from oslo.config import cfg\n');
  assert.equal(tree.rootNode.type, 'module');
  assert.equal(tree.rootNode.firstChild.type, 'import_from_statement');
  assert.equal(tree.rootNode.hasError, false);
});
