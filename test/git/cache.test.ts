import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cacheKey, fetchToCache, type CacheProgress } from '../../src/git/index.js';
import { scanCommit } from '../../src/pipeline/index.js';
import { HUMAN, simpleProject } from '../helpers/commits.js';
import { bareRemote, git, gitHttpServer, pushMore, remotesRoot } from '../helpers/remote.js';
import { tempDir } from '../helpers/tmp.js';

const gitIndex = fileURLToPath(new URL('../../src/git/index.js', import.meta.url));

test('the first run clones, a later run fetches and sees the new commits', async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'nova', simpleProject('nova'));
  const cacheDir = tempDir();
  const seen: CacheProgress[] = [];
  const first = await fetchToCache(remote.url, undefined, { cacheDir, onProgress: (p) => seen.push(p) });
  assert.equal(first.action, 'cloned');
  assert.equal(first.commit, git(remote.path, 'rev-parse', 'HEAD'));
  assert.ok(seen.some((p) => p.state === 'cloning'));
  assert.equal(first.gitDir, join(cacheDir, cacheKey(remote.url)));

  const head = await pushMore(remote, [{ date: '2016-01-01T00:00:00Z', author: HUMAN, message: 'More', files: { 'README.rst': 'nova\n' } }]);
  seen.length = 0;
  const second = await fetchToCache(remote.url, undefined, { cacheDir, onProgress: (p) => seen.push(p) });
  assert.equal(second.action, 'fetched');
  assert.equal(second.gitDir, first.gitDir);
  assert.equal(second.commit, head);
  assert.ok(seen.some((p) => p.state === 'fetching'));
  assert.ok(!seen.some((p) => p.state === 'cloning'));
});

test('--ref picks a branch, a tag or a commit, and an unknown ref fails at resolve', async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'cinder', simpleProject('cinder'));
  const tagged = git(remote.work, 'rev-parse', 'HEAD');
  git(remote.work, 'tag', '2015.1.0');
  git(remote.work, 'branch', 'stable/kilo');
  const later = await pushMore(remote, [{ date: '2016-02-02T00:00:00Z', author: HUMAN, message: 'Later', files: { 'x.txt': 'x' } }]);
  git(remote.work, 'push', '--quiet', remote.path, '2015.1.0', 'stable/kilo');
  const cacheDir = tempDir();
  assert.equal((await fetchToCache(remote.url, '2015.1.0', { cacheDir })).commit, tagged);
  assert.equal((await fetchToCache(remote.url, 'stable/kilo', { cacheDir })).commit, tagged);
  assert.equal((await fetchToCache(remote.url, 'master', { cacheDir })).commit, later);
  assert.equal((await fetchToCache(remote.url, tagged, { cacheDir })).commit, tagged);
  await assert.rejects(fetchToCache(remote.url, 'no-such-branch', { cacheDir }), (e: Error & { stage?: string }) => e.stage === 'resolve' && /unknown ref no-such-branch/.test(e.message));
});

test('a clone killed mid-transfer leaves nothing a later run trusts, and the next run clones cleanly', async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'glance', simpleProject('glance'));
  const server = await gitHttpServer(root);
  try {
    let release!: () => void;
    server.hold = new Promise<void>((res) => (release = res));
    const url = `${server.url}glance.git`;
    const cacheDir = tempDir();
    const script = `import { fetchToCache } from ${JSON.stringify(gitIndex)};\nawait fetchToCache(${JSON.stringify(url)}, undefined, { cacheDir: ${JSON.stringify(cacheDir)} });\n`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = new Promise((res) => child.on('exit', res));
    await server.held;
    child.kill('SIGKILL');
    await exited;

    // What the killed run left: its temp clone and its lock, and no repository in place.
    const key = cacheKey(url);
    assert.equal(existsSync(join(cacheDir, key)), false);
    assert.equal(readdirSync(join(cacheDir, '.oslo-audit-tmp')).length, 1);
    assert.equal(readdirSync(join(cacheDir, '.oslo-audit-locks')).filter((f) => f.endsWith('.lock')).length, 1);

    server.hold = null;
    release();
    const result = await fetchToCache(url, undefined, { cacheDir });
    assert.equal(result.action, 'cloned');
    assert.equal(result.commit, git(remote.path, 'rev-parse', 'HEAD'));
    assert.deepEqual(readdirSync(join(cacheDir, '.oslo-audit-tmp')), []);
    assert.deepEqual(readdirSync(join(cacheDir, '.oslo-audit-locks')), []);
    git(result.gitDir, 'fsck', '--connectivity-only');
  } finally {
    await server.close();
  }
});

test('a folder in place of a cached repository that is not one is replaced by a fresh clone', async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'heat', simpleProject('heat'));
  const cacheDir = tempDir();
  const dir = join(cacheDir, cacheKey(remote.url));
  mkdirSync(join(dir, 'objects'), { recursive: true });
  writeFileSync(join(dir, 'HEAD'), 'garbage\n');
  const result = await fetchToCache(remote.url, undefined, { cacheDir });
  assert.equal(result.action, 'cloned');
  assert.equal(result.commit, git(remote.path, 'rev-parse', 'HEAD'));
});

test('concurrent fetches of one repository in one cache all succeed and clone it once', async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'keystone', simpleProject('keystone'));
  const cacheDir = tempDir();
  const results = await Promise.all([1, 2, 3, 4].map(() => fetchToCache(remote.url, undefined, { cacheDir })));
  assert.equal(results.filter((r) => r.action === 'cloned').length, 1);
  assert.equal(new Set(results.map((r) => r.commit)).size, 1);
  git(results[0]!.gitDir, 'fsck');
});

test('over smart HTTP the clone is partial, the scanned commit has all its files, and credentials stay out of the cache', async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'neutron', simpleProject('neutron'));
  await pushMore(remote, [{ date: '2016-03-03T00:00:00Z', author: HUMAN, message: 'Use oslo_config', files: { 'neutron/api.py': 'from oslo_config import cfg\n' } }]);
  const server = await gitHttpServer(root);
  try {
    const cacheDir = tempDir();
    const url = `${server.url.replace('http://', 'http://ci-user:s3cr3t-token@')}neutron.git`;
    const result = await fetchToCache(url, undefined, { cacheDir });
    assert.equal(git(result.gitDir, 'config', 'remote.origin.promisor'), 'true');
    // The old version of api.py was never fetched; the current one was.
    const missing = git(result.gitDir, 'rev-list', '--objects', '--all', '--missing=print').split('\n').filter((l) => l.startsWith('?'));
    assert.equal(missing.length, 1);
    const project = await scanCommit(result.gitDir, result.commit, { name: 'neutron', repo: null, source: url });
    assert.ok(project.findings.some((f) => f.kind === 'incubator-copy' && f.detail.module === 'log'));
    assert.ok(!project.findings.some((f) => f.kind === 'namespace-import'), 'the scan reads the current api.py');
    assert.ok(!readFileSync(join(result.gitDir, 'config'), 'utf8').includes('s3cr3t'));
    assert.equal(git(result.gitDir, 'config', 'remote.origin.url'), `${server.url}neutron.git`);

    const missingRepo = `${server.url.replace('http://', 'http://ci-user:s3cr3t-token@')}nothing-here.git`;
    await assert.rejects(fetchToCache(missingRepo, undefined, { cacheDir }), (e: Error & { stage?: string }) => e.stage === 'clone' && !e.message.includes('s3cr3t') && e.message.length > 0);
  } finally {
    await server.close();
  }
});

test('a path in the URL that would leave the cache is refused before git runs', async () => {
  const cacheDir = tempDir();
  for (const url of ['https://opendev.org/openstack/../../../etc/passwd', 'https://opendev.org/%2e%2e/%2e%2e/x', 'ssh://git@host/../x.git', 'file:///srv/git/./x/../../y']) {
    await assert.rejects(fetchToCache(url, undefined, { cacheDir }), (e: Error & { stage?: string }) => e.stage === 'resolve' && /escape the cache/.test(e.message), url);
  }
  assert.deepEqual(readdirSync(cacheDir).filter((f) => !f.startsWith('.')), []);
});

test('the cache key tells remotes apart by transport, user and port', () => {
  const urls = ['/x/r1', 'https://local/x/r1', 'file:///x/r1', 'https://file/x/r1', 'http://file/x/r1', 'git://file/x/r1', 'ssh://file/x/r1', 'ssh://alice@file/x/r1', 'alice@file:x/r1', 'https://file:8443/x/r1'];
  const keys = urls.map((u) => cacheKey(u));
  assert.equal(new Set(keys).size, urls.length, keys.join(' '));
  assert.equal(cacheKey('https://opendev.org/openstack/nova'), 'opendev.org/openstack/nova.git');
  // Credentials are not part of a remote's identity, and never part of a path.
  assert.equal(cacheKey('https://ci:t0ken@opendev.org/openstack/nova'), 'opendev.org/openstack/nova.git');
});

test('a cached clone of another remote is not used: the requested one is cloned in its place', async () => {
  const root = remotesRoot();
  const nova = await bareRemote(root, 'ironic', simpleProject('ironic'));
  const other = await bareRemote(root, 'ironic-other', simpleProject('ironic-other', '2016-05-05T00:00:00Z'));
  const cacheDir = tempDir();
  const first = await fetchToCache(nova.url, undefined, { cacheDir });
  // The clone at this URL's place in the cache claims to come from elsewhere (and holds that content).
  git(first.gitDir, 'config', 'remote.origin.url', other.url);
  git(first.gitDir, 'fetch', '--quiet', other.url, '+refs/heads/*:refs/heads/*');
  const again = await fetchToCache(nova.url, undefined, { cacheDir });
  assert.equal(again.action, 'cloned');
  assert.equal(again.commit, git(nova.path, 'rev-parse', 'HEAD'));
  assert.equal(git(again.gitDir, 'config', 'remote.origin.url'), nova.url);
});

test('a shallow source over file://, which cannot serve a partial clone, is cloned whole instead of looping', { timeout: 120_000 }, async () => {
  const root = remotesRoot();
  const remote = await bareRemote(root, 'swift', simpleProject('swift'));
  await pushMore(remote, [{ date: '2016-06-06T00:00:00Z', author: HUMAN, message: 'More', files: { 'x.txt': 'x' } }]);
  const shallow = join(root, 'swift-shallow');
  git(root, 'clone', '--quiet', '--depth', '1', remote.url, shallow);
  const url = `file://${shallow}`;
  const result = await fetchToCache(url, undefined, { cacheDir: tempDir(), timeoutMs: 60_000 });
  assert.equal(result.action, 'cloned');
  assert.equal(result.commit, git(shallow, 'rev-parse', 'HEAD'));
});
