// Every git entry point of src/git under an environment set to mislead git: GIT_DIR and friends
// pointing at another repository, settings injected through GIT_CONFIG_COUNT/GIT_CONFIG_PARAMETERS
// that run a program (core.fsmonitor, core.hooksPath, uploadpack.packObjectsHook), pagers, editors,
// an external diff and literal pathspecs. Each must answer about the repository it was given, with
// the same answers as in a clean environment, and no program of the environment's may run.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  activityOf, applyAllOrNothing, assertCleanTree, blobChanges, BlobReader, changedPaths, commitEnv, commitInfo, datePoints, fetchToCache,
  fileVersions, gitEnv, gitTreeSource, headCommit, historyOf, historySpan, historyTips, isShallow, onBranch, openCheckout, openRepository,
  openTree, parentOf, reachableCommits, readBlobs, readFileAtCommit, readTrackedTexts, refPoints, tagCommit, tagPoints, tagsOf,
  trackedPaths, writeCommits, type CommitSpec,
} from '../../src/git/index.js';
import { tempDir } from '../helpers/tmp.js';

const DEV = 'Jane Developer <jane@example.org>';
const API_V1 = 'from oslo.config import cfg\n';
const API_V2 = 'from oslo_config import cfg\n';

const COMMITS: CommitSpec[] = [
  {
    date: '2014-01-10T10:00:00Z',
    author: DEV,
    message: 'Initial import',
    files: { 'pkg/__init__.py': '', 'pkg/api.py': API_V1, 'pkg/openstack/common/log.py': 'import logging\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\n' },
  },
  {
    // A sync told by its files only (the conf and a copy together): found by the narrow read, whose
    // `:(literal)` pathspecs GIT_LITERAL_PATHSPECS would turn into paths that match nothing.
    date: '2014-06-10T10:00:00Z',
    author: DEV,
    message: 'Refresh common code',
    files: { 'pkg/api.py': API_V2, 'pkg/openstack/common/log.py': 'import logging  # newer\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nbase=pkg\n' },
  },
];

const work = tempDir();
const repo = join(work, 'repo');
const decoy = join(work, 'decoy');
const bare = join(work, 'remote.git');
const marker = join(work, 'marker');
const hooks = join(work, 'hooks');
const script = join(work, 'run-me');
const cleanEnv = { ...process.env };
let first = '';
let second = '';
let decoyHead = '';

function plainGit(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: cleanEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const HOSTILE = (): Record<string, string> => ({
  GIT_DIR: join(decoy, '.git'),
  GIT_WORK_TREE: decoy,
  GIT_INDEX_FILE: join(decoy, '.git', 'index'),
  GIT_OBJECT_DIRECTORY: join(decoy, '.git', 'objects'),
  GIT_CONFIG_COUNT: '3',
  GIT_CONFIG_KEY_0: 'core.fsmonitor',
  GIT_CONFIG_VALUE_0: script,
  GIT_CONFIG_KEY_1: 'core.hooksPath',
  GIT_CONFIG_VALUE_1: hooks,
  GIT_CONFIG_KEY_2: 'uploadpack.packObjectsHook',
  GIT_CONFIG_VALUE_2: script,
  GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${script}'`,
  PAGER: script,
  GIT_PAGER: script,
  EDITOR: script,
  VISUAL: script,
  GIT_EDITOR: script,
  GIT_SEQUENCE_EDITOR: script,
  GIT_EXTERNAL_DIFF: script,
  GIT_LITERAL_PATHSPECS: '1',
});
const saved: Record<string, string | undefined> = {};

before(async () => {
  // Every program the environment names notes that it ran, then does its job (a pack-objects hook
  // must run pack-objects, or the clone would fail instead of telling).
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nif [ "$1" = git ]; then exec "$@"; fi\nexit 0\n`);
  chmodSync(script, 0o755);
  mkdirSync(hooks);
  for (const hook of ['pre-commit', 'commit-msg', 'post-commit']) {
    writeFileSync(join(hooks, hook), readFileSync(script));
    chmodSync(join(hooks, hook), 0o755);
  }
  second = await writeCommits(repo, COMMITS);
  first = plainGit(repo, 'rev-parse', 'HEAD~1');
  plainGit(repo, 'tag', '1.0', first);
  decoyHead = await writeCommits(decoy, [{ date: '2013-01-01T00:00:00Z', author: DEV, message: 'Decoy', files: { 'decoy.txt': 'not this one\n' } }]);
  plainGit(work, 'clone', '--quiet', '--bare', repo, bare);

  // The environment can fool git run plainly: the test would see it if it fooled ours.
  const fooled = spawnSync('git', ['status', '--porcelain'], { cwd: repo, env: { ...cleanEnv, ...HOSTILE() }, encoding: 'utf8' });
  assert.equal(fooled.status, 0, fooled.stderr);
  assert.ok(existsSync(marker), 'core.fsmonitor from GIT_CONFIG_COUNT runs for plain git');
  rmSync(marker);

  for (const [k, v] of Object.entries(HOSTILE())) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});

after(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const noProgramRan = () => assert.equal(existsSync(marker) ? readFileSync(marker, 'utf8') : '', '', 'a program named by the environment ran');

test('the environment policy drops what misleads git and keeps the way to remotes and identity', () => {
  const env = gitEnv({ GIT_AUTHOR_NAME: 'Set on purpose' });
  for (const name of Object.keys(HOSTILE())) assert.equal(env[name], undefined, name);
  const kept = { GIT_SSH_COMMAND: 'ssh -i key', GIT_ASKPASS: '/bin/askpass', HTTPS_PROXY: 'http://proxy:3128', GIT_CONFIG_GLOBAL: '/home/x/.gitconfig', GIT_COMMITTER_EMAIL: 'j@example.org' };
  Object.assign(process.env, kept);
  try {
    const withUser = gitEnv();
    for (const [k, v] of Object.entries(kept)) assert.equal(withUser[k], v, k);
  } finally {
    for (const k of Object.keys(kept)) delete process.env[k];
  }
  assert.equal(env['GIT_AUTHOR_NAME'], 'Set on purpose');
  assert.equal(env['GIT_TERMINAL_PROMPT'], '0');
});

test('git writes its output in blocks, whatever the user set: no flush after every commit', () => {
  const saved = process.env['GIT_FLUSH'];
  process.env['GIT_FLUSH'] = '1';
  try {
    assert.equal(gitEnv()['GIT_FLUSH'], '0');
  } finally {
    if (saved === undefined) delete process.env['GIT_FLUSH'];
    else process.env['GIT_FLUSH'] = saved;
  }
});

test('history, activity and points answer about the repository given', async () => {
  const history = await historyOf(repo, second);
  assert.equal(history.tip, second);
  assert.deepEqual(history.times, [Date.parse(COMMITS[1]!.date) / 1000, Date.parse(COMMITS[0]!.date) / 1000]);
  assert.equal(history.lastSync, Date.parse(COMMITS[1]!.date) / 1000, 'the sync found through the :(literal) pathspecs');
  assert.deepEqual(Object.keys(history.moduleTimes), ['log']);
  assert.equal((await activityOf(repo, 'HEAD', { now: new Date('2014-07-01T00:00:00Z') })).lastIncubatorSync, '2014-06-10T10:00:00Z');
  const span = await historySpan(repo, 'HEAD');
  assert.deepEqual([span.first.commit, span.last.commit], [first, second]);
  assert.deepEqual((await tagPoints(repo, [])).map((p) => [p.label, p.commit]), [['1.0', first]]);
  assert.deepEqual((await refPoints(repo, ['1.0', 'HEAD'])).map((p) => p.commit), [first, second]);
  assert.deepEqual((await datePoints(repo, 'HEAD', [new Date('2014-03-01T00:00:00Z')])).map((p) => p.commit), [first]);
  await tagCommit(repo, '2.0', second);
  assert.equal(plainGit(repo, 'rev-parse', '2.0'), second);
  assert.deepEqual((await tagsOf(repo)).map((t) => t.tag), ['2.0', '1.0']);
  assert.equal(await isShallow(repo), false);
  noProgramRan();
});

test('evidence, file versions and single files are read from the repository given', async () => {
  assert.deepEqual(await commitInfo(repo, second), { commit: second, date: '2014-06-10', subject: 'Refresh common code' });
  assert.equal(await parentOf(repo, second), first);
  assert.deepEqual(await readTrackedTexts(repo, ['pkg/api.py', 'decoy.txt']), { 'pkg/api.py': API_V2, 'decoy.txt': null });
  assert.deepEqual(await trackedPaths(repo), plainGit(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n'));
  const changes = await blobChanges(repo, 'pkg/openstack/common');
  assert.deepEqual([...new Set(changes.map((c) => c.commit))].sort(), [first, second].sort());
  assert.deepEqual([...(await reachableCommits(repo))].sort(), [first, second].sort());
  assert.equal((await historyTips(repo)).head, second);
  const versions = (await fileVersions(repo, ['pkg/api.py'])).get('pkg/api.py')!;
  assert.deepEqual(versions.map((v) => v.commit), [second, first]);
  const reader = new BlobReader(repo);
  try {
    assert.equal(await reader.read(versions[1]!.blob!), API_V1);
  } finally {
    reader.close();
  }
  assert.equal((await readFileAtCommit(repo, first, 'pkg/api.py')).toString(), API_V1);
  noProgramRan();
});

test('checkouts, trees and blobs are those of the repository given', async () => {
  assert.deepEqual(await openCheckout(repo), { root: repo, commit: second });
  assert.deepEqual(await openRepository(bare), { root: bare, commit: second });
  const source = gitTreeSource(repo, second);
  const entries = await source.entries();
  assert.ok(entries.some((e) => e.path === 'pkg/api.py') && !entries.some((e) => e.path === 'decoy.txt'));
  const api = entries.filter((e) => e.path === 'pkg/api.py');
  for await (const read of readBlobs(repo, api)) assert.equal(read.data?.toString(), API_V2);
  for (const tree of [await openTree(repo, first), await source.open!()]) {
    const wanted = tree.entries.filter((e) => e.path === 'pkg/api.py');
    const texts: string[] = [];
    for await (const read of tree.read(wanted)) texts.push(read.data!.toString());
    assert.equal(texts.length, 1);
  }
  noProgramRan();
});

test('the work tree, new commits and all-or-nothing commits touch the repository given', async () => {
  assert.deepEqual(await changedPaths(repo), [], 'the decoy index would make every file look changed');
  await assertCleanTree(repo, 'repo');
  assert.equal(await onBranch(repo), true);
  assert.equal(await headCommit(repo), second);
  const third = await writeCommits(repo, [{ date: '2014-09-01T10:00:00Z', author: DEV, message: 'Third', files: { 'pkg/new.py': 'x = 1\n' } }]);
  assert.equal(plainGit(repo, 'rev-parse', 'HEAD'), third);
  const fourth = await applyAllOrNothing([repo], async (step) => {
    step.willWrite(repo, 'pkg/more.py');
    writeFileSync(join(repo, 'pkg/more.py'), 'y = 2\n');
    return step.commit(repo, ['pkg/more.py'], 'Fourth', commitEnv(DEV, '2014-10-01T10:00:00Z'));
  });
  assert.equal(plainGit(repo, 'rev-parse', 'HEAD'), fourth);
  assert.equal(plainGit(repo, 'rev-parse', 'HEAD~1'), third);
  assert.equal(plainGit(decoy, 'rev-parse', 'HEAD'), decoyHead, 'the decoy is untouched');
  noProgramRan();
});

test('the clone cache clones and fetches the remote given, running no hook of the environment', async () => {
  const cacheDir = tempDir();
  const url = pathToFileURL(bare).href;
  const cloned = await fetchToCache(url, undefined, { cacheDir });
  assert.equal(cloned.action, 'cloned');
  assert.equal(cloned.commit, second);
  const fetched = await fetchToCache(url, '1.0', { cacheDir });
  assert.deepEqual([fetched.action, fetched.commit], ['fetched', first]);
  assert.equal(plainGit(cloned.gitDir, 'rev-parse', 'HEAD'), second);
  noProgramRan();
});
