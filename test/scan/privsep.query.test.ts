// queries/privsep.scm: contexts and entrypoints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsIn, lines } from '../helpers/python.js';

test('PrivContext calls, bare or through a module', () => {
  const src = ["ctx = priv_context.PrivContext('nova', cfg_section='x')", 'other = PrivContext(', "    'a')", ''].join('\n');
  assert.deepEqual(lines(findingsIn(src)), ['privsep-usage 1 context', 'privsep-usage 2 context']);
});

test('entrypoint and entrypoint_with_timeout decorators', () => {
  const src = ['@nova.privsep.sys_admin_pctxt.entrypoint', 'def a(): pass', '', '@ctx.entrypoint_with_timeout(30)', 'def b(): pass', ''].join('\n');
  assert.deepEqual(lines(findingsIn(src)), ['privsep-usage 1 entrypoint', 'privsep-usage 4 entrypoint']);
});

test('negative: other decorators and names', () => {
  const src = ['@entrypoint', 'def a(): pass', '@ctx.entrypoints', 'def b(): pass', '@property', 'def c(self): pass', 'x = PrivContextFactory()', "s = 'PrivContext(x)'", ''].join('\n');
  assert.deepEqual(findingsIn(src), []);
});
