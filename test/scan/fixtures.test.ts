// Each finding kind end to end, on fixture projects committed to real git repositories.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeReport, type Finding, type Project } from '../../src/report/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { fixtureRepo } from '../helpers/repo.js';
import { assertValidReport } from '../helpers/report.js';

function subject(f: Finding): string {
  const d = f.detail as unknown as Record<string, unknown>;
  if (f.kind === 'rootwrap-call') return `${f.detail.callee} ${f.detail.keyword}=${f.detail.value}`;
  if (f.kind === 'rootwrap-config') return f.detail.name ?? f.detail.what;
  if (f.kind === 'oslo-requirement') return `${f.detail.name}${f.detail.spec}`;
  if (f.kind === 'incubator-import') return `${f.detail.module}${f.detail.insideCopy ? ' (inside copy)' : ''}`;
  return String(d['module'] ?? d['old'] ?? d['what']);
}
const row = (f: Finding): string => `${f.kind} ${f.file}:${f.line ?? '-'} ${subject(f)}`;

describe('a 2014-era service (fixtures/projects/aster)', () => {
  let project: Project;
  before(async () => {
    project = await scanCheckout({ path: await fixtureRepo('aster') });
  });

  test('the report lists every construct with its file and line, and nothing else', () => {
    assert.equal(project.error, null);
    assert.deepEqual(project.findings.map(row), [
      'namespace-import aster/cmd/api.py:8 oslo.config',
      'incubator-import aster/cmd/api.py:10 log',
      'rootwrap-call aster/cmd/api.py:20 utils.execute run_as_root=True',
      'namespace-import aster/compute/manager.py:13 oslo.config',
      'namespace-import aster/compute/manager.py:14 oslo.messaging',
      'incubator-import aster/compute/manager.py:16 jsonutils',
      'incubator-import aster/compute/manager.py:16 log',
      'incubator-import aster/compute/manager.py:18 gettextutils',
      'rootwrap-call aster/compute/manager.py:30 utils.execute run_as_root=True',
      'rootwrap-call aster/compute/manager.py:38 utils.execute run_as_root=True',
      'namespace-import aster/db/api.py:3 oslo.config',
      'incubator-import aster/db/api.py:9 db.sqlalchemy.session',
      'namespace-import aster/db/api.py:15 oslo.db',
      'incubator-copy aster/openstack/common/README:- README',
      'incubator-copy aster/openstack/common/__init__.py:- ',
      'incubator-copy aster/openstack/common/db/__init__.py:- db',
      'incubator-copy aster/openstack/common/db/sqlalchemy/__init__.py:- db.sqlalchemy',
      'incubator-copy aster/openstack/common/db/sqlalchemy/session.py:- db.sqlalchemy.session',
      'incubator-import aster/openstack/common/db/sqlalchemy/session.py:8 db.exception (inside copy)',
      'incubator-import aster/openstack/common/db/sqlalchemy/session.py:9 gettextutils (inside copy)',
      'incubator-import aster/openstack/common/db/sqlalchemy/session.py:10 db.api (inside copy)',
      'incubator-import aster/openstack/common/db/sqlalchemy/session.py:11 db.sqlalchemy.utils (inside copy)',
      'incubator-copy aster/openstack/common/gettextutils.py:- gettextutils',
      'incubator-copy aster/openstack/common/jsonutils.py:- jsonutils',
      'incubator-import aster/openstack/common/jsonutils.py:11 gettextutils (inside copy)',
      'incubator-import aster/openstack/common/jsonutils.py:12 importutils (inside copy)',
      'incubator-import aster/openstack/common/jsonutils.py:13 timeutils (inside copy)',
      'incubator-copy aster/openstack/common/log.py:- log',
      'namespace-import aster/openstack/common/log.py:8 oslo.config',
      'incubator-import aster/openstack/common/log.py:11 gettextutils (inside copy)',
      'incubator-import aster/openstack/common/log.py:12 jsonutils (inside copy)',
      'incubator-import aster/openstack/common/log.py:13 local (inside copy)',
      'incubator-copy aster/openstack/common/rpc/__init__.py:- rpc',
      'namespace-import aster/openstack/common/rpc/__init__.py:3 oslo.config',
      'incubator-import aster/openstack/common/rpc/__init__.py:5 importutils (inside copy)',
      'incubator-import aster/openstack/common/rpc/__init__.py:6 log (inside copy)',
      'incubator-copy aster/openstack/common/rpc/common.py:- rpc.common',
      'incubator-import aster/openstack/common/rpc/common.py:3 gettextutils (inside copy)',
      'incubator-import aster/openstack/common/rpc/common.py:4 jsonutils (inside copy)',
      'namespace-import aster/utils.py:5 oslo.config',
      'namespace-import aster/utils.py:6 oslo.i18n',
      'namespace-import aster/utils.py:6 oslo.messaging',
      'incubator-import aster/utils.py:8 processutils',
      'rootwrap-call aster/utils.py:25 processutils.trycmd root_helper=_get_root_helper()',
      'namespace-import bin/aster-rootwrap:6 oslo.rootwrap',
      'rootwrap-import bin/aster-rootwrap:6 oslo.rootwrap',
      'rootwrap-config etc/aster/rootwrap.conf:- conf',
      'rootwrap-config etc/aster/rootwrap.d/compute.filters:- filters',
      'incubator-config openstack-common.conf:4 db',
      'incubator-config openstack-common.conf:5 db.sqlalchemy',
      'incubator-config openstack-common.conf:6 gettextutils',
      'incubator-config openstack-common.conf:7 jsonutils',
      'incubator-config openstack-common.conf:8 log',
      'incubator-config openstack-common.conf:9 rpc',
      'incubator-config openstack-common.conf:9 notifier.api',
      'oslo-requirement requirements.txt:3 pbr>=0.6,!=0.7,<1.0',
      'oslo-requirement requirements.txt:5 oslo.config>=1.2.0',
      'oslo-requirement requirements.txt:6 oslo.messaging>=1.3.0a9',
      'oslo-requirement requirements.txt:7 oslo.rootwrap',
      'rootwrap-config setup.cfg:15 aster-rootwrap',
      'oslo-requirement test-requirements.txt:1 hacking>=0.9.2,<0.10',
      'oslo-requirement test-requirements.txt:4 oslotest',
    ]);
  });

  test('details carry successor, fate and positions', () => {
    const session = project.findings.find((f) => f.kind === 'incubator-copy' && f.file.endsWith('session.py'));
    assert.deepEqual(session && { line: session.line, column: session.column, detail: session.detail }, {
      line: null,
      column: null,
      detail: {
        module: 'db.sqlalchemy.session',
        package: 'aster',
        successor: { import: 'oslo_db.sqlalchemy.session', package: 'oslo.db' },
        fate: 'graduated',
        incubatorFate: 'graduated',
        successorSince: 'oslo.db 0.1.0 (2014-06-17)',
      },
    });
    const call = project.findings.find((f) => f.kind === 'rootwrap-call' && f.file === 'aster/compute/manager.py');
    assert.deepEqual(call && [call.line, call.column, call.endLine], [30, 13, 32]);
    const conf = project.findings.filter((f) => f.kind === 'incubator-config' && f.line === 9).map((f) => f.column);
    assert.deepEqual(conf, [9, 14]);
    const local = project.findings.find((f) => f.kind === 'incubator-import' && f.detail.module === 'local');
    assert.equal(local?.kind === 'incubator-import' && local.detail.fate, 'dropped');
  });

  test('summary: modules, namespace libraries, rootwrap, privsep, status', () => {
    const s = project.summary;
    assert.deepEqual(s.incubatorModules, ['db', 'db.sqlalchemy', 'db.sqlalchemy.session', 'gettextutils', 'jsonutils', 'log', 'rpc', 'rpc.common']);
    assert.deepEqual(s.namespaceLibraries, ['oslo.config', 'oslo.db', 'oslo.i18n', 'oslo.messaging', 'oslo.rootwrap']);
    assert.equal(s.rootwrap, true);
    assert.equal(s.privsep, false);
    assert.equal(s.migrationStatus, 'not-started');
    assert.equal(s.counts['incubator-import'], 20);
    assert.equal(s.counts['rootwrap-call'], 4);
    assert.equal(project.repo, 'openstack/aster');
    assert.deepEqual(project.skipped, []);
    assertValidReport(makeReport([project]));
  });
});

describe('a modern service on privsep (fixtures/projects/cedar)', () => {
  test('no false findings: only privsep usage and Oslo requirements', async () => {
    const project = await scanCheckout({ path: await fixtureRepo('cedar') });
    assert.deepEqual(project.findings.map(row), [
      'privsep-usage cedar/privsep/__init__.py:3 import',
      'privsep-usage cedar/privsep/__init__.py:4 import',
      'privsep-usage cedar/privsep/__init__.py:6 context',
      'privsep-usage cedar/privsep/fs.py:8 entrypoint',
      'privsep-usage cedar/privsep/fs.py:13 entrypoint',
      'oslo-requirement requirements.txt:3 pbr>=5.5.1',
      'oslo-requirement requirements.txt:4 oslo.concurrency>=5.0.1',
      'oslo-requirement requirements.txt:5 oslo.config>=9.0.0',
      'oslo-requirement requirements.txt:6 oslo.log>=5.0.0',
      'oslo-requirement requirements.txt:7 oslo.privsep>=2.8.0',
      'oslo-requirement requirements.txt:8 oslo.utils>=6.0.1',
      'oslo-requirement test-requirements.txt:1 hacking>=6.1.0,<6.2.0',
      'oslo-requirement test-requirements.txt:2 oslotest>=4.5.0',
    ]);
    assert.equal(project.summary.migrationStatus, 'clean');
    assert.equal(project.summary.privsep, true);
    assert.equal(project.summary.rootwrap, false);
    assertValidReport(makeReport([project]));
  });
});

describe('a project half way (fixtures/projects/birch)', () => {
  test('in progress: libraries adopted, copies and rootwrap left; daemon console script and pyproject-free setup.cfg', async () => {
    const project = await scanCheckout({ path: await fixtureRepo('birch') });
    assert.equal(project.summary.migrationStatus, 'in-progress');
    assert.deepEqual(project.summary.adoptedLibraries, ['oslo.config', 'oslo.log', 'oslo.rootwrap', 'oslo.utils']);
    assert.deepEqual(
      project.findings.filter((f) => f.kind === 'rootwrap-config').map(row),
      ['rootwrap-config etc/birch/rootwrap.d/network.filters:- filters', 'rootwrap-config setup.cfg:7 birch-rootwrap', 'rootwrap-config setup.cfg:8 birch-rootwrap-daemon'],
    );
    assertValidReport(makeReport([project]));
  });
});
