// `fix --apply` is all or nothing: a refused commit, an interrupt during a slow hook, a locked index
// leave the checkout as it was (index, work tree, branch), and nothing keeps running.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { COMMIT_ENV, fixRepo, git, trackedTree } from '../helpers/fix.js';

const BIN = join(packageRoot, 'bin', 'oslo-audit.js');


function hook(dir: string, body: string): void {
  const path = join(dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** Where the checkout stands: HEAD, branch, tracked files and `git status`. */
function standing(dir: string) {
  return { head: git(dir, 'rev-parse', 'HEAD'), branch: git(dir, 'symbolic-ref', 'HEAD'), status: git(dir, 'status', '--porcelain', '--untracked-files=all'), tree: trackedTree(dir) };
}

/** The process has ended (a zombie waiting for its reaper counts as ended). */
const gone = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return true;
  }
};

test('a hook refusing the second commit: the first is undone too, and the error says so', async () => {
  const dir = await fixRepo('incubator-swap');
  const before = standing(dir);
  // Refuses once one commit has been made on top of the starting point.
  hook(dir, `[ "$(git rev-parse HEAD)" = "${before.head.trim()}" ] && exit 0\necho "hook says no" >&2\nexit 1`);
  const r = spawnSync(process.execPath, [BIN, 'fix', dir, '--apply'], { encoding: 'utf8', env: COMMIT_ENV });
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^oslo-audit fix: --apply failed, nothing changed: .*1 commit made and undone \([0-9a-f]{10} "Use lockutils from oslo\.concurrency"\).* is back at /);
  assert.deepEqual(standing(dir), before);
  // And a re-run, without the hook, starts on a clean tree and makes all three commits.
  hook(dir, 'exit 0');
  const again = spawnSync(process.execPath, [BIN, 'fix', dir, '--apply'], { encoding: 'utf8', env: COMMIT_ENV });
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout.trim().split('\n').length, 3);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} during a slow pre-commit hook: exit 130, the checkout as it was, no process left`, async () => {
    const dir = await fixRepo('incubator-swap');
    const before = standing(dir);
    const pidFile = join(dir, '.git', 'hook.pid');
    // The hook's own process becomes a long sleep; it records its pid first.
    hook(dir, `echo $$ > "${pidFile}"\nexec sleep 300`);
    const child = spawn(process.execPath, [BIN, 'fix', dir, '--apply'], { env: COMMIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 50));
    const hookPid = Number(readFileSync(pidFile, 'utf8').trim());
    // Files are written and staged by now.
    assert.notEqual(git(dir, 'status', '--porcelain'), '');
    child.kill(signal);
    assert.equal(await exited, 130, stderr);
    assert.match(stderr, /--apply stopped, nothing changed: interrupted .*no commit was made/);
    assert.ok(gone(hookPid), 'the hook was stopped with the run');
    assert.equal(existsSync(join(dir, '.git', 'index.lock')), false);
    rmSync(pidFile);
    assert.deepEqual(standing(dir), before);
  });
}

test('a stale index.lock is refused before anything is written', async () => {
  const dir = await fixRepo('incubator-swap');
  const before = standing(dir);
  writeFileSync(join(dir, '.git', 'index.lock'), '');
  const r = spawnSync(process.execPath, [BIN, 'fix', dir, '--apply'], { encoding: 'utf8', env: COMMIT_ENV });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^oslo-audit fix: --apply failed, nothing changed: .*index\.lock exists/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.deepEqual(standing(dir), before);
});

test('on a detached HEAD: a warning, then the commits', async () => {
  const dir = await fixRepo('incubator-swap');
  git(dir, 'checkout', '--quiet', '--detach');
  const r = spawnSync(process.execPath, [BIN, 'fix', dir, '--apply'], { encoding: 'utf8', env: COMMIT_ENV });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^oslo-audit: warning: .*HEAD is detached; the commits will be on no branch/m);
  assert.equal(r.stdout.trim().split('\n').length, 3);
});
