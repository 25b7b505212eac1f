import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runLocal, type PipelineEvent } from '../../src/pipeline/index.js';
import { fixtureRepo } from '../helpers/repo.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

test('runLocal tells every step of every checkout and goes on past one that fails', async () => {
  const birch = await fixtureRepo('birch');
  const missing = join(tempDir(), 'missing');
  const events: PipelineEvent[] = [];
  const report = await runLocal([missing, birch], (e) => events.push(e));
  assertValidReport(report);
  assert.deepEqual(
    events.map((e) => `${e.type}${'target' in e ? ` ${e.target === birch ? 'birch' : 'missing'}` : ''}`),
    ['queued missing', 'queued birch', 'progress missing', 'failed missing', 'progress birch', 'done birch', 'finished'],
  );
  assert.equal(events[0]!.type === 'queued' && events[0]!.total, 2);
  assert.deepEqual(report.projects.map((p) => [p.name, p.error?.stage ?? null]), [['missing', 'resolve'], ['birch', null]]);
  assert.equal(report.projects[1]!.summary.migrationStatus, 'in-progress');
});

test('runLocal stops before the next checkout once aborted, and still reports what it scanned', async () => {
  const birch = await fixtureRepo('birch');
  const controller = new AbortController();
  const report = await runLocal([birch, birch], (e) => e.type === 'done' && controller.abort(), { signal: controller.signal });
  assertValidReport(report);
  assert.equal(report.projects.length, 1);
});
