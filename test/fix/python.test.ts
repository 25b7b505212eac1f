// Rewrites of single Python snippets: edits keep every other byte, and the syntax guard holds.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptRewrites, analysePython, renderPython, RewriteCatalog } from '../../src/fix/index.js';
import { knowledge } from '../../src/knowledge/index.js';
import { parsePython } from '../../src/scan/index.js';

const catalog = new RewriteCatalog(knowledge());

function rewrite(text: string, file = 'pkg/mod.py'): { text: string; rejected: Map<string, string> } {
  const analysis = analysePython(text, file, catalog);
  const outcome = acceptRewrites(analysis, [...analysis.keys].sort());
  return { text: renderPython(analysis, new Set(outcome.accepted)), rejected: outcome.rejected };
}

test('a statement sharing its line with a block header stays in that block', () => {
  const before = 'import sys\nif sys.version_info[0] == 2: from oslo import i18n, messaging\n';
  const { text } = rewrite(before);
  assert.equal(text, 'import sys\nif sys.version_info[0] == 2: import oslo_i18n as i18n; import oslo_messaging as messaging\n');
  assert.equal(parsePython(text).rootNode.hasError, false);
});

test('a partly moved statement keeps its trailing comment and the other names', () => {
  const { text } = rewrite('from pkg.openstack.common import log as logging, jsonutils  # noqa\nx = 1\n');
  assert.equal(text, 'from pkg.openstack.common import log as logging  # noqa\nfrom oslo_serialization import jsonutils\nx = 1\n');
});

test('relative imports of the copy are swapped too', () => {
  const { text } = rewrite('from .openstack.common import timeutils\nfrom ..openstack.common.jsonutils import dumps\n', 'pkg/api/mod.py');
  assert.equal(text, 'from oslo_utils import timeutils\nfrom oslo_serialization.jsonutils import dumps\n');
});

test('CRLF files get CRLF in new lines, and the incubator alias is kept when the new module name differs', () => {
  const { text } = rewrite('from pkg.openstack.common import network_utils, log\r\n');
  assert.equal(text, 'from pkg.openstack.common import log\r\nfrom oslo_utils import netutils as network_utils\r\n');
});

test('a rewrite that would add a syntax error is refused and the file stays as it was', () => {
  const before = 'from oslo.config import cfg\n';
  const analysis = analysePython(before, 'pkg/mod.py', catalog);
  // A site as a faulty planner might produce: its edit breaks the statement.
  analysis.sites.push({ keys: ['namespace:oslo.config'], render: (active) => (active.has('namespace:oslo.config') ? [{ start: 0, end: 4, text: 'frm' }] : []) });
  const outcome = acceptRewrites(analysis, ['namespace:oslo.config']);
  assert.deepEqual(outcome.accepted, []);
  assert.equal(outcome.rejected.get('namespace:oslo.config'), 'the rewritten file would not parse');
});

test('text in comments, docstrings and strings that are not a whole dotted path is never rewritten', () => {
  const before = '"""from oslo.config import cfg"""\n# import oslo.messaging\nX = "use oslo.config.cfg"\nY = "oslo.config"\n';
  const analysis = analysePython(before, 'pkg/mod.py', catalog);
  assert.equal(analysis.keys.size, 0);
  assert.deepEqual(analysis.mentions.map((m) => [m.key, m.line]), [['namespace:oslo.config', 3], ['namespace:oslo.config', 4]]);
});
