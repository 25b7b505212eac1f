import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { assertGolden } from '../helpers/golden.js';
import { cli } from './cli.js';
import { COMMIT_ENV, world, type World } from './world.js';

const git = (dir: string, ...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const head = (dir: string): string => git(dir, 'rev-parse', 'HEAD').trim();
const heads = (w: World): string[] => [head(w.kite), head(w.projectConfig), head(w.governance)];

function apply(w: World, ...extra: string[]) {
  return cli(['retire', w.kite, '--project-config', w.projectConfig, '--governance', w.governance, '--apply', '--date', '2018-11-24', ...extra], COMMIT_ENV);
}

test('--apply makes the remaining changes as chained local commits with exactly the expected diffs', async () => {
  const w = await world();
  const r = apply(w, '--alternative', 'kestrel=https://opendev.org/x/kestrel');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /nothing was pushed/);

  // project-config: end gating, then infrastructure removal; kite: content; governance: legacy.
  assert.deepEqual(git(w.projectConfig, 'log', '--format=%s', '-3').trim().split('\n'), [
    'Remove openstack/kite from infrastructure', 'End project gating for openstack/kite', 'Add project configuration',
  ]);
  assert.equal(git(w.kite, 'log', '--format=%s', '-1').trim(), 'Retire kite: remove project content');
  assert.equal(git(w.governance, 'log', '--format=%s', '-1').trim(), 'Retire openstack/kite');

  // Exact diffs (reviewed golden files): every line outside an edit stays byte-for-byte.
  assertGolden('retire-apply-gating.diff', git(w.projectConfig, 'show', '--format=', 'HEAD~1'));
  assertGolden('retire-apply-infra.diff', git(w.projectConfig, 'show', '--format=', 'HEAD'));
  assertGolden('retire-apply-governance.diff', git(w.governance, 'show', '--format=', 'HEAD'));
  assert.deepEqual(git(w.kite, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n'), ['.gitreview', 'README.rst']);
  const readme = readFileSync(join(w.kite, 'README.rst'), 'utf8');
  assert.match(readme, /^This project is no longer maintained\.\n/);
  assert.match(readme, /please see kestrel at\nhttps:\/\/opendev.org\/x\/kestrel\n/);

  // The edited YAML still parses, and the neighbours are as they were.
  const zuul = parse(readFileSync(join(w.projectConfig, 'zuul.d/projects.yaml'), 'utf8')) as { project: { name: string } }[];
  assert.deepEqual(zuul.map((p) => p.project.name), ['openstack/heron', 'openstack/lark']);
  const legacy = parse(readFileSync(join(w.governance, 'reference/legacy.yaml'), 'utf8')) as Record<string, { deliverables: Record<string, unknown> }>;
  assert.deepEqual(legacy['aviary']!.deliverables['kite'], { 'retired-on': '2018-11-24', repos: ['openstack/kite'] });

  // Footers chain the four changes in order by Change-Id.
  const messages = [git(w.projectConfig, 'log', '-1', '--format=%B', 'HEAD~1'), git(w.kite, 'log', '-1', '--format=%B'), git(w.projectConfig, 'log', '-1', '--format=%B'), git(w.governance, 'log', '-1', '--format=%B')];
  const ids = messages.map((m) => /^Change-Id: (I[0-9a-f]{40})$/m.exec(m)?.[1]);
  assert.ok(ids.every(Boolean), 'every commit has a Change-Id');
  assert.equal(new Set(ids).size, 4);
  messages.forEach((m, i) => {
    const footers = m.trim().split('\n').filter((l) => /^(Depends-On|Needed-By|Change-Id): /.test(l));
    const want = [...(i > 0 ? [`Depends-On: ${ids[i - 1]}`] : []), ...(i < 3 ? [`Needed-By: ${ids[i + 1]}`] : []), `Change-Id: ${ids[i]}`];
    assert.deepEqual(footers, want, `footers of change ${i + 1}`);
    assert.ok(m.split('\n').every((l) => l.length <= 72), 'message lines wrap at 72 columns');
  });
});

test('a second --apply after success changes nothing', async () => {
  const w = await world();
  assert.equal(apply(w).status, 0);
  const before = heads(w);
  const again = apply(w);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /Nothing to change/);
  assert.deepEqual(heads(w), before);
  const state = cli(['retire', w.kite, '--project-config', w.projectConfig, '--governance', w.governance, '--format', 'json', '--date', '2018-11-24']);
  assert.equal((JSON.parse(state.stdout) as { state: string }).state, 'fully-retired');
});

test('--apply refuses a dirty work tree with one line and exit 2, before writing anything', async () => {
  const w = await world();
  const before = heads(w);
  writeFileSync(join(w.projectConfig, 'zuul.d', 'scratch.yaml'), '# not committed\n');
  const r = apply(w);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^oslo-audit retire: project-config \(.*\) has uncommitted changes \(zuul\.d\/scratch\.yaml\): commit or stash them first\n$/);
  assert.deepEqual(heads(w), before);
  assert.equal(git(w.kite, 'status', '--porcelain'), '', 'the repository was not touched');
  assert.equal(git(w.governance, 'status', '--porcelain'), '');
});

test('--apply never pushes: a remote keeps its refs', async () => {
  const w = await world();
  const remote = join(w.root, 'remote.git');
  execFileSync('git', ['clone', '--quiet', '--bare', w.kite, remote]);
  git(w.kite, 'remote', 'add', 'origin', remote);
  const before = git(remote, 'rev-parse', 'HEAD');
  assert.equal(apply(w).status, 0);
  assert.equal(git(remote, 'rev-parse', 'HEAD'), before);
  assert.notEqual(head(w.kite), before.trim());
});

test('bad input: a missing checkout or a malformed option is one line and exit 2', async () => {
  const w = await world();
  let r = cli(['retire', join(w.root, 'nope'), '--project-config', w.projectConfig, '--governance', w.governance]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  r = apply(w, '--alternative', 'kestrel=--upload-pack=evil');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--alternative takes NAME=URL/);
  r = cli(['retire', w.kite, '--apply', '--project-config', w.projectConfig]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--apply needs both/);
  r = cli(['retire', w.kite, '--repo', '--upload-pack=x/y', '--project-config', w.projectConfig]);
  assert.equal(r.status, 2);
});
