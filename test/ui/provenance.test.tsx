// Provenance in the project view: with an incubator (`review --incubator`), and from a saved report
// that already carries it (`review --report`, no incubator needed).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { render } from 'ink-testing-library';
import { withProvenance as provenanceFor } from '../../src/pipeline/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { openIncubator } from '../../src/provenance/index.js';
import { makeReport, parseReport, renderJson, type Report } from '../../src/report/index.js';
import { ReviewApp } from '../../src/ui/index.js';
import { buildIncubator, buildProject, JSONUTILS_2, LOCKUTILS_3, updatePyRewrite } from '../provenance/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { reviewFunctions } from './functions.js';
import { KEYS, press, waitForFrame } from './ink.js';

const NOW = new Date('2014-06-01T00:00:00Z');
const work = tempDir();
let scanned: Report;
let withProvenance: Report;

before(async () => {
  const incubator = await buildIncubator(work);
  const project = await buildProject(work, 'dunlin', {
    // A local edit to lockutils; jsonutils exactly as the incubator had it.
    'lockutils.py': updatePyRewrite(LOCKUTILS_3, 'dunlin').replace('default=False,\n', 'default=True,\n'),
    'jsonutils.py': updatePyRewrite(JSONUTILS_2, 'dunlin'),
  }, '[DEFAULT]\nmodule=lockutils\nmodule=jsonutils\nbase=dunlin\n');
  scanned = makeReport([await scanCheckout({ path: project, name: 'dunlin' }, { activity: { now: NOW } })]);
  withProvenance = await provenanceFor(scanned, await openIncubator(incubator.dir, { cacheDir: join(work, 'cache') }));
});

async function projectScreen(report: Report, t: { after: (fn: () => void) => void }): Promise<string> {
  const ui = render(<ReviewApp report={report} now={NOW} colors={false} {...reviewFunctions()} />);
  t.after(() => ui.unmount());
  const frame = () => ui.lastFrame() ?? '';
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(ui.stdin, KEYS.enter);
  return waitForFrame(frame, (x) => x.includes('dunlin › findings'), 'the project');
}

test('with an incubator, the project view shows when the project synced and, under each module, what its copy carries', async (t) => {
  assert.equal(scanned.projects[0]!.provenance, undefined, 'the scan alone has no provenance');
  const f = await projectScreen(withProvenance, t);
  assert.match(f, /^provenance: synced from incubator around 2013-08-01 · 2 copies: 1 exact, 1 changed locally$/m);
  const lines = f.split('\n');
  const lockutils = lines.findIndex((l) => /^incubator lockutils → oslo_concurrency\.lockutils/.test(l));
  assert.ok(lockutils >= 0, f);
  assert.equal(lines[lockutils + 1], '  lockutils.py carries 1 local change: port it before switching to oslo.concurrency');
  const jsonutils = lines.findIndex((l) => /^incubator jsonutils → /.test(l));
  assert.match(lines[jsonutils + 1]!, /^ {2}jsonutils\.py is the incubator version of 2013-07-15: nothing to port before switching to oslo\.ser/, "truncated to the screen width");
  // Notes are not selectable: the selection is on a finding.
  assert.match(lines.find((l) => l.startsWith('> '))!, /^> (copy|conf|import) /);
});

test('a saved report that carries provenance shows it without an incubator; one without shows no provenance line', async (t) => {
  const saved = parseReport(renderJson(withProvenance), 'report.json');
  const f = await projectScreen(saved, t);
  assert.match(f, /provenance: synced from incubator around 2013-08-01/);
  assert.match(f, /lockutils\.py carries 1 local change/);
  const plain = await projectScreen(scanned, t);
  assert.doesNotMatch(plain, /provenance:|carries/);
});
