// Config files parsed as what they are: openstack-common.conf, requirements, setup.cfg, pyproject.toml.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confBase, confModules, parseRequirements, pyprojectScripts, setupCfgScripts } from '../../src/scan/index.js';

test('openstack-common.conf: module= lines, modules= lists with continuation, slash forms, script= and base=', () => {
  const conf = ['[DEFAULT]', '', '# comment module=nope', 'module=log', 'modules=rpc,  notifier/api,', '    middleware/request_id', 'script = tools/colorizer.py', 'module = thread_group', 'base=nova', ''].join('\n');
  assert.deepEqual(confModules(conf), [
    { module: 'log', line: 4, column: 8 },
    { module: 'rpc', line: 5, column: 9 },
    { module: 'notifier.api', line: 5, column: 15 },
    { module: 'middleware.request_id', line: 6, column: 5 },
    { module: 'thread_group', line: 8, column: 10 },
  ]);
  assert.equal(confBase(conf), 'nova');
});

test('requirements: names, specs, markers, extras; comments, options and URLs passed over', () => {
  const text = ['# header', 'oslo.config>=1.2.0,<2.0  # Apache-2.0', 'oslo.messaging[amqp1] >= 5.0 ; python_version >= "3"', '-r other.txt', '-e git+https://x/y#egg=z', 'https://x/y.tar.gz', '  pbr', ''].join('\n');
  assert.deepEqual(
    parseRequirements(text).map((r) => [r.name, r.spec, r.marker, r.line]),
    [
      ['oslo.config', '>=1.2.0,<2.0', '', 2],
      ['oslo.messaging', '>= 5.0', 'python_version >= "3"', 3],
      ['pbr', '', '', 7],
    ],
  );
});

test('setup.cfg console_scripts and pyproject [project.scripts]', () => {
  const cfg = ['[entry_points]', 'console_scripts =', '    nova-api = nova.cmd.api:main', '    nova-rootwrap = oslo_rootwrap.cmd:main', 'oslo.config.opts =', '    nova = nova.opts:list', ''].join('\n');
  assert.deepEqual(setupCfgScripts(cfg).map((s) => [s.name, s.target, s.line]), [
    ['nova-api', 'nova.cmd.api:main', 3],
    ['nova-rootwrap', 'oslo_rootwrap.cmd:main', 4],
  ]);
  const toml = ['[project]', 'name = "nova"', '[project.scripts]', 'nova-api = "nova.cmd.api:main"', '"nova-rootwrap" = "oslo_rootwrap.cmd:main"', '[tool.x]', 'a-rootwrap = "no"', ''].join('\n');
  assert.deepEqual(pyprojectScripts(toml).map((s) => [s.name, s.line]), [
    ['nova-api', 4],
    ['nova-rootwrap', 5],
  ]);
});

test('requirement files: today\'s names anywhere, and the 2013 tools/pip-requires and tools/test-requires', async () => {
  const { isRequirementsFile } = await import('../../src/scan/detectors/requirements.js');
  assert.deepEqual(
    ['requirements.txt', 'doc/requirements.txt', 'test-requirements.txt', 'tools/pip-requires', 'tools/test-requires', 'tools/other', 'requirements.in'].map(isRequirementsFile),
    [true, true, true, true, true, false, false],
  );
});
