import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { plainLogger, runBatch, type PipelineEvent } from '../../src/pipeline/index.js';
import { parseTarget, urlTarget } from '../../src/sources/index.js';
import { simpleProject } from '../helpers/commits.js';
import { bareRemote, remotesRoot } from '../helpers/remote.js';
import { repoWithHistory } from '../helpers/repo.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

test('one failing repository in a batch of three: the other two are scanned, the failure keeps its place with git\'s message', async () => {
  const root = remotesRoot();
  const nova = await bareRemote(root, 'nova', simpleProject('nova'));
  const local = await repoWithHistory(simpleProject('cinder'), 'cinder');
  const targets = [urlTarget(nova.url), urlTarget(`file://${join(root, 'gone.git')}`, { repo: 'openstack/gone' }), parseTarget(local)];
  const events: PipelineEvent[] = [];
  const report = await runBatch(targets, { cacheDir: tempDir(), jobs: 2, activity: { now: new Date('2016-01-01T00:00:00Z') } }, (e) => events.push(e));
  assertValidReport(report);
  assert.deepEqual(report.projects.map((p) => [p.name, p.repo, p.error?.stage ?? null]), [
    ['nova', 'openstack/nova', null],
    ['gone', 'openstack/gone', 'clone'],
    ['cinder', 'openstack/cinder', null],
  ]);
  assert.match(report.projects[1]!.error!.message, /does not appear to be a git repository/);
  assert.equal(report.projects[0]!.source, nova.url);
  assert.equal(report.projects[0]!.activity?.lastCommit, '2015-03-04T10:00:00Z');
  assert.ok(report.projects[0]!.findings.some((f) => f.kind === 'namespace-import'));
  assert.equal(report.projects[2]!.source, local);

  // Every target is queued, then ends exactly once; the report comes last.
  assert.deepEqual(events.filter((e) => e.type === 'queued').map((e) => e.type === 'queued' && e.index), [0, 1, 2]);
  const ends = events.filter((e) => e.type === 'done' || e.type === 'failed');
  assert.deepEqual(ends.map((e) => `${e.type} ${'target' in e ? e.target : ''}`).sort(), [`done ${local}`, `done ${nova.url}`, `failed file://${join(root, 'gone.git')}`].sort());
  assert.ok(events.some((e) => e.type === 'progress' && e.state === 'cloning' && e.target === nova.url));
  assert.ok(events.some((e) => e.type === 'progress' && e.state === 'scanning' && e.target === nova.url));
  assert.equal(events.at(-1)!.type, 'finished');
});

test('--ref applies to every target, and extra fields from the source reach the report', async () => {
  const root = remotesRoot();
  const nova = await bareRemote(root, 'nova', simpleProject('nova'));
  const target = urlTarget(nova.url, { repo: 'openstack/nova', extra: { governance: { team: 'nova', deliverable: 'nova', retired: false, retiredOn: null } } });
  const report = await runBatch([target], { cacheDir: tempDir(), ref: 'no-such-ref' });
  assertValidReport(report);
  assert.equal(report.projects[0]!.error?.stage, 'resolve');
  assert.deepEqual(report.projects[0]!['governance'], { team: 'nova', deliverable: 'nova', retired: false, retiredOn: null });
  const ok = await runBatch([target], { cacheDir: tempDir(), ref: 'master' });
  assert.equal(ok.projects[0]!.error, null);
  assert.equal((ok.projects[0]!['governance'] as { team: string }).team, 'nova');
});

test('the plain logger writes one line per step and outcome, without percentages', async () => {
  const root = remotesRoot();
  const nova = await bareRemote(root, 'nova', simpleProject('nova'));
  const lines: string[] = [];
  await runBatch([urlTarget(nova.url), parseTarget('-bad')], { cacheDir: tempDir(), jobs: 1 }, plainLogger((l) => lines.push(l)));
  assert.deepEqual(lines, [
    `oslo-audit: [1/2] ${nova.url}: cloning\n`,
    `oslo-audit: [1/2] ${nova.url}: scanning\n`,
    `oslo-audit: [1/2] ${nova.url}: done, not-started, ${lines[2]!.match(/(\d+) findings/)![1]} findings\n`,
    'oslo-audit: [2/2] -bad: failed at resolve: refusing target "-bad": it starts with "-"\n',
    'oslo-audit: 2 projects scanned, 1 failed\n',
  ]);
});
