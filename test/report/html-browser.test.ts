import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { TrendReport } from '../../src/report/index.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { manyProjectsPage } from '../helpers/manyProjects.js';
import { fixtureRepo } from '../helpers/repo.js';
import { releasedRepo } from '../helpers/releases.js';
import { tempDir } from '../helpers/tmp.js';

/** Opens a page and fails on any request that is not the file itself or inline data. */
async function open(browser: Browser, file: string): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewport({ width: 1100, height: 1400 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, outside, errors };
}

/** What the tests read of an element in the page (the project compiles without the DOM's types). */
type Shown = { hidden: boolean; dataset: Record<string, string>; textContent: string | null; value: string };

const visibleRows = (page: Page) => page.$$eval('#projects tbody tr', (rows) => rows.filter((r) => !(r as unknown as Shown).hidden).map((r) => (r as unknown as Shown).dataset['project']));

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let html: string;
  let trend: TrendReport;
  before(async () => {
    browser = await launchChromium();
    dir = tempDir();
    const svc = await releasedRepo('svc');
    const other = await releasedRepo('other');
    html = join(dir, 'trend.html');
    const json = join(dir, 'trend.json');
    const r = await runCli(['trend', svc, other, '-f', 'html', '-o', html, '-f', 'json', '-o', json, '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    trend = JSON.parse(readFileSync(json, 'utf8')) as TrendReport;
  });
  after(async () => {
    await browser?.close();
  });

  test('trend page: the table has a row per project, the filter hides rows, no request leaves the file', async () => {
    const { page, outside, errors } = await open(browser, html);
    assert.deepEqual(await visibleRows(page), ['svc', 'other']);
    assert.equal(await page.$eval('#count', (e) => (e as unknown as Shown).textContent), '2 of 2 projects');
    await page.type('#filter', 'oth');
    assert.deepEqual(await visibleRows(page), ['other']);
    assert.equal(await page.$eval('#count', (e) => (e as unknown as Shown).textContent), '1 of 2 projects');
    // The chart follows the filter: only the shown project is drawn.
    assert.deepEqual(await page.$$eval('#burndown circle.pt', (cs) => [...new Set(cs.map((c) => c.getAttribute('data-project')))]), ['other']);
    await page.$eval('#filter', (e) => ((e as unknown as Shown).value = ''));
    await page.type('#filter', ' ');
    assert.deepEqual(await visibleRows(page), ['svc', 'other']);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('trend page: the chart plots the JSON values where its scale puts them', async () => {
    const { page } = await open(browser, html);
    const panels = await page.$$eval('#burndown g.panel', (gs) =>
      gs.map((g) => ({
        series: g.getAttribute('data-series')!,
        scale: ['x', 'y', 'width', 'height', 't0', 't1', 'max'].map((k) => Number(g.getAttribute(`data-${k}`))),
        points: [...g.querySelectorAll('circle.pt')].map((c) => ({
          project: c.getAttribute('data-project')!,
          label: c.getAttribute('data-label')!,
          value: Number(c.getAttribute('data-value')),
          cx: Number(c.getAttribute('cx')),
          cy: Number(c.getAttribute('cy')),
        })),
      })),
    );
    assert.deepEqual(panels.map((p) => p.series), ['incubatorModules', 'namespaceImports', 'rootwrapCalls']);
    const valueOf = { incubatorModules: (p: TrendReport['projects'][number]['points'][number]) => p.incubatorModules, namespaceImports: (p: TrendReport['projects'][number]['points'][number]) => p.counts['namespace-import']!, rootwrapCalls: (p: TrendReport['projects'][number]['points'][number]) => p.counts['rootwrap-call']! } as const;
    for (const panel of panels) {
      const [x, y, w, h, t0, t1, max] = panel.scale as [number, number, number, number, number, number, number];
      const expected = trend.projects.flatMap((p) => p.points.map((pt) => ({ project: p.name, label: pt.label, value: valueOf[panel.series as keyof typeof valueOf](pt), t: Date.parse(pt.date) })));
      assert.equal(panel.points.length, expected.length);
      for (const e of expected) {
        const drawn = panel.points.find((p) => p.project === e.project && p.label === e.label);
        assert.ok(drawn, `${panel.series}: ${e.project} ${e.label} is drawn`);
        assert.equal(drawn.value, e.value);
        assert.ok(Math.abs(drawn.cy - (y + h - (e.value / max) * h)) < 0.01, `${panel.series} ${e.project} ${e.label}: y`);
        assert.ok(Math.abs(drawn.cx - (x + ((e.t - t0) / (t1 - t0)) * w)) < 0.01, `${panel.series} ${e.project} ${e.label}: x`);
      }
    }
    // A project's own chart is drawn when its section opens.
    await page.click('details.project[data-project="svc"] summary');
    // The details element reports its toggle in a task of its own, after the click has returned.
    await page.waitForSelector('details.project[data-project="svc"] .chart circle.pt', { timeout: 5000 });
    assert.equal(await page.$$eval('details.project[data-project="svc"] .chart circle.pt', (cs) => cs.length), 3 * trend.projects[0]!.points.length);
    // Sorting by a column orders the rows by its values.
    await page.click('#projects th[data-col="0"]');
    assert.deepEqual(await visibleRows(page), ['other', 'svc']);
    // Kept after the run, for people to look at.
    const shot = join(mkdtempSync(join(tmpdir(), 'oslo-audit-screenshot-')), 'trend.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10_000);
    process.stdout.write(`# screenshot: ${shot}\n`);
    await page.close();
  });

  test('scan page: findings with file:line and a checklist per project', async () => {
    const aster = await fixtureRepo('aster');
    const file = join(dir, 'scan.html');
    const r = await runCli(['scan', aster, '-f', 'html', '-o', file]);
    assert.equal(r.code, 0, r.stderr);
    const { page, errors } = await open(browser, file);
    assert.deepEqual(await visibleRows(page), ['aster']);
    assert.equal(await page.$('#burndown'), null);
    const findings = await page.$$eval('details.project[data-project="aster"] .findings code', (cs) => cs.map((c) => (c as unknown as Shown).textContent));
    assert.ok(findings.includes('aster/compute/manager.py:13'), findings.join(' '));
    const items = await page.$$eval('details.project[data-project="aster"] .checklist li label', (ls) => ls.map((l) => (l as unknown as Shown).textContent!.trim()));
    assert.ok(items.some((t) => t.startsWith('namespace oslo.config → oslo_config')), items.join(' | '));
    await page.select('#status', 'clean');
    assert.deepEqual(await visibleRows(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('200 projects of 40 findings and 20 points: under 2 MB, and every row, finding and chart point is there', async () => {
    const trendOfSvc = JSON.parse(readFileSync(join(dir, 'trend.json'), 'utf8')) as TrendReport;
    const page200 = manyProjectsPage(200, 40, trendOfSvc.projects[0]!.points);
    assert.ok(Buffer.byteLength(page200) < 2 * 1024 * 1024, `${Buffer.byteLength(page200)} bytes`);
    const file = join(dir, 'many.html');
    writeFileSync(file, page200);
    const { page, errors } = await open(browser, file);
    assert.equal((await visibleRows(page)).length, 200);
    assert.equal(await page.$$eval('.findings li', (ls) => ls.length), 200 * 40);
    assert.equal(await page.$$eval('#burndown circle.pt', (cs) => cs.length), 200 * 20 * 3);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
