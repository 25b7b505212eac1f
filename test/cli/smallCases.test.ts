// Small cases, each one clear line and the documented exit code.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText } from '../../src/scan/decode.js';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo, repoWith } from '../helpers/repo.js';

test('fix --only namespace:LIBRARY naming no Oslo library is a usage error', async () => {
  const aster = await fixtureRepo('aster');
  const r = await runCli(['fix', aster, '--only', 'namespace:oslo.nothing']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'oslo-audit fix: --only namespace:oslo.nothing: oslo.nothing is not an Oslo library imported through the oslo. namespace\n');
  const known = await runCli(['fix', aster, '--only', 'namespace:oslo.config']);
  assert.equal(known.code, 0, known.stderr);
});

test('a malformed ssh:// URL names the target', async () => {
  const r = await runCli(['scan', 'ssh://%zz@host/x.git', '-f', 'json', '--quiet']);
  assert.equal(r.code, 3);
  const project = JSON.parse(r.stdout).projects[0];
  assert.equal(project.error.stage, 'resolve');
  assert.match(project.error.message, /^refusing URL "ssh:\/\/%zz@host\/x\.git": its percent-encoding is malformed$/);
  assert.equal(r.stderr, `oslo-audit: ssh://%zz@host/x.git: ${project.error.message}\n`);
});

test('a UTF-16 file is skipped as utf-16, not binary', async () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('from oslo.config import cfg\n', 'utf16le')]);
  const noBom = Buffer.from('import os\nimport sys\n', 'utf16le');
  assert.deepEqual(decodeText(le), { reason: 'utf-16' });
  assert.deepEqual(decodeText(noBom), { reason: 'utf-16' });
  assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48])), { reason: 'binary' });
  // With its byte-order mark, UTF-16 of characters none of whose bytes is NUL (big- and little-endian).
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文', 'utf16le')])), { reason: 'utf-16' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('中文', 'utf16le').swap16()])), { reason: 'utf-16' });
  // A byte that starts no BOM, and no NUL: text.
  assert.deepEqual(decodeText(Buffer.from('x = 1\n')), { text: 'x = 1\n' });
  const repo = await repoWith({ 'proj/wide.py': le, 'proj/__init__.py': '' }, 'wide');
  const r = await runCli(['scan', repo, '-f', 'json', '--quiet', '--no-cache']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).projects[0].skipped, [{ file: 'proj/wide.py', reason: 'utf-16' }]);
});
