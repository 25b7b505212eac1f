// Golden before/after trees under fixtures/fix/: each is built as a real repository, planned from
// its scan, applied as commits, and compared byte for byte with the `after` tree. The preview diff,
// applied with `git apply` to a clone, must give the same tree.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '../../src/fix/index.js';
import { git } from '../helpers/fix.js';
import { assertStillCompiles, checkGolden, identity, plan } from '../helpers/fixGolden.js';

test('namespace rewrites: every statement form and the dotted uses in code', async () => {
  const { plan: p } = await checkGolden('namespace-forms');
  assert.deepEqual(
    p.changes.map((c) => c.library),
    ['oslo.concurrency', 'oslo.config', 'oslo.db', 'oslo.i18n', 'oslo.log', 'oslo.messaging', 'oslo.middleware', 'oslo.serialization', 'oslo.utils'],
  );
  assert.ok(p.changes.every((c) => c.kinds.join() === 'namespace'));
  assert.ok(p.changes.every((c) => c.files.every((f) => !f.path.endsWith('requirements.txt'))), 'namespace rewrites leave requirements alone');
});

test('a use of oslo that a parameter, loop variable or rebinding shadows is left alone', async () => {
  const { plan: p } = await checkGolden('shadowed');
  const rebound = p.left.find((l) => l.places.some((pl) => pl.file === 'heron/rebound.py'));
  assert.ok(rebound, 'the rebound file is left for review');
  assert.match(rebound.reason, /oslo is also assigned at line 4/);
});

test('drop-in incubator modules: imports swapped, requirements added in order, unused copies and conf entries removed', async () => {
  const { plan: p } = await checkGolden('incubator-swap');
  assert.deepEqual(p.changes.map((c) => c.library), ['oslo.concurrency', 'oslo.serialization', 'oslo.utils']);
  const ids = p.left.map((l) => l.id);
  for (const module of ['fileutils', 'gettextutils', 'log']) assert.ok(ids.includes(`incubator:${module}`), `${module} stays a checklist item`);
  const log = p.left.find((l) => l.id === 'incubator:log')!;
  assert.match(log.reason, /register_options/);
  // The copied log.py, which stays, imports jsonutils from the library, so the jsonutils copy goes.
  const serialization = p.changes.find((c) => c.library === 'oslo.serialization')!;
  assert.ok(!p.left.some((l) => l.id === 'copy:kite/openstack/common/jsonutils.py'), 'the jsonutils copy goes');
  assert.ok(serialization.files.some((f) => f.path === 'kite/openstack/common/jsonutils.py' && f.after === null), 'jsonutils copy deleted');
  assert.match(serialization.diff, /\n-from kite\.openstack\.common import jsonutils\n\+from oslo_serialization import jsonutils\n/);
  assert.match(serialization.message, /Copied modules that stay import the library too \(1 import\)/);
  const utils = p.changes.find((c) => c.library === 'oslo.utils')!;
  assert.ok(utils.files.some((f) => f.path === 'kite/openstack/common/timeutils.py' && f.after === null), 'timeutils copy deleted');
  assert.match(utils.message, /^Switch to oslo\.utils\n/);
});

test('a Python 2 file is rewritten without new syntax errors', async () => {
  const { plan: p } = await checkGolden('python2');
  const server = p.changes.flatMap((c) => c.files).filter((f) => f.path === 'legacy/server.py');
  assert.ok(server.length >= 2);
});

test('when no copied module is left, the whole copy tree and openstack-common.conf go', async () => {
  const { plan: p } = await checkGolden('copy-removal');
  assert.equal(p.changes.length, 1);
  const deleted = p.changes[0]!.files.filter((f) => f.after === null).map((f) => f.path);
  assert.deepEqual(deleted, [
    'openstack-common.conf',
    'wren/openstack/__init__.py',
    'wren/openstack/common/README',
    'wren/openstack/common/__init__.py',
    'wren/openstack/common/excutils.py',
    'wren/openstack/common/strutils.py',
  ]);
});

test('applying is idempotent: a second plan finds nothing to do', async () => {
  for (const name of ['incubator-swap', 'namespace-forms', 'incubator-api', 'strings-entry-points', 'refused']) {
    const { dir } = await checkGolden(name);
    const again = await plan(dir);
    assert.deepEqual(again.changes, []);
    assert.equal(again.diff, '');
    const head = git(dir, 'rev-parse', 'HEAD');
    assert.deepEqual(await applyFixes(dir, again, { identity }), []);
    assert.equal(git(dir, 'rev-parse', 'HEAD'), head, 'no commit made');
  }
});

test('names the successor moved are used from their new module; options it regroups name the group', async () => {
  const { dir, plan: p } = await checkGolden('incubator-api');
  assert.deepEqual(p.changes.map((c) => c.library), ['oslo.concurrency', 'oslo.config', 'oslo.utils']);
  const utils = p.changes.find((c) => c.library === 'oslo.utils')!;
  assert.match(utils.diff, /\n\+from oslo_utils import encodeutils\n\+from oslo_utils import strutils\n/);
  assert.match(utils.diff, /\n\+    return encodeutils\.safe_encode\(value, 'utf-8'\)\n/);
  assert.match(utils.diff, /\n\+    @mock\.patch\('oslo_utils\.encodeutils\.safe_encode'\)\n/);
  assert.match(utils.message, /safe_decode and safe_encode moved to oslo_utils\.encodeutils/);
  const locks = p.changes.find((c) => c.library === 'oslo.concurrency')!;
  assert.match(locks.diff, /\+        self\.flags\(lock_path=self\.useFixture\(fixtures\.TempDir\(\)\)\.path, group='oslo_concurrency'\)\n/);
  assert.match(locks.diff, /\+        locking\.CONF\.set_override\('lock_path', '\/tmp\/x', group='oslo_concurrency'\)\n/);
  assert.match(locks.diff, /\+    return CONF\.oslo_concurrency\.lock_path\n/);
  assert.match(locks.message, /registers lock_path in the \[oslo_concurrency\] group/);
  // Minimums follow the new packages.
  const config = p.changes.find((c) => c.library === 'oslo.config')!;
  assert.match(config.diff, /\n-oslo\.config>=1\.4\.0  # Apache-2\.0\n\+oslo\.config>=1\.6\.0  # Apache-2\.0\n/);
  assert.match(config.message, /Raise the minimum to oslo\.config>=1\.6\.0/);
  assert.match(locks.diff, /\n\+oslo\.concurrency>=0\.3\.0  # Apache-2\.0\n/);
  assertStillCompiles(dir, p);
});

test('a name the successor dropped refuses the swap: in the file, or everywhere when the library regroups its options', async () => {
  const { plan: p } = await checkGolden('refused');
  assert.deepEqual(p.changes.map((c) => c.library), ['oslo.serialization', 'oslo.utils']);
  const lock = p.left.find((l) => l.id === 'incubator:lockutils')!;
  assert.match(lock.reason, /lockutils\.util_opts \(line 7\): oslo\.concurrency has no util_opts/);
  assert.deepEqual(lock.places.map((pl) => pl.file), ['owl/opts.py']);
  assert.ok(p.changes.every((c) => !c.diff.includes('oslo_concurrency')), 'lockutils is not swapped anywhere');
  const units = p.left.find((l) => l.id === 'incubator:strutils:owl/units.py')!;
  assert.match(units.reason, /strutils\.to_bytes \(line 5\): oslo\.utils has no to_bytes/);
  // The strutils copy stays for units.py; the uuidutils copy stays for the documentation that names it.
  assert.ok(p.left.some((l) => l.id === 'copy:owl/openstack/common/strutils.py'));
  assert.ok(p.left.some((l) => l.id === 'copy:owl/openstack/common/uuidutils.py'));
  // A commit that only deletes an unused copy says so.
  const serialization = p.changes.find((c) => c.library === 'oslo.serialization')!;
  assert.match(serialization.message, /^Remove unused oslo-incubator module jsonutils\n\nNothing in the project imports the copied jsonutils, which\noslo\.serialization replaces, so delete the copy and its entry in\nopenstack-common\.conf\.\n/);
});

test('whole dotted paths in strings and setup.cfg entry points change; entry-point groups and other mentions do not', async () => {
  const { dir, plan: p } = await checkGolden('strings-entry-points');
  const diff = p.diff;
  for (const line of [
    "+    @mock.patch('oslo_messaging.Target')",
    "+        self.useFixture(fixtures.MonkeyPatch('oslo_i18n.translate', lambda msg, lang: msg))",
    "+CONF.import_opt('connection', 'oslo_db.options', group='database')",
    '+        with mock.patch.object(importutils, \'import_class\'):',
    '+    finch-rootwrap = oslo_rootwrap.cmd:main',
    '+    finch-log = oslo_messaging.notify._impl_log:LogDriver',
    // A file whose only mention is `from oslo import i18n` (no `oslo.` in its text).
    '+import oslo_i18n as i18n',
  ]) assert.ok(diff.includes(`\n${line}\n`), line);
  // Group names are not module paths: not in setup.cfg, not in code.
  assert.doesNotMatch(diff, /^[-+].*oslo[._]config[._]opts/m);
  assert.doesNotMatch(diff, /^[-+].*oslo_messaging\.notify\.drivers/m);
  assert.doesNotMatch(diff, /^[-+].*oslo_messaging\.drivers/m);
  assert.doesNotMatch(diff, /VersionInfo\('oslo_messaging'\)/);
  const mention = p.left.find((l) => l.id === 'mention:namespace:oslo.messaging:finch/tests/test_rpc.py')!;
  assert.deepEqual(mention.places.map((pl) => pl.line), [13, 32, 32], "the distribution name and the two strings of line 32; not the group of line 31");
  const entry = p.left.find((l) => l.id === 'mention:incubator:importutils:setup.cfg')!;
  assert.match(entry.places[0]!.note!, /finch\.openstack\.common\.importutils:list_opts/);
  const messaging = p.changes.find((c) => c.library === 'oslo.messaging')!;
  assert.match(messaging.message, /Dotted paths into the old module inside strings \(1 string/);
  assert.match(messaging.message, /setup\.cfg entry points\s+into the old package \(1 entry point\)/);
  assert.match(messaging.message, /the namespace package is deprecated/);
  assert.doesNotMatch(messaging.message, /was removed/);
  assert.deepEqual(messaging.edits, ['imports', 'strings', 'entry points', 'requirements']);
  // setup.cfg alone calls for the rootwrap change: the message does not speak of imports.
  const rootwrap = p.changes.find((c) => c.library === 'oslo.rootwrap')!;
  assert.deepEqual(rootwrap.edits, ['entry points', 'requirements']);
  assert.match(rootwrap.message, /name\s+oslo_rootwrap instead of oslo\.rootwrap/);
  assertStillCompiles(dir, p);
});
