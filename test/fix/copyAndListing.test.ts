// The edits that let a swap go further than imports: the library's option listing in the project's
// opts module, the group taught to a `flags` test helper, the API page of a deleted copy; and what
// stays: another project's copy, prose naming the copy.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixRepo, git } from '../helpers/fix.js';
import { assertStillCompiles, checkGolden, plan } from '../helpers/fixGolden.js';

/** The opts-listing plan after one committed edit of a file. */
async function planEdited(file: string, from: string, to: string, message: string): ReturnType<typeof plan> {
  const dir = await fixRepo('opts-listing');
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  git(dir, 'commit', '--quiet', '-am', message);
  return plan(dir);
}

test('util_opts in a module-level option listing becomes the library list_opts(); flags() learns the group', async () => {
  const { dir, plan: p } = await checkGolden('opts-listing');
  const locks = p.changes.find((c) => c.library === 'oslo.concurrency')!;
  assert.match(locks.diff, /\n-import heron\.openstack\.common\.lockutils\n\+import oslo_concurrency\.opts\n/);
  assert.match(locks.diff, /\n-    heron\.openstack\.common\.lockutils\.util_opts,\n/);
  assert.match(locks.diff, /\n \]\n\+\n\+_opts\.extend\(oslo_concurrency\.opts\.list_opts\(\)\)\n/);
  assert.match(locks.diff, /\n\+        group = kw\.pop\('group', None\)\n/);
  assert.match(locks.diff, /\n\+            CONF\.set_override\(k, v, group\)\n/);
  assert.match(locks.diff, /\+        self\.flags\(lock_path='\/tmp\/heron-locks', group='oslo_concurrency'\)\n/);
  assert.match(locks.message.replace(/\s+/g, ' '), /keeps util_opts private and lists its options, with their group, through oslo_concurrency\.opts\.list_opts\(\)/);
  assert.ok(locks.files.some((f) => f.path === 'heron/openstack/common/lockutils.py' && f.after === null), 'the lockutils copy goes');
  assertStillCompiles(dir, p);
});

test('the API page of a deleted copy goes with its toctree line; prose and another project copy stay', async () => {
  const { plan: p } = await checkGolden('opts-listing');
  const json = p.changes.find((c) => c.library === 'oslo.serialization')!;
  assert.ok(json.files.some((f) => f.path === 'doc/source/api/heron.openstack.common.jsonutils.rst' && f.after === null));
  assert.match(json.diff, /\n-   heron\.openstack\.common\.jsonutils\.rst\n    heron\.service\.rst\n/);
  assert.ok(json.edits.includes('API pages'));
  assert.match(json.message.replace(/\s+/g, ' '), /Delete the API documentation page made for the deleted copy \(doc\/source\/api\/heron\.openstack\.common\.jsonutils\.rst\) and its toctree entry\./);
  const touched = p.changes.flatMap((c) => c.files.map((f) => f.path));
  assert.ok(!touched.includes('doc/source/contributing.rst'), 'prose is left as it is');
  assert.ok(!touched.includes('contrib/plugin/base.py'), "tempest's copy is tempest's to swap");
});

test('a flags() helper of another form refuses the lockutils swap everywhere, with the reason', async () => {
  const p = await planEdited('heron/test.py', '        for k, v in six.iteritems(kw):\n', '        for k, v in sorted(six.iteritems(kw)):\n            print(k)\n', 'A helper that prints');
  assert.deepEqual(p.changes.map((c) => c.library), ['oslo.serialization', 'oslo.utils']);
  const lock = p.left.find((l) => l.id === 'incubator:lockutils')!;
  assert.match(lock.reason, /heron\/test\.py line 9: flags\(\) sets each keyword as an option and takes no group/);
});

test('a util_opts use outside a module-level listing keeps the swap refused, with the reason', async () => {
  const p = await planEdited('heron/opts.py', '    heron.openstack.common.lockutils.util_opts,\n', '    list(heron.openstack.common.lockutils.util_opts),\n', 'A copy of the list');
  assert.ok(!p.changes.some((c) => c.library === 'oslo.concurrency'));
  const lock = p.left.find((l) => l.id === 'incubator:lockutils')!;
  assert.match(lock.reason, /util_opts: oslo\.concurrency has no util_opts: .*; it is not an entry of a module-level list of option lists/);
});

test('an alias spelled like the package a namespace rewrite brings in is renamed after its own package', async () => {
  const { plan: p } = await checkGolden('opts-listing');
  const utils = p.changes.find((c) => c.library === 'oslo.utils')!;
  assert.match(utils.diff, /\n-from oslo_db\.sqlalchemy import utils as oslo_utils\n\+from oslo_utils import timeutils\n\+from oslo_db\.sqlalchemy import utils as oslodb_utils\n/);
  assert.match(utils.diff, /\n\+    except oslodb_utils\.InvalidSortKey:\n/);
  assert.ok(utils.edits.includes('aliases'));
  assert.match(utils.message.replace(/\s+/g, ' '), /The alias oslo_utils, of another module, would read as the new package: it becomes oslodb_utils \(3 places\)\./);
});
