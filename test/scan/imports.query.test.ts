// queries/imports.scm, through the detector: incubator imports, namespace imports, rootwrap and privsep imports.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsIn, lines, adoptedIn } from '../helpers/python.js';

describe('incubator imports', () => {
  test('from <pkg>.openstack.common import a, b as c: one finding per module', () => {
    const f = findingsIn('from nova.openstack.common import log as logging, jsonutils\n');
    assert.deepEqual(lines(f), ['incubator-import 1 log', 'incubator-import 1 jsonutils']);
    const log = f[0]!;
    assert.equal(log.kind, 'incubator-import');
    if (log.kind === 'incubator-import') {
      assert.deepEqual(log.detail.successor, { import: 'oslo_log.log', package: 'oslo.log' });
      assert.equal(log.detail.fate, 'graduated');
      assert.equal(log.detail.insideCopy, false);
    }
  });

  test('names imported from a module are attributes of it: gettextutils, once per statement', () => {
    assert.deepEqual(lines(findingsIn('from nova.openstack.common.gettextutils import _, _LE, _LW\n')), ['incubator-import 1 gettextutils']);
  });

  test('import <pkg>.openstack.common.log as logging', () => {
    assert.deepEqual(lines(findingsIn('import nova.openstack.common.log as logging\n')), ['incubator-import 1 log']);
  });

  test('submodules of packages: db.sqlalchemy.session', () => {
    assert.deepEqual(lines(findingsIn('from nova.openstack.common.db.sqlalchemy import session\n')), ['incubator-import 1 db.sqlalchemy.session']);
  });

  test('parenthesised, multi-line and inside functions and try blocks', () => {
    const src = [
      'def f():',
      '    try:',
      '        from nova.openstack.common import (',
      '            importutils,',
      '            timeutils as tu)',
      '    except ImportError:',
      '        pass',
      '',
    ].join('\n');
    assert.deepEqual(lines(findingsIn(src)), ['incubator-import 3 importutils', 'incubator-import 3 timeutils']);
  });

  test('relative imports inside the copy resolve against the file', () => {
    const file = 'nova/openstack/common/db/sqlalchemy/session.py';
    const f = findingsIn('from . import utils\nfrom .. import api\nfrom ..sqlalchemy import models\n', file);
    assert.deepEqual(lines(f), ['incubator-import 1 db.sqlalchemy.utils', 'incubator-import 2 db.api', 'incubator-import 3 db.sqlalchemy.models']);
    assert.ok(f.every((x) => x.kind === 'incubator-import' && x.detail.insideCopy));
  });

  test('a module the knowledge base does not know is reported as unknown, not guessed', () => {
    const [f] = findingsIn('from nova.openstack.common import frobnicate\n');
    assert.ok(f && f.kind === 'incubator-import');
    if (f.kind === 'incubator-import') {
      assert.equal(f.detail.module, 'frobnicate');
      assert.equal(f.detail.fate, 'unknown');
      assert.equal(f.detail.successor, null);
    }
  });

  test('a name that is a module of this copy, though unknown to the knowledge base, is that module', () => {
    assert.deepEqual(lines(findingsIn('from nova.openstack.common.local import store\n', 'nova/x.py', ['local.store'])), ['incubator-import 1 local.store']);
  });

  test('negative: other packages, strings, comments and docstrings', () => {
    const src = [
      '"""Docs: from nova.openstack.common import log"""',
      '# import nova.openstack.common.log',
      'x = "from oslo.config import cfg"',
      'from nova.openstack import compute',
      'from nova.common import utils',
      'import openstackclient.common.utils',
      '',
    ].join('\n');
    assert.deepEqual(findingsIn(src), []);
  });
});

describe('namespace imports', () => {
  test('every statement form, with the new import', () => {
    const src = [
      'from oslo.config import cfg',
      'import oslo.messaging as messaging',
      'import oslo.i18n',
      'from oslo import messaging, i18n as oi18n',
      'from oslo.db.sqlalchemy import (session,',
      '                                utils)',
      '',
    ].join('\n');
    const f = findingsIn(src);
    assert.deepEqual(lines(f), [
      'namespace-import 1 oslo.config',
      'namespace-import 2 oslo.messaging',
      'namespace-import 3 oslo.i18n',
      'namespace-import 4 oslo.messaging',
      'namespace-import 4 oslo.i18n',
      'namespace-import 5 oslo.db',
    ]);
    assert.deepEqual(
      f.map((x) => (x.kind === 'namespace-import' ? x.detail.new : '')),
      ['oslo_config', 'oslo_messaging', 'oslo_i18n', 'oslo_messaging', 'oslo_i18n', 'oslo_db'],
    );
  });

  test('one finding per library per statement', () => {
    assert.deepEqual(lines(findingsIn('import oslo.config.cfg, oslo.config.types\n')), ['namespace-import 1 oslo.config']);
  });

  test('oslo.sphinx maps to oslosphinx as the reference says', () => {
    const [f] = findingsIn('import oslo.sphinx\n');
    assert.ok(f?.kind === 'namespace-import' && f.detail.new === 'oslosphinx');
  });

  test('negative: current-form imports, entry-point strings, bare oslo, relative imports', () => {
    const src = ['from oslo_config import cfg', 'import oslo_messaging', "ep = 'oslo.config.opts'", 'import oslo', 'from .oslo import config', ''].join('\n');
    assert.deepEqual(findingsIn(src), []);
  });

  test('current-form imports mark libraries adopted; namespace forms do not', () => {
    assert.deepEqual(adoptedIn('from oslo_utils import timeutils\nimport oslo_config.cfg\nfrom oslo.log import log\nimport stevedore\n'), [
      'oslo.config',
      'oslo.utils',
      'stevedore',
    ]);
  });
});

describe('rootwrap and privsep imports', () => {
  test('oslo_rootwrap and oslo.rootwrap imports', () => {
    const f = findingsIn('from oslo_rootwrap import client\nimport oslo_rootwrap.cmd\nfrom oslo.rootwrap import wrapper\nfrom oslo import rootwrap\n');
    assert.deepEqual(
      f.filter((x) => x.kind === 'rootwrap-import').map((x) => `${x.line} ${(x.detail as { module: string }).module}`),
      ['1 oslo_rootwrap', '2 oslo_rootwrap.cmd', '3 oslo.rootwrap', '4 oslo.rootwrap'],
    );
  });

  test('oslo_privsep imports are privsep usage', () => {
    assert.deepEqual(lines(findingsIn('from oslo_privsep import priv_context\nimport oslo_privsep.capabilities as caps\n')), [
      'privsep-usage 1 import',
      'privsep-usage 2 import',
    ]);
  });

  test('negative: names that merely contain rootwrap or privsep', () => {
    assert.deepEqual(findingsIn('from nova import rootwrap_utils\nimport my_privsep\nfrom os_brick.privileged import rootwrap\n'), []);
  });
});

describe('imports that only look like the copy', () => {
  test("a project's own openstack/common module is not the incubator copy", () => {
    const src = ['from nova.api.openstack import common', 'from nova.api.openstack.common import get_limit', 'import nova.api.openstack.common', ''].join('\n');
    assert.deepEqual(findingsIn(src, 'nova/api/openstack/compute/servers.py'), []);
  });

  test("another project's copy is still incubator code", () => {
    assert.deepEqual(lines(findingsIn('from novaclient.openstack.common import strutils\n')), ['incubator-import 1 strutils']);
  });
});
