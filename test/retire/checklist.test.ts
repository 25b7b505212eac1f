import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRetirementState } from '../../src/retire/index.js';
import { assertGolden } from '../helpers/golden.js';
import { cli } from './cli.js';
import { world } from './world.js';

test('golden: the retirement checklist of an active project, with the announcement and exact edits', async () => {
  const w = await world();
  const r = cli(['retire', w.kite, '--project-config', w.projectConfig, '--governance', w.governance, '--date', '2018-11-24']);
  assert.equal(r.status, 0, r.stderr);
  assertGolden('retire-kite.md', r.stdout.split(w.root).join('<tmp>'));
});

test('golden: the retirement state as JSON, following docs/report-format.md', async () => {
  const w = await world();
  const r = cli(['retire', w.kite, '--project-config', w.projectConfig, '--governance', w.governance, '--date', '2018-11-24', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(validateRetirementState(JSON.parse(r.stdout)), []);
  assertGolden('retire-kite.json', r.stdout);
});
