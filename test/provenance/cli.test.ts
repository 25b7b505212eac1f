// `oslo-audit provenance` as a user runs it: the real CLI in a child process.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { parseReport } from '../../src/report/index.js';
import { tempDir } from '../helpers/tmp.js';
import { buildIncubator, buildProject, JSONUTILS_2, LOCKUTILS_3, updatePyRewrite, type IncubatorFixture } from './fixtures.js';

const work = tempDir();
let fixture: IncubatorFixture;
let project: string;

before(async () => {
  fixture = await buildIncubator(work);
  project = await buildProject(work, 'dunlin', {
    'lockutils.py': updatePyRewrite(LOCKUTILS_3, 'dunlin').replace("default=False,\n", "default=True,\n"),
    'jsonutils.py': updatePyRewrite(JSONUTILS_2, 'dunlin'),
  }, '[DEFAULT]\nmodule=lockutils\nmodule=jsonutils\nbase=dunlin\n');
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'oslo-audit.js'), 'provenance', ...args], { env: { ...process.env, XDG_CACHE_HOME: join(work, 'xdg') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('prints the sync date, local changes and the diff', async () => {
  const r = await run([project, '--incubator', fixture.dir, '--diff']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0]!, /^dunlin @ [0-9a-f]{10}: synced from incubator around 2013-08-01$/);
  assert.equal(lines[1], '  2 copied files: 1 exact, 1 with local changes, 0 unmatched; 0 behind the incubator');
  assert.equal(lines[2], '  lockutils.py carries 1 local change: port it before switching to oslo.concurrency');
  assert.match(r.stdout, /^\+    cfg\.BoolOpt\('disable_process_locking', default=True,$/m);
  assert.match(r.stderr, /oslo-incubator @ [0-9a-f]{10}, \d+ file versions\n/);
});

test('--format json writes a valid report with provenance, and uses the default cache dir', async () => {
  const out = join(work, 'report.json');
  const r = await run([project, '--incubator', fixture.dir, '--format', 'json', '--output', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /\(cached\)/, 'the first test already built the index under $XDG_CACHE_HOME');
  const { readFileSync } = await import('node:fs');
  const report = parseReport(readFileSync(out, 'utf8'), out);
  const p = report.projects[0]!;
  assert.equal(p.provenance?.counts.modified, 1);
  const lock = p.findings.find((f) => f.kind === 'incubator-copy' && f.file.endsWith('lockutils.py'));
  assert.ok(lock?.kind === 'incubator-copy' && lock.detail.provenance?.status === 'modified');
});

test('one bad path does not stop the others: exit 3', async () => {
  const r = await run([join(work, 'missing'), project, '--incubator', fixture.dir]);
  assert.equal(r.code, 3);
  assert.match(r.stdout, /^missing: resolve failed: .*no such directory$/m);
  assert.match(r.stdout, /^dunlin @ /m);
  assert.match(r.stderr, /oslo-audit: missing: .*no such directory\n/);
});

test('usage and incubator errors are one line with exit 2', async () => {
  for (const args of [[], [project, '--incubator', join(work, 'nowhere')], [project, '--incubator', '-uhoh'], [project, '--incubator', fixture.dir, '--format', 'xml']]) {
    const r = await run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^oslo-audit provenance: /);
  }
});

test('--index FILE is written from the incubator once, then gives the same answer with no incubator at hand', async () => {
  const file = join(work, 'incubator-index.json.gz');
  const made = await run([project, '--incubator', fixture.dir, '--index', file, '--format', 'json']);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stderr, /wrote the incubator index/);
  // The incubator named now does not exist: only the index file can answer.
  const used = await run([project, '--incubator', join(work, 'no-such-incubator'), '--index', file, '--format', 'json']);
  assert.equal(used.code, 0, used.stderr);
  const strip = (json: string) => JSON.stringify({ ...JSON.parse(json), generatedAt: null });
  assert.equal(strip(used.stdout), strip(made.stdout));
  assert.match(used.stdout, /"status": ?"modified"/);
});

test('an --index file that is not an index is refused with one line and exit 2', async () => {
  const { writeFileSync } = await import('node:fs');
  const file = join(work, 'not-an-index.gz');
  writeFileSync(file, 'garbage');
  const r = await run([project, '--index', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^oslo-audit provenance: --index .*not an incubator index/m);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
