// The pure parts of the review UI: candidacy, scrolling, previews, checklist and change lines.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanCheckout } from '../../src/pipeline/index.js';
import { migrationChecklist, renderChecklistMarkdown } from '../../src/checklist/index.js';
import { checklistFileName } from '../../src/cli/review/checklistFile.js';
import { candidacy, DEFAULT_RULES } from '../../src/retire/index.js';
import { checklistLines } from '../../src/ui/index.js';
import { changeLines } from '../../src/ui/changeLines.js';
import { findingEntries, provenanceSummary } from '../../src/ui/findingGroups.js';
import { previewLines } from '../../src/ui/preview.js';
import { projectRow } from '../../src/ui/rows.js';
import { candidacyRule, shownChecklists } from '../../src/cli/review/shown.js';
import type { Project } from '../../src/report/index.js';
import { follow, moveCursor } from '../../src/ui/scroll.js';
import { fixtureRepo } from '../helpers/repo.js';

/** The list's RETIRE column, with the rule the review command hands the UI. */
const isCandidate = (p: Project, now: Date, rules = DEFAULT_RULES): boolean => projectRow(p, now, candidacyRule(rules)).candidate;

test('the list judges candidacy by the retirement rules: 12 months without a human commit, at most one author', async () => {
  const p = await scanCheckout({ path: await fixtureRepo('dunlin') }); // one commit on 2014-05-06
  assert.equal(isCandidate(p, new Date('2015-05-05T00:00:00Z')), false);
  assert.equal(isCandidate(p, new Date('2015-05-07T00:00:00Z')), true);
  assert.equal(isCandidate(p, new Date('2015-05-07T00:00:00Z')), candidacy(p.activity, new Date('2015-05-07T00:00:00Z'), DEFAULT_RULES).isCandidate, 'the same rule as retire');
  assert.equal(isCandidate(p, new Date('2015-05-07T00:00:00Z'), { inactiveMonths: 24, maxAuthors: 1 }), false, 'rules passed in are used');
  assert.equal(isCandidate({ ...p, error: { stage: 'scan', message: 'x' } }, new Date('2020-01-01')), false, 'a failed project is no candidate');
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

test("the checklist screen draws the checklist station's Markdown: a title with the open count, headings, items, details", async () => {
  const p = await scanCheckout({ path: await fixtureRepo('birch') });
  const migration = migrationChecklist(p);
  const lines = checklistLines(shownChecklists([migration]).checklists, ['retirement checklist: not here']);
  assert.deepEqual(lines[0], { text: 'retirement checklist: not here', kind: 'note' });
  const open = migration.items.filter((i) => !i.done).length;
  assert.ok(lines.some((l) => l.kind === 'title' && l.text === `Migration checklist: birch (openstack/birch) · ${open} open of ${migration.items.length}`));
  // Every item of the Markdown is a line, without the Markdown's bold markers.
  const md = renderChecklistMarkdown(migration);
  const items = md.split('\n').filter((l) => /^- \[[ x]\] /.test(l)).map((l) => l.slice(2).replace(/\*\*/g, ''));
  assert.ok(items.length > 0);
  assert.deepEqual(lines.filter((l) => l.kind === 'item' || l.kind === 'done').map((l) => l.text), items);
  assert.ok(lines.some((l) => l.kind === 'heading' && l.text.startsWith('Incubator modules')));
  assert.ok(!lines.some((l) => l.text.includes('**')));
});

test('the changes screen: a diff coloured by line kind, notes first, the commits once applied', () => {
  const preview = { title: '1 commit: oslo.config', text: 'diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-from oslo.config import cfg\n+from oslo_config import cfg\n', notes: ['left for review: log'], commits: 1, target: '/src/x', apply: null };
  const lines = changeLines({ state: 'ready', preview, applying: false });
  assert.deepEqual(lines.map((l) => l.kind), ['note', 'context', 'file', 'file', 'file', 'hunk', 'removed', 'added']);
  const applied = changeLines({ state: 'applied', preview, applied: { commits: [{ commit: 'a'.repeat(40), subject: 'Drop use of oslo namespace package' }] } });
  assert.deepEqual(applied.map((l) => l.text), ['Committed locally (1):', `  ${'a'.repeat(10)} Drop use of oslo namespace package`, 'Nothing was pushed: review the commits, then send them with git review.']);
  assert.deepEqual(changeLines({ state: 'failed', reason: 'fix needs a local checkout' }), [{ text: 'fix needs a local checkout', kind: 'note' }]);
});

test('provenance in the project view: a note per copied file under its module, and the project summary line', async () => {
  const p = await scanCheckout({ path: await fixtureRepo('birch') });
  const copy = p.findings.find((f) => f.kind === 'incubator-copy')!;
  assert.ok(copy && copy.kind === 'incubator-copy');
  const provenance = { status: 'modified' as const, match: 'closest' as const, incubatorPath: 'openstack/common/x.py', blob: null, commits: [], since: '2014-02-01T00:00:00Z', until: null, similarity: 0.9, changes: 2, diff: null, stale: false, newerVersions: 0, latest: null };
  const withProvenance = { ...p, findings: p.findings.map((f) => (f === copy ? { ...copy, detail: { ...copy.detail, provenance } } : f)) };
  const entries = findingEntries(withProvenance);
  const note = entries.findIndex((e) => e.type === 'note');
  assert.ok(note > 0, 'a note entry');
  assert.equal(entries[note - 1]!.type, 'group', 'right under its module title');
  assert.match((entries[note] as { text: string }).text, /carries 2 local changes: port them before/);
  assert.equal(findingEntries(p).some((e) => e.type === 'note'), false, 'no note without provenance');
  const summary = provenanceSummary({ incubator: { source: 'x', head: 'y' }, base: null, syncedAround: '2014-02-01T00:00:00Z', counts: { files: 3, exact: 2, modified: 1, unmatched: 0, stale: 1 }, localChanges: [], stale: [], unmatched: [] });
  assert.equal(summary, 'synced from incubator around 2014-02-01 · 3 copies: 2 exact, 1 changed locally, 1 stale');
});
