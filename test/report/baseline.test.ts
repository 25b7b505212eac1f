import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanCheckout } from '../../src/pipeline/index.js';
import { againstBaseline, fingerprintOf, makeReport, newFindingsOf, type Project } from '../../src/report/index.js';
import { commitsOf, SVC_HISTORY } from '../helpers/history.js';
import { repoWith, repoWithHistory } from '../helpers/repo.js';
import { assertValidReport, brief } from '../helpers/report.js';

const NOW = new Date('2014-08-01T00:00:00Z');

async function scanAt(dir: string, ref: string): Promise<Project> {
  const p = await scanCheckout({ path: dir, ref }, { activity: { now: NOW } });
  assert.equal(p.error, null);
  return p;
}

test('findings carry the text of their construct, whitespace collapsed', async () => {
  const dir = await repoWithHistory(SVC_HISTORY, 'svc');
  const p = await scanAt(dir, commitsOf(dir)[0]!);
  const call = p.findings.find((f) => f.kind === 'rootwrap-call')!;
  assert.equal(call.construct, 'utils.execute(cmd, run_as_root=True)');
  assert.equal(call.line, 11);
  assert.equal(call.endLine, 12);
  const ns = p.findings.find((f) => f.kind === 'namespace-import')!;
  assert.equal(ns.construct, 'from oslo.config import cfg');
  // Whole-file findings have no construct.
  assert.equal(p.findings.find((f) => f.kind === 'incubator-copy')!.construct, undefined);
  assertValidReport(makeReport([p], NOW));
});

test('moving code down 10 lines makes nothing new; adding one import makes exactly one new finding', async () => {
  const dir = await repoWithHistory(SVC_HISTORY, 'svc');
  const [first, second, third] = commitsOf(dir);
  const base = await scanAt(dir, first!);
  const moved = await scanAt(dir, second!);
  const added = await scanAt(dir, third!);

  // The move really moved the Python findings, and they are all there.
  const lines = (p: Project) => p.findings.filter((f) => f.file === 'svc/api.py').map((f) => f.line);
  assert.deepEqual(lines(moved), lines(base).map((l) => l! + 10));
  assert.equal(moved.findings.length, base.findings.length);

  assert.deepEqual(newFindingsOf(moved.findings, base.findings), []);
  const fresh = newFindingsOf(added.findings, base.findings);
  assert.deepEqual(fresh.map(brief), ['namespace-import svc/api.py:14 {"old":"oslo.messaging","new":"oslo_messaging","package":"oslo.messaging"}']);

  const report = againstBaseline(makeReport([added], NOW), makeReport([base], NOW), 'base.json');
  assertValidReport(report);
  assert.equal(report.projects[0]!.findings.length, 1);
  assert.equal(report.projects[0]!.summary.counts['namespace-import'], 1);
  assert.deepEqual(report['baseline'], { file: 'base.json', generatedAt: '2014-08-01T00:00:00Z', known: base.findings.length, new: 1 });
});

test('a second identical import is one new finding; changing the import is new, the old one gone', async () => {
  const one = await scanAt(await repoWith({ 'a.py': 'from oslo.config import cfg\n' }, 'one'), 'HEAD');
  const two = await scanAt(await repoWith({ 'a.py': 'from oslo.config import cfg\n\nfrom oslo.config import cfg\n' }, 'two'), 'HEAD');
  assert.equal(newFindingsOf(two.findings, one.findings).length, 1);
  assert.equal(newFindingsOf(one.findings, two.findings).length, 0);
  const other = await scanAt(await repoWith({ 'a.py': 'from oslo.config import cfg as config\n' }, 'other'), 'HEAD');
  assert.equal(newFindingsOf(other.findings, one.findings).length, 1);
});

test('the fingerprint leaves out the line and what the knowledge base says, and keeps kind, file and text', async () => {
  const p = await scanAt(await repoWith({ 'a.py': 'from oslo.config import cfg\n' }), 'HEAD');
  const f = p.findings[0]!;
  assert.equal(fingerprintOf({ ...f, line: 40, endLine: 40, message: 'another message' }), fingerprintOf(f));
  assert.notEqual(fingerprintOf({ ...f, file: 'b.py' }), fingerprintOf(f));
  assert.notEqual(fingerprintOf({ ...f, construct: 'from oslo.config import cfg as c' }), fingerprintOf(f));
  // A baseline written before findings carried their text still matches by kind, file and subject.
  const { construct: _, ...old } = f;
  assert.deepEqual(newFindingsOf([f], [old as typeof f]), []);
});

test('a project the baseline does not have is new as a whole', async () => {
  const p = await scanAt(await repoWith({ 'a.py': 'from oslo.config import cfg\n' }), 'HEAD');
  const report = againstBaseline(makeReport([p], NOW), makeReport([], NOW), 'empty.json');
  assert.equal(report.projects[0]!.findings.length, p.findings.length);
  assert.equal((report['baseline'] as { new: number }).new, p.findings.length);
});
