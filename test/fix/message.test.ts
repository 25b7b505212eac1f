// Commit messages: what each commit does, in the era's words.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commitMessage } from '../../src/fix/index.js';
import { knowledge } from '../../src/knowledge/index.js';
import { RewriteCatalog } from '../../src/fix/index.js';

const catalog = new RewriteCatalog(knowledge());
const config = catalog.namespace('oslo.config')!;

function facts(treeDate: string) {
  return {
    library: 'oslo.config', namespaces: [config], swapped: [], deletedCopies: [], confRemoved: [], requirement: null,
    raised: ['oslo.config>=1.6.0'], imports: 3, strings: 0, dottedUses: 0, movedNames: new Map(), optionGroups: new Map(), entryPoints: 0,
    treeDate, namespaceRemovedIn: { version: '2.0.0', date: '2015-07-20' },
  };
}

test('the namespace message follows the era of the tree: deprecated before the removal, removed after', () => {
  const before = commitMessage(facts('2015-03-01'), 'I0');
  assert.match(before, /namespace package is deprecated:\s+import oslo_config instead of\s+oslo\.config\./);
  assert.doesNotMatch(before, /removed/);
  const after = commitMessage(facts('2016-01-10'), 'I0');
  assert.match(after, /The .oslo. namespace package was removed in oslo\.config 2\.0\.0:\s+import\s+oslo_config\s+instead\s+of\s+oslo\.config\./);
  assert.match(after, /Raise the minimum to oslo\.config>=1\.6\.0/);
});
