import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTarget, parseTargetList, resolveTargets, SourceError, targetsFromFile } from '../../src/sources/index.js';
import { tempDir } from '../helpers/tmp.js';

test('targets of every form: local path, URLs, scp-like ssh, namespace/name on the base URL', () => {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'checkouts', 'nova'), { recursive: true });
  mkdirSync(join(cwd, 'openstack', 'cinder'), { recursive: true });

  const local = parseTarget('checkouts/nova', { cwd });
  assert.deepEqual([local.location, local.name, local.source], [{ kind: 'path', path: join(cwd, 'checkouts', 'nova') }, 'nova', 'checkouts/nova']);
  // An existing folder wins over the namespace/name reading.
  assert.equal(parseTarget('openstack/cinder', { cwd }).location.kind, 'path');

  const byName = parseTarget('openstack/nova', { cwd });
  assert.deepEqual(byName.location, { kind: 'url', url: 'https://opendev.org/openstack/nova' });
  assert.equal(byName.repo, 'openstack/nova');
  assert.equal(byName.name, 'nova');
  assert.equal(parseTarget('openstack/nova', { cwd, baseUrl: 'https://github.com' }).source, 'https://github.com/openstack/nova');

  const https = parseTarget('https://ci:t0ken@opendev.org/openstack/glance.git', { cwd });
  assert.equal(https.source, 'https://opendev.org/openstack/glance.git');
  assert.equal(https.id, https.source);
  assert.equal(https.name, 'glance');
  assert.equal(https.repoHint, 'openstack/glance');
  assert.deepEqual(https.location, { kind: 'url', url: 'https://ci:t0ken@opendev.org/openstack/glance.git' });

  const scp = parseTarget('git@github.com:openstack/heat.git', { cwd });
  assert.deepEqual([scp.location.kind, scp.name, scp.repoHint], ['url', 'heat', 'openstack/heat']);
  const file = parseTarget('file:///srv/git/ironic.git', { cwd });
  assert.deepEqual([file.location.kind, file.name, file.repoHint], ['url', 'ironic', null]);

  // Not there, not a URL, not namespace/name: a path whose absence the scan reports.
  assert.equal(parseTarget('missing-dir', { cwd }).location.kind, 'path');
});

test('list files: one target a line, # comments, blank lines, paths relative to the file', () => {
  assert.deepEqual(parseTargetList('# team list\nopenstack/nova\n\n  openstack/cinder   # block storage\nhttps://example.org/x.git#frag\n'), [
    'openstack/nova',
    'openstack/cinder',
    'https://example.org/x.git#frag',
  ]);
  const dir = tempDir();
  mkdirSync(join(dir, 'lists', 'nova'), { recursive: true });
  writeFileSync(join(dir, 'lists', 'targets.txt'), 'nova\nopenstack/keystone\n');
  const targets = targetsFromFile(join(dir, 'lists', 'targets.txt'));
  assert.deepEqual(targets[0]!.location, { kind: 'path', path: join(dir, 'lists', 'nova') });
  assert.equal(targets[1]!.source, 'https://opendev.org/openstack/keystone');
  assert.throws(() => targetsFromFile(join(dir, 'nope.txt')), (e: Error) => e instanceof SourceError && /cannot read target list .*nope\.txt: ENOENT/.test(e.message));
});

test('targets from all sources are mixed and each kept once; a bad base URL is refused', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'list.txt'), 'openstack/nova\nopenstack/swift\n');
  const targets = await resolveTargets({ args: ['openstack/nova', 'https://opendev.org/openstack/swift'], lists: [join(dir, 'list.txt')], cwd: dir });
  assert.deepEqual(targets.map((t) => t.source), ['https://opendev.org/openstack/nova', 'https://opendev.org/openstack/swift']);
  await assert.rejects(resolveTargets({ args: ['openstack/nova'], baseUrl: 'ext::sh -c x' }), SourceError);
  await assert.rejects(resolveTargets({ args: ['openstack/nova'], baseUrl: 'opendev.org' }), /--base-url must be a URL/);
});
