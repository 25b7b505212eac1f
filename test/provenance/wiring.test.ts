// Provenance where people read it: in the scan report (scan --incubator), for a local checkout and
// for a URL target read from its clone in the cache, and in the migration checklist.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { parseReport, type FindingOf } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { buildIncubator, buildProject, JSONUTILS_2, LOCKUTILS_3, updatePyRewrite, type IncubatorFixture } from './fixtures.js';

const work = tempDir();
let fixture: IncubatorFixture;
let project: string;
const env = { XDG_CACHE_HOME: join(work, 'xdg') };

before(async () => {
  fixture = await buildIncubator(work);
  project = await buildProject(work, 'dunlin', {
    'lockutils.py': updatePyRewrite(LOCKUTILS_3, 'dunlin').replace('default=False,\n', 'default=True,\n'),
    'jsonutils.py': updatePyRewrite(JSONUTILS_2, 'dunlin'),
  }, '[DEFAULT]\nmodule=lockutils\nmodule=jsonutils\nbase=dunlin\n');
});

function copies(stdout: string): Map<string, FindingOf<'incubator-copy'>> {
  const report = parseReport(stdout, 'scan output');
  const found = report.projects[0]!.findings.filter((f): f is FindingOf<'incubator-copy'> => f.kind === 'incubator-copy' && f.file.endsWith('.py'));
  return new Map(found.map((f) => [f.detail.module, f]));
}

test('scan --incubator adds provenance to a checkout, and to a URL target from its cached clone', async () => {
  for (const target of [project, pathToFileURL(project).href]) {
    const r = await runCli(['scan', target, '--incubator', fixture.dir, '--cache-dir', join(work, 'cache'), '--format', 'json', '--quiet'], { env });
    assert.equal(r.code, 0, r.stderr);
    const byModule = copies(r.stdout);
    assert.equal(byModule.get('lockutils')?.detail.provenance?.status, 'modified', target);
    assert.equal(byModule.get('jsonutils')?.detail.provenance?.status, 'exact', target);
    assert.equal(parseReport(r.stdout, 'x').projects[0]!.provenance?.syncedAround?.slice(0, 10), '2013-08-01');
  }
});

test('checklist --incubator says which copies carry local changes to port', async () => {
  const r = await runCli(['checklist', project, '--incubator', fixture.dir, '--cache-dir', join(work, 'cache')], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /lockutils\.py carries 1 local change: port it before switching to oslo\.concurrency/);
  assert.doesNotMatch(r.stdout, /jsonutils\.py is the incubator version/, 'exact, current copies need no line');
});

test('an unusable --incubator is a usage error', async () => {
  const r = await runCli(['scan', project, '--incubator', join(work, 'nowhere'), '--quiet'], { env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--incubator: .*no such directory/);
});
