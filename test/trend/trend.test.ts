import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { validateTrend, type TrendReport } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { RELEASES, releasedRepo } from '../helpers/releases.js';
import { tempDir } from '../helpers/tmp.js';

const trendJson = (stdout: string): TrendReport => {
  const value = JSON.parse(stdout) as unknown;
  assert.deepEqual(validateTrend(value), []);
  return value as TrendReport;
};

describe('oslo-audit trend', () => {
  let svc: string;
  let cache: string;
  before(async () => {
    svc = await releasedRepo('svc');
    cache = tempDir();
  });

  test('release tags: one point per tag, oldest first, with the counts of each release', async () => {
    const r = await runCli(['trend', svc, '-f', 'json', '--cache-dir', join(cache, 'tags')]);
    assert.equal(r.code, 0, r.stderr);
    const trend = trendJson(r.stdout);
    const [p] = trend.projects;
    assert.equal(p!.repo, 'openstack/svc');
    assert.deepEqual(p!.points.map((pt) => pt.label), RELEASES.map((x) => x.tag));
    assert.deepEqual(p!.points.map((pt) => pt.date), RELEASES.map((x) => x.date));
    assert.deepEqual(p!.points.map((pt) => pt.counts['namespace-import']), RELEASES.map((x) => x.imports.length));
    assert.deepEqual(p!.points.map((pt) => pt.counts['rootwrap-call']), RELEASES.map((x) => x.calls));
    assert.deepEqual(p!.points.map((pt) => pt.incubatorModules), RELEASES.map((x) => x.copies.length));
    const tagged = execFileSync('git', ['-C', svc, 'rev-parse', '2.0.0^{commit}']).toString().trim();
    assert.equal(p!.points[2]!.commit, tagged);
    // Every kind the scan counts is there, not only the charted ones.
    assert.ok('privsep-usage' in p!.points[0]!.counts && 'oslo-requirement' in p!.points[0]!.counts);
    assert.equal(p!.points[3]!.migrationStatus, 'not-started');
  });

  test('the results cache answers files unchanged since the previous point', async () => {
    const r = await runCli(['trend', svc, '-f', 'json', '--cache-dir', join(cache, 'hits')]);
    const trend = trendJson(r.stdout);
    // stable.py, __init__ files and .gitreview do not change between releases.
    assert.ok(trend.cache.cached > 0, JSON.stringify(trend.cache));
    assert.ok(trend.cache.cached < trend.cache.files);
    assert.equal(trend.cache.hitRate, Math.round((trend.cache.cached / trend.cache.files) * 1000) / 1000);
    const cold = trendJson((await runCli(['trend', svc, '-f', 'json', '--no-cache'])).stdout);
    assert.equal(cold.cache.cached, 0);
    assert.deepEqual(cold.projects[0]!.points, trend.projects[0]!.points);
  });

  test('a git URL: cloned whole into the cache, then trended like a checkout', async () => {
    const clones = join(cache, 'url');
    const r = await runCli(['trend', `file://${svc}`, '-f', 'json', '--cache-dir', clones]);
    assert.equal(r.code, 0, r.stderr);
    const trend = trendJson(r.stdout);
    assert.deepEqual(trend.projects[0]!.points.map((p) => [p.label, p.counts['namespace-import']]), RELEASES.map((x) => [x.tag, x.imports.length]));
    assert.equal(trend.projects[0]!.source, `file://${svc}`);
  });

  test('--tags picks releases by pattern; --max-points keeps the first and the last', async () => {
    const majors = trendJson((await runCli(['trend', svc, '--tags', '*.0.0', '-f', 'json', '--no-cache'])).stdout);
    assert.deepEqual(majors.projects[0]!.points.map((p) => p.label), ['1.0.0', '2.0.0', '3.0.0']);
    const two = trendJson((await runCli(['trend', svc, '--max-points', '2', '-f', 'json', '--no-cache'])).stdout);
    assert.deepEqual(two.projects[0]!.points.map((p) => p.label), ['1.0.0', '3.0.0']);
  });

  test('dates: the commit in effect at each date; refs: as named', async () => {
    const r = await runCli(['trend', svc, '--every', '6months', '--since', '2015-02-01', '--until', '2016-04-01', '-f', 'json', '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(trendJson(r.stdout).points, { by: 'dates', every: '6months', since: '2015-02-01', until: '2016-04-01' });
    const dates = trendJson(r.stdout).projects[0]!.points;
    assert.deepEqual(dates.map((p) => p.label), ['2015-02-01', '2015-08-01', '2016-02-01']);
    // 2015-08-01 is after 1.1.0 (and the work before 2.0.0 began 20 days before it): 1.1.0's tree.
    assert.deepEqual(dates.map((p) => p.counts['namespace-import']), [3, 2, 2]);
    const refs = trendJson((await runCli(['trend', svc, '--refs', '3.0.0,1.0.0', '-f', 'json', '--no-cache'])).stdout);
    assert.deepEqual(refs.projects[0]!.points.map((p) => [p.label, p.counts['namespace-import']]), [['3.0.0', 1], ['1.0.0', 3]]);
  });

  test('csv and table: one row per project and point, every kind a column', async () => {
    const csv = await runCli(['trend', svc, '-f', 'csv', '--no-cache']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    const head = lines[0]!.split(',');
    assert.equal(lines.length, 1 + RELEASES.length);
    assert.ok(head.includes('namespace-import') && head.includes('rootwrap-call') && head.includes('privsep-usage'));
    const row = lines[3]!.split(',');
    assert.equal(row[head.indexOf('point')], '2.0.0');
    assert.equal(row[head.indexOf('namespace-import')], '2');
    assert.equal(row[head.indexOf('incubator-modules')], '1');
    const table = await runCli(['trend', svc, '--no-cache']);
    assert.match(table.stdout, /^svc \(openstack\/svc\)$/m);
    assert.match(table.stdout, /^ {2}2\.0\.0 +2015-09-10 +not-started +1 /m);
    assert.match(table.stdout, /results cache: 0 of \d+ files/);
  });

  test('bad input: one clear line for that target, the others go on (exit 3)', async () => {
    const other = await releasedRepo('other');
    const shallow = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${other}`, shallow]);
    const r = await runCli(['trend', svc, shallow, '-f', 'json', '--no-cache']);
    assert.equal(r.code, 3);
    const trend = trendJson(r.stdout);
    assert.equal(trend.projects[0]!.points.length, RELEASES.length);
    assert.match(trend.projects[1]!.error!.message, /shallow clone/);
    assert.equal(r.stderr.split('\n').filter((l) => l.includes('shallow')).length, 1);

    const none = await runCli(['trend', svc, other, '--tags', 'nomatch-*', '-f', 'json', '--no-cache']);
    assert.equal(none.code, 3);
    assert.deepEqual(trendJson(none.stdout).projects.map((p) => p.error?.message), ['no tag matches nomatch-*', 'no tag matches nomatch-*']);

    const early = await runCli(['trend', svc, '--since', '2010-01-01', '-f', 'json', '--no-cache']);
    assert.equal(early.code, 3);
    assert.match(early.stderr, /svc: 2010-01-01 is before the first commit \(2014-12-21\)/);

    const usage = await runCli(['trend', svc, '--every', 'often']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--every takes a count and a unit/);
    const unsafe = await runCli(['trend', svc, '--refs', '--upload-pack=x', '-f', 'json', '--no-cache']);
    assert.notEqual(unsafe.code, 0);
  });

  test('svg: a standalone burndown whose plotted points are the JSON values', async () => {
    const out = join(tempDir(), 'burndown.svg');
    const json = join(tempDir(), 'trend.json');
    const r = await runCli(['trend', svc, '-f', 'svg', '-o', out, '-f', 'json', '-o', json, '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    const svg = readFileSync(out, 'utf8');
    const trend = trendJson(readFileSync(json, 'utf8'));
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /href=|<script/);
    const panels = [...svg.matchAll(/<g class="panel" data-series="(\w+)" data-x="([\d.]+)" data-y="([\d.]+)" data-width="([\d.]+)" data-height="([\d.]+)" data-t0="(\d+)" data-t1="(\d+)" data-max="(\d+)">([\s\S]*?)<\/g>/g)];
    assert.deepEqual(panels.map((p) => p[1]), ['incubatorModules', 'namespaceImports', 'rootwrapCalls']);
    const expected: Record<string, (p: TrendReport['projects'][number]['points'][number]) => number> = {
      incubatorModules: (p) => p.incubatorModules,
      namespaceImports: (p) => p.counts['namespace-import']!,
      rootwrapCalls: (p) => p.counts['rootwrap-call']!,
    };
    const points = trend.projects[0]!.points;
    for (const [, key, x, y, w, h, t0, t1, max, body] of panels) {
      const circles = [...body!.matchAll(/<circle class="pt" data-project="svc" data-label="([^"]+)" data-value="(\d+)" data-top="(\d+)" cx="([\d.]+)" cy="([\d.]+)"/g)];
      assert.deepEqual(circles.map((c) => c[1]), points.map((p) => p.label));
      circles.forEach((c, i) => {
        const value = expected[key!]!(points[i]!);
        assert.equal(Number(c[2]), value);
        // Where it is drawn: the panel's scale applied to the JSON value and date.
        assert.ok(Math.abs(Number(c[5]) - (Number(y) + Number(h) - (value / Number(max)) * Number(h))) < 0.01);
        const t = Date.parse(points[i]!.date);
        assert.ok(Math.abs(Number(c[4]) - (Number(x) + ((t - Number(t0)) / (Number(t1) - Number(t0))) * Number(w))) < 0.01);
      });
    }
  });
});

describe('trend charts and contract', () => {
  test('svg --chart stacked: each project drawn on top of the ones before it', async () => {
    const a = await releasedRepo('alpha');
    const b = await releasedRepo('beta');
    const r = await runCli(['trend', a, b, '-f', 'svg', '--chart', 'stacked', '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /data-mode="stacked"/);
    const panel = /<g class="panel" data-series="namespaceImports"[^>]*data-max="(\d+)">([\s\S]*?)<\/g>/.exec(r.stdout)!;
    const circles = [...panel[2]!.matchAll(/data-project="(\w+)" data-label="([^"]+)" data-value="(\d+)" data-top="(\d+)"/g)].map((c) => ({ project: c[1], label: c[2], value: Number(c[3]), top: Number(c[4]) }));
    // Same releases on the same dates: beta's top is alpha's value plus its own.
    for (const c of circles.filter((x) => x.project === 'beta')) {
      const under = circles.find((x) => x.project === 'alpha' && x.label === c.label)!;
      assert.equal(c.top, under.top + c.value);
    }
    assert.equal(Number(panel[1]), 10, 'the axis tops at a round number above the highest stack (2 × 3)');
    assert.equal(panel[2]!.match(/<polygon class="layer"/g)!.length, 2);
  });

  test('the trend schema refuses a report that breaks the contract', () => {
    const bad = { trendVersion: 1, tool: { name: 'oslo-audit', version: '0' }, generatedAt: 'yesterday', points: { by: 'weeks' }, cache: { files: 1, cached: 1, hitRate: 2 }, projects: [{ name: 'x' }] };
    const errors = validateTrend(bad);
    for (const where of ['/generatedAt', '/points/by', '/cache/hitRate', '/projects/0']) assert.ok(errors.some((e) => e.startsWith(where)), `${where}: ${errors.join('; ')}`);
  });
});
