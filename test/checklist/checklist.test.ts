import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrationChecklist, renderChecklistMarkdown, groupOf, type Checklist } from '../../src/checklist/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { assertGolden } from '../helpers/golden.js';
import { fixtureRepo, repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';
import { cli } from '../retire/cli.js';

const done = (c: Checklist): Record<string, boolean> => Object.fromEntries(c.items.map((i) => [i.id, i.done]));

test('golden: the migration checklists of the aster and birch fixtures', async () => {
  for (const name of ['aster', 'birch']) {
    const project = await scanCheckout({ path: await fixtureRepo(name) });
    assertGolden(`checklist-${name}.md`, renderChecklistMarkdown(migrationChecklist(project)));
  }
});

test('incubator items follow openstack-common.conf groups and name every place to change', async () => {
  const c = migrationChecklist(await scanCheckout({ path: await fixtureRepo('aster') }));
  const ids = c.items.map((i) => i.id);
  assert.deepEqual(ids.filter((i) => i.startsWith('incubator:')), [
    'incubator:db', 'incubator:db.sqlalchemy', 'incubator:gettextutils', 'incubator:jsonutils', 'incubator:log',
    'incubator:notifier.api', 'incubator:processutils', 'incubator:rpc', 'incubator:remove-copy',
  ]);
  const session = c.items.find((i) => i.id === 'incubator:db.sqlalchemy')!;
  assert.ok(session.detail.includes('Copied modules: `db.sqlalchemy`, `db.sqlalchemy.session`.'));
  assert.deepEqual(session.places, [{ file: 'aster/db/api.py', line: 9, note: '`aster.openstack.common.db.sqlalchemy.session` → `oslo_db.sqlalchemy.session`' }]);
  const log = c.items.find((i) => i.id === 'incubator:log')!;
  assert.ok(log.detail.includes('Add to requirements.txt: `oslo.log>=0.1.0`'));
  assert.equal(groupOf('rpc.common', ['rpc', 'db']), 'rpc');
  assert.equal(groupOf('db.sqlalchemy.session', ['db', 'db.sqlalchemy']), 'db.sqlalchemy');
});

test('items already done are checked, so the checklist reads as a progress report', async () => {
  const dir = await repoWith({
    '.gitreview': '[gerrit]\nproject=openstack/swift-ish.git\n',
    'openstack-common.conf': '[DEFAULT]\nmodule=jsonutils\nmodule=log\nbase=wren\n',
    'requirements.txt': 'oslo.serialization>=1.0.0\nrequests\n',
    'wren/__init__.py': '',
    'wren/openstack/__init__.py': '',
    'wren/openstack/common/__init__.py': '',
    'wren/openstack/common/jsonutils.py': 'import json\n',
    'wren/openstack/common/log.py': 'import logging\n',
    'wren/api.py': 'from oslo_serialization import jsonutils\nfrom wren.openstack.common import log as logging\n',
    'wren/privsep.py': 'from oslo_privsep import priv_context\n\nctx = priv_context.PrivContext("wren")\n',
  }, 'wren');
  const c = migrationChecklist(await scanCheckout({ path: dir }));
  assert.deepEqual(done(c), {
    'incubator:jsonutils': true,
    'incubator:log': false,
    'incubator:remove-copy': false,
    'rootwrap:calls': true,
    'rootwrap:imports': true,
    'rootwrap:filters': true,
    'rootwrap:console-script': true,
  });
  const json = c.items.find((i) => i.id === 'incubator:jsonutils')!;
  assert.ok(json.detail.includes('Already required: `oslo.serialization>=1.0.0` (requirements.txt:1)'));
  assert.match(renderChecklistMarkdown(c), /^- \[x\] \*\*jsonutils: use oslo\.serialization/m);
  assert.equal(c.summary?.[0], '5 of 7 items done; migration status: in-progress.');
});

test('checklist CLI: paths and a saved --report give the same checklist; failures are exit 3, bad reports exit 2', async () => {
  const aster = await fixtureRepo('aster');
  const tmp = tempDir();
  const report = join(tmp, 'report.json');
  assert.equal(cli(['scan', aster, '--format', 'json', '--output', report]).status, 0);
  const fromPath = cli(['checklist', aster]);
  const fromReport = cli(['checklist', '--report', report]);
  assert.equal(fromPath.status, 0);
  assert.equal(fromReport.stdout, fromPath.stdout);

  const json = cli(['checklist', aster, '--format', 'json']);
  const parsed = JSON.parse(json.stdout) as { schemaVersion: number; checklists: Checklist[] };
  assert.equal(parsed.schemaVersion, 1);
  assert.equal(parsed.checklists[0]!.items.length, 18);

  const failed = cli(['checklist', join(tmp, 'missing'), aster]);
  assert.equal(failed.status, 3);
  assert.match(failed.stdout, /# Migration checklist: aster/);
  assert.match(failed.stdout, /Not scanned \(resolve\)/);

  writeFileSync(join(tmp, 'bad.json'), '{"schemaVersion": 7}');
  const bad = cli(['checklist', '--report', join(tmp, 'bad.json')]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /not a valid oslo-audit report/);
  assert.equal(cli(['checklist']).status, 2);
  assert.equal(cli(['checklist', aster, '--format', 'html']).status, 2);
  assert.ok(readFileSync(report, 'utf8').length > 0);
});
