import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cacheKey } from '../../src/git/index.js';
import { mergeReports, parseReport, type Report } from '../../src/report/index.js';
import { simpleProject } from '../helpers/commits.js';
import { bareRemote, git, remotesRoot } from '../helpers/remote.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../../bin/oslo-audit.js', import.meta.url));

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => res({ code, stdout, stderr }));
  });
}

async function threeRemotes() {
  const root = remotesRoot();
  for (const name of ['nova', 'cinder', 'glance']) await bareRemote(root, name, simpleProject(name));
  return root;
}

test('two runs at once on one cache both succeed and leave a sound cache', async () => {
  const root = await threeRemotes();
  const cacheDir = tempDir();
  const out = tempDir();
  const args = (n: number) => ['scan', 'openstack/nova', 'openstack/cinder', 'openstack/glance', '--base-url', `file://${root}/`, '--cache-dir', cacheDir, '--jobs', '2', '--format', 'json', '--output', join(out, `${n}.json`)];
  // namespace/name resolves to <base>/openstack/<name>, so lay the remotes out that way.
  for (const name of ['nova', 'cinder', 'glance']) git(root, 'clone', '--quiet', '--bare', join(root, `${name}.git`), join(root, 'openstack', name));
  const [a, b] = await Promise.all([cli(args(1)), cli(args(2))]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const ra = parseReport(readFileSync(join(out, '1.json'), 'utf8'), '1.json');
  const rb = parseReport(readFileSync(join(out, '2.json'), 'utf8'), '2.json');
  assert.deepEqual(ra.projects.map((p) => [p.repo, p.commit]), rb.projects.map((p) => [p.repo, p.commit]));
  assert.equal(ra.projects.filter((p) => p.error).length, 0);
  // --cache-dir is the root of every cache: the clones are in its `repos` folder.
  const clones = join(cacheDir, 'repos');
  for (const name of ['nova', 'cinder', 'glance']) git(join(clones, cacheKey(`file://${root}/openstack/${name}`)), 'fsck');
  assert.deepEqual(readdirSync(join(clones, '.oslo-audit-locks')), []);
  assert.deepEqual(readdirSync(join(clones, '.oslo-audit-tmp')), []);
  // Which run cloned and which fetched depends on timing; between them each repository was cloned once.
  assert.match(a.stderr + b.stderr, /cloning/);
});

test('exit code 3 when a target fails, with the report still written; 2 for usage errors, one line each', async () => {
  const root = await threeRemotes();
  const out = join(tempDir(), 'report.json');
  const r = await cli(['scan', `file://${root}/nova.git`, `file://${root}/missing.git`, '--cache-dir', tempDir(), '-f', 'json', '-o', out, '-q']);
  assert.equal(r.code, 3);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  assertValidReport(report);
  assert.deepEqual(report.projects.map((p) => p.error?.stage ?? 'ok'), ['ok', 'clone']);
  assert.match(r.stderr, /^oslo-audit: missing: fatal: .*missing\.git/m);

  for (const [args, message] of [
    [['scan'], /scan needs targets/],
    [['scan', 'x', '--shard', '4/3'], /--shard takes I\/N/],
    [['scan', 'x', '--ref=--upload-pack=x'], /--ref: refusing ref/],
    [['scan', '--team', 'oslo', 'x'], /--team needs --governance/],
    [['scan', '--from', '/nonexistent/list.txt'], /cannot read target list/],
    [['scan', 'x', '--jobs', '0'], /--jobs takes a positive whole number/],
    [['merge'], /merge needs at least one JSON report/],
    [['merge', '/nonexistent/a.json'], /cannot read \/nonexistent\/a\.json/],
  ] as Array<[string[], RegExp]>) {
    const u = await cli(args);
    assert.equal(u.code, 2, `${args.join(' ')}: ${u.stderr}`);
    assert.match(u.stderr, message);
    assert.equal(u.stderr.trim().split('\n').length, 1, u.stderr);
  }
});

test('shards of a batch, merged, make the report of the whole batch', async () => {
  const root = await threeRemotes();
  const dir = tempDir();
  const list = join(dir, 'targets.txt');
  writeFileSync(list, `# all three\n${['nova', 'cinder', 'glance'].map((n) => `file://${root}/${n}.git`).join('\n')}\n`);
  const cacheDir = tempDir();
  const shards: string[] = [];
  for (const i of [1, 2, 3]) {
    const out = join(dir, `shard-${i}.json`);
    const r = await cli(['scan', '--from', list, '--shard', `${i}/3`, '--cache-dir', cacheDir, '-f', 'json', '-o', out, '-q']);
    assert.equal(r.code, 0, r.stderr);
    shards.push(out);
  }
  const whole = join(dir, 'whole.json');
  assert.equal((await cli(['scan', '--from', list, '--cache-dir', cacheDir, '-f', 'json', '-o', whole, '-q'])).code, 0);

  const merged = join(dir, 'all.json');
  const m = await cli(['merge', ...shards, '--output', merged]);
  assert.equal(m.code, 0, m.stderr);
  assert.equal(m.stderr, '');
  const report = parseReport(readFileSync(merged, 'utf8'), merged);
  const all = parseReport(readFileSync(whole, 'utf8'), whole);
  const brief = (r: Report) => r.projects.map((p) => [p.repo, p.commit, p.findings.length]).sort();
  assert.deepEqual(brief(report), brief(all));
  assert.equal(report.projects.length, 3);
  assert.equal(report['shard'], undefined);

  // A missing shard is named on stderr.
  const partial = await cli(['merge', shards[0]!, shards[2]!, '--output', join(dir, 'partial.json')]);
  assert.match(partial.stderr, /shards missing from the inputs: 2\/3/);
  assert.ok(existsSync(join(dir, 'partial.json')));
});

test('merging keeps each project once, prefers a successful scan, and does not depend on input order', () => {
  const project = (repo: string, error: boolean) => ({
    name: repo.split('/')[1]!,
    repo,
    source: `https://opendev.org/${repo}`,
    commit: error ? null : 'a'.repeat(40),
    error: error ? { stage: 'clone' as const, message: 'fatal: x' } : null,
    summary: { counts: {}, incubatorModules: [], namespaceLibraries: [], rootwrap: false, privsep: false, migrationStatus: 'clean' as const, adoptedLibraries: [] },
    activity: null,
    skipped: [],
    findings: [],
  });
  const a: Report = { schemaVersion: 1, tool: { name: 'oslo-audit', version: '0.1.0' }, generatedAt: '2026-01-02T00:00:00Z', projects: [project('openstack/nova', false), project('openstack/heat', true)] };
  const b: Report = { schemaVersion: 1, tool: { name: 'oslo-audit', version: '0.1.0' }, generatedAt: '2026-01-03T00:00:00Z', projects: [project('openstack/heat', false), project('openstack/nova', true), project('openstack/aodh', false)] };
  const ab = mergeReports([a, b]);
  const ba = mergeReports([b, a]);
  assertValidReport(ab.report);
  assert.deepEqual(ab.report, ba.report);
  assert.deepEqual(ab.report.projects.map((p) => [p.repo, p.error === null]), [['openstack/aodh', true], ['openstack/heat', true], ['openstack/nova', true]]);
  assert.deepEqual(ab.duplicates, ['openstack/heat', 'openstack/nova']);
  assert.equal(ab.report.generatedAt, '2026-01-03T00:00:00Z');
});
