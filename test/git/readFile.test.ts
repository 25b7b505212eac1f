import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fetchToCache, readFileAtCommit, SourceUnavailableError } from '../../src/git/index.js';
import { tempDir } from '../helpers/tmp.js';
import { readProjectSource, scanCheckout } from '../../src/pipeline/index.js';
import { DEV, repoWithHistory } from '../helpers/repo.js';

async function twoCommits() {
  const dir = await repoWithHistory([
    { date: '2014-05-06T10:00:00Z', author: DEV, message: 'first', files: { 'nova/api.py': 'from oslo.config import cfg\n', 'link.py': { symlink: '../outside.py' }, 'blob.bin': Buffer.from([0, 1, 2]) } },
    { date: '2014-06-06T10:00:00Z', author: DEV, message: 'second', files: { 'nova/api.py': 'from oslo_config import cfg\n' } },
  ]);
  const { simpleGit } = await import('simple-git');
  const [second, first] = (await simpleGit({ baseDir: dir }).raw(['rev-list', 'HEAD'])).trim().split('\n') as [string, string];
  return { dir, first, second };
}

test('readFileAtCommit reads the file as it was at that commit, not the work tree', async () => {
  const { dir, first, second } = await twoCommits();
  assert.equal((await readFileAtCommit(dir, first, 'nova/api.py')).toString(), 'from oslo.config import cfg\n');
  assert.equal((await readFileAtCommit(dir, second, 'nova/api.py')).toString(), 'from oslo_config import cfg\n');
});

test('readFileAtCommit refuses paths that leave the repository, options, symlinks and unknown commits', async () => {
  const { dir, first } = await twoCommits();
  for (const path of ['../etc/passwd', '/etc/passwd', 'nova/../../x', '', 'nova//api.py', 'a\nb']) {
    await assert.rejects(readFileAtCommit(dir, first, path), SourceUnavailableError, JSON.stringify(path));
  }
  await assert.rejects(readFileAtCommit(dir, '--output=/tmp/x', 'nova/api.py'), /refusing ref/);
  await assert.rejects(readFileAtCommit(dir, first, 'link.py'), /is a symlink/);
  await assert.rejects(readFileAtCommit(dir, first, 'missing.py'), /not in commit/);
  await assert.rejects(readFileAtCommit(dir, 'f'.repeat(40), 'nova/api.py'), /has no commit ffffffffff/);
});

test('readProjectSource reads from the scanned checkout, and says why when it cannot', async () => {
  const { dir } = await twoCommits();
  const project = await scanCheckout({ path: dir });
  assert.equal(await readProjectSource(project, 'nova/api.py'), 'from oslo_config import cfg\n');
  await assert.rejects(readProjectSource(project, 'blob.bin'), /blob\.bin is binary/);
  await assert.rejects(readProjectSource({ ...project, source: join(dir, 'gone') }, 'nova/api.py'), /no checkout or cached clone of/);
  await assert.rejects(readProjectSource({ ...project, source: 'https://opendev.org/openstack/nova' }, 'nova/api.py'), /no checkout or cached clone of https:/);
  await assert.rejects(readProjectSource({ ...project, commit: null }, 'nova/api.py'), /no scanned commit/);
});

test('readProjectSource reads a remote target from its clone in the cache', async () => {
  const { dir, second } = await twoCommits();
  const url = pathToFileURL(dir).href;
  const cacheDir = tempDir();
  await fetchToCache(url, undefined, { cacheDir });
  const project = { ...(await scanCheckout({ path: dir })), source: url, commit: second };
  assert.equal(await readProjectSource(project, 'nova/api.py', { cacheDir }), 'from oslo_config import cfg\n');
  await assert.rejects(readProjectSource(project, 'nova/api.py', { cacheDir: tempDir() }), /no checkout or cached clone/);
});
