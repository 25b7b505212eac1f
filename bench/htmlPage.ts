// `npm run bench:html`: the HTML page of 200 projects (40 findings and 20 points each) as Chromium
// opens it: its weight, and the time from navigation to the page drawn (its script done, the
// burndown of every project in place), median of five loads in one headless browser.
//
//   npm run bench:html -- [--projects N] [--findings N] [--points N]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/helpers/browser.js';
import { manyProjectsPage } from '../test/helpers/manyProjects.js';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '200' }, findings: { type: 'string', default: '40' }, points: { type: 'string', default: '20' } } });
const like = [0, 1, 2, 3].map((i) => ({
  label: `${i}`, commit: '0'.repeat(40), date: '2014-01-01T00:00:00Z', migrationStatus: 'in-progress' as const, privsep: false,
  counts: { 'namespace-import': 12 - 3 * i, 'rootwrap-call': 8 - 2 * i }, incubatorModules: 6 - 2 * i, namespaceLibraries: 3 - i,
}));
const html = manyProjectsPage(Number(values.projects), Number(values.findings), like, Number(values.points));
const dir = mkdtempSync(join(tmpdir(), 'oslo-audit-bench-html-'));
const file = join(dir, 'page.html');
writeFileSync(file, html);
const browser = await launchChromium();
try {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // The page's script runs before `load`; this waits for the drawn chart to be there.
    await page.waitForSelector('#burndown svg');
    times.push(performance.now() - started);
    await page.close();
  }
  const median = [...times].sort((a, b) => a - b)[2]!;
  process.stdout.write(`${values.projects} projects: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB; opened and drawn in ${(median / 1000).toFixed(2)} s (median of 5: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
