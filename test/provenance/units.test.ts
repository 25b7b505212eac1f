// The pieces of provenance on small inputs: undoing update.py's rewrite, token streams, diffs.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { baseOf, changeBlocks, similarityOf, tokenHash, tokenStream, undoRewrite } from '../../src/provenance/index.js';
import { blobId, diffSequences, unifiedDiff } from '../../src/util/index.js';
import { tempDir } from '../helpers/tmp.js';
import { updatePyRewrite } from './fixtures.js';

const work = tempDir();

test('undoRewrite reverses update.py on imports, names in strings and comments, and upper case', () => {
  const incubator = [
    'from openstack.common import log as logging',
    'import openstack.common.lockutils',
    "    from openstack.common.gettextutils import _",
    "_localedir = os.environ.get('oslo'.upper() + '_LOCALEDIR')",
    '# only trace inside oslo',
    'from oslo.config import cfg',
    'from oslo_utils import timeutils',
    "LOCK = os.environ.get('OSLO_LOCK_PATH')",
    "mod = 'openstack.common.rpc'",
    'see oslo-incubator and oslotest',
    '',
  ].join('\n');
  const copy = updatePyRewrite(incubator, 'kite');
  assert.match(copy, /from kite\.openstack\.common import log/);
  assert.match(copy, /'kite'\.upper\(\)/);
  assert.match(copy, /KITE_LOCK_PATH/);
  assert.match(copy, /from oslo\.config import cfg/);
  assert.equal(undoRewrite(copy, 'kite'), incubator);
});

test('undoRewrite leaves text alone when the base is oslo or empty; baseOf prefers base=', () => {
  assert.equal(undoRewrite('from openstack.common import log\n', ''), 'from openstack.common import log\n');
  assert.equal(baseOf('kite', 'other'), 'kite');
  assert.equal(baseOf(null, 'nova'), 'nova');
  assert.equal(baseOf('  ', 'nova'), 'nova');
  // A dotted base must not be read as a pattern: "a.b" does not match "axb".
  assert.equal(undoRewrite('axb.openstack.common a.b.openstack.common', 'a.b'), 'axb.openstack.common openstack.common');
});

test('token streams ignore whitespace and comments but not code or string text', () => {
  const a = 'def f(x):\n    return x + 1  # add one\n';
  const b = '# header\n\ndef f( x ):\n\n    return x+1\n';
  const c = 'def f(x):\n    return x + 2\n';
  const d = 'def f(x):\n    return "a\\nb"\n';
  const e = 'def f(x):\n    return "a\\nc"\n';
  assert.equal(tokenHash(tokenStream(a, true)), tokenHash(tokenStream(b, true)));
  assert.notEqual(tokenHash(tokenStream(a, true)), tokenHash(tokenStream(c, true)));
  assert.notEqual(tokenHash(tokenStream(d, true)), tokenHash(tokenStream(e, true)), 'text between escapes counts');
  assert.deepEqual(tokenStream(a, true).lines, ['def f ( x ) :', 'return x + 1']);
  // Python 2 still tokenises (tree-sitter recovers from the error).
  assert.ok(tokenStream('print "hello"\nexcept Exception, e:\n', true).tokens.includes('"hello"'));
  assert.deepEqual(tokenStream('a  b\n\n  c\n', false).tokens, ['a', 'b', 'c']);
});

test('blobId is git’s blob id', () => {
  const file = join(work, 'blob.txt');
  writeFileSync(file, 'hello\n');
  const git = spawnSync('git', ['hash-object', file], { encoding: 'utf8' }).stdout.trim();
  assert.equal(blobId('hello\n'), git);
});

test('diffSequences finds a shortest edit script that rebuilds the new sequence', () => {
  const cases: Array<[string, string]> = [
    ['abcabba', 'cbabac'],
    ['', 'abc'],
    ['abc', ''],
    ['same', 'same'],
    ['kitten', 'sitting'],
  ];
  for (const [x, y] of cases) {
    const a = [...x];
    const b = [...y];
    const ops = diffSequences(a, b)!;
    const rebuilt = ops.filter((o) => o.op !== 'delete').map((o) => (o.op === 'equal' ? a[o.a] : b[o.b]));
    assert.deepEqual(rebuilt, b, `${x} → ${y}`);
    for (const o of ops) if (o.op === 'equal') assert.equal(a[o.a], b[o.b]);
  }
  // abcabba → cbabac needs 5 edits (Myers' example).
  assert.equal(diffSequences([...'abcabba'], [...'cbabac'])!.filter((o) => o.op !== 'equal').length, 5);
  assert.equal(diffSequences([...'aaaa'], [...'bbbb'], 3), null, 'over the edit cap');
  const ops = diffSequences([...'abcdef'], [...'abXdeY'])!;
  assert.equal(changeBlocks(ops), 2);
  assert.equal(similarityOf(ops, 6, 6), 8 / 12);
});

test('unifiedDiff produces a patch that git applies', () => {
  const old = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  const changed = old.replace('line 3\n', 'line three\n').replace('line 20\n', '').replace('line 30\n', 'line 30\nline 31\n');
  const diff = unifiedDiff(old, changed, 'a/f.txt', 'b/f.txt');
  assert.equal((diff.match(/^@@ /gm) ?? []).length, 3);
  assert.match(diff, /^@@ -1,6 \+1,6 @@$/m);
  const dir = join(work, 'apply');
  spawnSync('git', ['init', '--quiet', dir]);
  writeFileSync(join(dir, 'f.txt'), old);
  writeFileSync(join(dir, 'f.patch'), diff);
  const r = spawnSync('git', ['apply', 'f.patch'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), changed);
  assert.equal(unifiedDiff(old, old, 'a', 'b'), '');
});
