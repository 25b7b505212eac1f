// The pure parts of the review UI: candidacy, scrolling, previews, fallback checklists and their Markdown.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanCheckout } from '../../src/pipeline/index.js';
import { checklistFileName, checklistMarkdown, findingsChecklists, retirementCandidacy } from '../../src/ui/index.js';
import { previewLines } from '../../src/ui/preview.js';
import { follow, moveCursor } from '../../src/ui/scroll.js';
import { fixtureRepo } from '../helpers/repo.js';

test('a project is a retirement candidate after 12 months without a human commit', async () => {
  const p = await scanCheckout({ path: await fixtureRepo('dunlin') }); // one commit on 2014-05-06
  assert.deepEqual(retirementCandidacy(p, new Date('2015-05-05T00:00:00Z')), { isCandidate: false, reason: null });
  assert.deepEqual(retirementCandidacy(p, new Date('2015-05-07T00:00:00Z')), { isCandidate: true, reason: 'no human commit since 2014-05-06 (12 months)' });
  assert.equal(retirementCandidacy({ ...p, activity: null }, new Date('2020-01-01')).isCandidate, false, 'unknown activity is no evidence');
});

test('the window follows the cursor with the least scrolling', () => {
  assert.equal(follow(0, 5, 10, 100), 0);
  assert.equal(follow(0, 10, 10, 100), 1);
  assert.equal(follow(50, 20, 10, 100), 20);
  assert.equal(follow(95, 99, 10, 100), 90, 'never past the end');
  assert.equal(moveCursor(0, 'up', 10, 5), 0);
  assert.equal(moveCursor(0, 'pageDown', 10, 5), 4);
  assert.equal(moveCursor(3, 'bottom', 10, 0), 0, 'an empty list');
});

test('a preview centres the finding line and marks it', () => {
  const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\tx`).join('\n') + '\n';
  const lines = previewLines(text, 10, 11, 7);
  assert.deepEqual(lines.map((l) => l.number), [7, 8, 9, 10, 11, 12, 13]);
  assert.deepEqual(lines.filter((l) => l.hit).map((l) => l.number), [10, 11]);
  assert.equal(lines[0]!.text, 'line 7    x');
  assert.deepEqual(previewLines(text, 20, null, 7).map((l) => l.number), [14, 15, 16, 17, 18, 19, 20], 'the end of the file');
  assert.deepEqual(previewLines(text, null, null, 3).map((l) => [l.number, l.hit]), [[1, false], [2, false], [3, false]], 'a whole-file finding');
});

test('checklist file names cannot leave their folder', () => {
  assert.equal(checklistFileName('nova'), 'nova-checklist.md');
  assert.equal(checklistFileName('../../etc/passwd'), '_.._etc_passwd-checklist.md', 'no slash survives');
  assert.equal(checklistFileName('..'), 'project-checklist.md');
  assert.equal(checklistFileName('-rf'), 'rf-checklist.md');
});

test('the findings-derived checklist: an item per module and library, places to change, retirement steps for a candidate', async () => {
  const p = await scanCheckout({ path: await fixtureRepo('birch') });
  const [migration, retirement] = findingsChecklists(p, new Date('2020-01-01T00:00:00Z'));
  assert.equal(migration!.kind, 'migration');
  const modules = p.summary.incubatorModules;
  for (const m of modules) assert.ok(migration!.items.some((i) => i.id === `incubator:${m}`), m);
  for (const lib of p.summary.namespaceLibraries) assert.ok(migration!.items.some((i) => i.id === `namespace:${lib}` && i.places.length > 0), lib);
  assert.equal(migration!.items.some((i) => i.id === 'rootwrap:privsep'), p.summary.rootwrap);
  assert.equal(retirement!.kind, 'retirement');
  assert.deepEqual(retirement!.items.map((i) => i.id), ['retire:announce', 'retire:gating-ended', 'retire:content-removed', 'retire:infra-removed', 'retire:governance-retired']);
  const md = checklistMarkdown([migration!]);
  assert.match(md, /^# Oslo migration checklist: birch\n\n- \[ \] /);
  assert.equal(md.match(/^- \[ \] /gm)!.length, migration!.items.length);
  assert.equal(findingsChecklists(p, new Date('2014-06-01T00:00:00Z')).length, 1, 'no retirement checklist for an active project');
});
