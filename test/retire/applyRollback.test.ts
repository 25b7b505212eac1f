// `retire --apply` is all or nothing across the repository, project-config and governance checkouts.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { cli } from './cli.js';
import { COMMIT_ENV, world, type World } from './world.js';

const git = (dir: string, ...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const standing = (w: World) =>
  [w.kite, w.projectConfig, w.governance].map((d) => ({ head: git(d, 'rev-parse', 'HEAD'), branch: git(d, 'symbolic-ref', 'HEAD'), status: git(d, 'status', '--porcelain', '--untracked-files=all') }));
const ARGS = (w: World) => ['retire', w.kite, '--project-config', w.projectConfig, '--governance', w.governance, '--apply', '--date', '2018-11-24'];

function hook(dir: string, body: string): void {
  const path = join(git(dir, 'rev-parse', '--absolute-git-dir').trim(), 'hooks', 'pre-commit');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

test('governance refusing its commit takes back the commits already made in the other checkouts', async () => {
  const w = await world();
  const before = standing(w);
  hook(w.governance, 'echo "governance hook: no" >&2\nexit 1');
  const r = cli(ARGS(w), COMMIT_ENV);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^oslo-audit retire: --apply failed, nothing changed: governance hook: no; 3 commits made and undone \(/);
  assert.deepEqual(standing(w), before);
  // The re-run is not refused for a dirty tree: without the hook it makes all four commits.
  hook(w.governance, 'exit 0');
  assert.equal(cli(ARGS(w), COMMIT_ENV).status, 0);
});

test('SIGTERM during a slow hook in the repository: exit 130, every checkout as it was', async () => {
  const w = await world();
  const before = standing(w);
  const marker = join(w.kite, '..', 'hook-started');
  hook(w.kite, `echo $$ > "${marker}"\nexec sleep 300`);
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'oslo-audit.js'), ...ARGS(w)], { env: { ...process.env, ...COMMIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  while (!existsSync(marker) || readFileSync(marker, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  assert.equal(await exited, 130, stderr);
  assert.match(stderr, /--apply stopped, nothing changed: interrupted \(SIGTERM\); 1 commit made and undone/);
  assert.deepEqual(standing(w), before);
});
