// The review app, key presses in and frames out, on the scanned demo workspace.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { projectFixture } from '../../src/demo/index.js';
import { readProjectSource, runBatch } from '../../src/pipeline/index.js';
import { parseTarget } from '../../src/sources/index.js';
import type { Report } from '../../src/report/index.js';
import { checklistWriter } from '../../src/cli/review/checklistFile.js';
import { reviewChecklists } from '../../src/cli/review/retirement.js';
import { DEFAULT_RULES } from '../../src/retire/index.js';
import { ReviewApp, type ReviewResult, type Runner } from '../../src/ui/index.js';
import { findingEntries } from '../../src/ui/findingGroups.js';
import { tempDir } from '../helpers/tmp.js';
import { reviewFunctions } from './functions.js';
import { demoFixture, KEYS, NOW, press, rowNames, waitForFrame } from './ink.js';

const demo = demoFixture();
const NAMES = ['aster', 'birch', 'cedar', 'dunlin'];

function app(report: Report, extra: Partial<Parameters<typeof ReviewApp>[0]> = {}) {
  const exits: ReviewResult[] = [];
  const ui = render(<ReviewApp report={report} now={NOW} colors={false} readSource={(p, f) => readProjectSource(p, f)} onExit={(r) => exits.push(r)} {...reviewFunctions()} {...extra} />);
  const frame = () => ui.lastFrame() ?? '';
  return { ui, frame, exits, stdin: ui.stdin };
}

test('the project list shows a row per project with its figures, status and candidacy', async (t) => {
  const { ui, frame } = app(demo().report);
  t.after(() => ui.unmount());
  const f = await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  assert.deepEqual(rowNames(f, NAMES), NAMES, 'sorted by name at first');
  const aster = f.split('\n').find((l) => l.includes('aster'))!;
  const p = demo().report.projects.find((x) => x.name === 'aster')!;
  assert.match(aster, new RegExp(`aster\\s+${p.summary.incubatorModules.length}\\s+${p.summary.counts['incubator-import']}\\s+${p.summary.counts['namespace-import']}\\s+${p.summary.counts['rootwrap-call']}\\s+no\\s+\\S+\\s+not-started\\s+-`));
  assert.match(f.split('\n').find((l) => l.includes('dunlin'))!, /not-started\s+yes$/, 'dunlin has had no human commit since 2016');
  assert.match(f.split('\n').find((l) => l.includes('cedar'))!, /\byes\b.*clean\s+-$/, 'cedar uses privsep and is clean');
  assert.match(f, /4 projects · 0 failed · 1 candidate · sort: name · status: all/);
  assert.match(f, /enter open .* q quit/, 'key hints in the status bar');
});

test('s cycles the sort column: incubator modules puts the project with most modules first', async (t) => {
  const { ui, frame, stdin } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, 's');
  const f = await waitForFrame(frame, (x) => x.includes('sort: incubator modules'), 'the new sort');
  const byModules = [...demo().report.projects].sort((a, b) => b.summary.incubatorModules.length - a.summary.incubatorModules.length || a.name.localeCompare(b.name)).map((p) => p.name);
  assert.deepEqual(rowNames(f, NAMES), byModules);
  assert.equal(rowNames(f, NAMES)[0], 'aster');
  // Eight columns later the cycle is back at the name.
  for (let i = 0; i < 8; i++) await press(stdin, 's');
  assert.match(await waitForFrame(frame, (x) => x.includes('sort: name'), 'the cycle back to name'), /sort: name/);
});

test('/ filters by text as it is typed, enter keeps it, esc clears it', async (t) => {
  const { ui, frame, stdin } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, '/', 'b', 'i');
  let f = await waitForFrame(frame, (x) => x.includes('filter: /bi_'), 'the filter prompt');
  assert.deepEqual(rowNames(f, NAMES), ['birch']);
  assert.match(f, /type to filter/);
  await press(stdin, KEYS.backspace, KEYS.backspace, 'd', 'u', 'n', KEYS.enter);
  f = await waitForFrame(frame, (x) => x.includes('filter: dun') && !x.includes('/dun_'), 'the kept filter');
  assert.deepEqual(rowNames(f, NAMES), ['dunlin']);
  assert.match(f, /1 of 4 projects/);
  // `q` typed into the filter is text, not quit; a filter matching nothing says so.
  await press(stdin, '/', 'q');
  f = await waitForFrame(frame, (x) => x.includes('/dunq_'), 'q as text');
  assert.match(f, /no project matches the filters/);
  await press(stdin, KEYS.escape);
  f = await waitForFrame(frame, (x) => rowNames(x, NAMES).length === 4, 'the cleared filter');
  assert.doesNotMatch(f, /filter:/);
});

test('f filters by status: not-started, then in-progress, clean, error, candidates', async (t) => {
  const { ui, frame, stdin } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  const expect: [string, string[]][] = [
    ['not-started', ['aster', 'dunlin']],
    ['in-progress', ['birch']],
    ['clean', ['cedar']],
    ['error', []],
    ['candidate', ['dunlin']],
    ['all', NAMES],
  ];
  for (const [status, names] of expect) {
    await press(stdin, 'f');
    const f = await waitForFrame(frame, (x) => x.includes(`status: ${status}`), status);
    assert.deepEqual(rowNames(f, NAMES), names, status);
  }
});

test('enter opens a project: findings grouped by module with the successor, file:line, source preview and activity; esc goes back', async (t) => {
  const { ui, frame, stdin } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, 'j', KEYS.enter);
  const birch = demo().report.projects.find((p) => p.name === 'birch')!;
  let f = await waitForFrame(frame, (x) => x.includes('birch (') || x.includes('birch @'), 'the birch screen');
  assert.match(f, /in-progress/);
  assert.match(f, /last human commit \d{4}-\d\d-\d\d/);
  const entries = findingEntries(birch);
  const firstGroup = entries.find((e) => e.type === 'group')!;
  assert.ok(f.includes(firstGroup.title), `the first group title ${firstGroup.title}`);
  assert.match(f, /incubator \S+ → oslo_\S+ \(oslo\.\w+\) \[graduated\]/, 'a module with its successor library');

  // Jump to the last finding: it has a line, and the preview shows that line from the scanned commit.
  await press(stdin, 'G');
  const last = [...entries].reverse().find((e) => e.type === 'finding')!;
  assert.ok(last.type === 'finding' && last.finding.line !== null);
  const expected = String(projectFixture('birch')[last.finding.file]).split('\n')[last.finding.line - 1]!.trim();
  f = await waitForFrame(frame, (x) => x.includes(`── ${last.finding.file}:${last.finding.line} `) && x.includes(expected), 'the preview of the last finding');
  const hit = f.split('\n').find((l) => l.startsWith('>') && l.includes('│'))!;
  assert.ok(hit.includes(expected), `the finding's line is marked: ${hit}`);
  assert.ok(f.includes(`> ${last.text}`), 'the last finding is selected');

  await press(stdin, KEYS.escape);
  f = await waitForFrame(frame, (x) => x.includes('sort: name'), 'the list again');
  assert.match(f.split('\n').find((l) => l.startsWith('>'))!, /birch/, 'the cursor is still on birch');
});

test('a report whose checkout is gone shows the preview as unavailable', async (t) => {
  const report = structuredClone(demo().report);
  for (const p of report.projects) p.source = join(tempDir(), 'gone', p.name);
  const { ui, frame, stdin } = app(report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, KEYS.enter);
  const f = await waitForFrame(frame, (x) => x.includes('source unavailable'), 'the unavailable preview');
  assert.match(f, /source unavailable: no checkout or cached clone of .*gone\/aster/);
});

test('? shows the help and esc closes it; q quits', async (t) => {
  const { ui, frame, stdin, exits } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, '?');
  const f = await waitForFrame(frame, (x) => x.includes('Keys'), 'the help');
  assert.match(f, /filter by status/);
  assert.match(f, /RETIRE\s+retirement candidate \(12\+ months idle, ≤1 author\/yr\)/);
  assert.match(f, /w {2}x {2}r\s+checklist: write Markdown, preview fix diff, retirement changes/);
  assert.equal(rowNames(f, NAMES).length, 0, 'the help replaces the list');
  await press(stdin, KEYS.escape);
  await waitForFrame(frame, (x) => x.includes('sort: name'), 'the list again');
  assert.equal(exits.length, 0);
  await press(stdin, 'q');
  await waitForFrame(() => String(exits.length), (x) => x === '1', 'the exit');
  assert.equal(exits[0]!.interrupted, false);
});

/** The review command's checklists, without project-config and governance checkouts. */
const realChecklists = () => reviewChecklists({ cwd: process.cwd(), projectConfig: null, governance: null, rules: DEFAULT_RULES, scan: { activity: { now: NOW } }, incubator: null });

test('c shows the real checklists of a retirement candidate (migration, then retirement), and w writes them as Markdown', async (t) => {
  const out = tempDir();
  const { ui, frame, stdin } = app(demo().report, { writeChecklist: checklistWriter(out), checklists: realChecklists() });
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, 'G', 'c');
  let f = await waitForFrame(frame, (x) => x.includes('Checklists for dunlin') && x.includes('Migration checklist: dunlin'), 'the checklist screen');
  assert.match(f, /Migration checklist: dunlin \(openstack\/dunlin\) · \d+ open of \d+/);
  // The migration checklist's items: a module with its successor, and the requirement to add.
  assert.match(f, /\[ \] gettextutils: use oslo\.i18n \(`oslo_i18n`\)/);
  assert.match(f, /- Add to requirements\.txt: `oslo\.i18n>=0\.1\.0`/);
  await press(stdin, 'G');
  await waitForFrame(frame, (x) => x.includes('Leftovers') || x.includes('governance'), 'the end: the retirement checklist');
  // Without project-config and governance checkouts, those steps are unknown, as `retire` says.
  await press(stdin, 'w');
  f = await waitForFrame(frame, (x) => x.includes('wrote '), 'the written message');
  const path = join(out, 'dunlin-checklist.md');
  assert.ok(f.includes(`wrote ${path}`));
  const md = readFileSync(path, 'utf8');
  assert.match(md, /^# Migration checklist: dunlin/);
  assert.match(md, /Add to requirements\.txt: `oslo\.\w+/);
  assert.match(md, /^# Retirement checklist: dunlin/m);
  assert.match(md, /^- \[ \] \*\*Announce the retirement/m);
  assert.match(md, /Status: unknown\.\n {2}- project-config: no project-config checkout given/);
  assert.match(md, /no human commit since 2016-01-20/);
  await press(stdin, KEYS.escape);
  await waitForFrame(frame, (x) => x.includes('sort: name'), 'back to the list it came from');
});

test('without a checklist source the migration checklist alone is shown; c from a project screen goes back to it; a clean project has nothing left', async (t) => {
  const { ui, frame, stdin } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, 'j', 'j', KEYS.enter);
  let f = await waitForFrame(frame, (x) => x.includes('cedar') && x.includes('› findings'), 'the cedar screen');
  assert.match(f, /privsep in use/);
  await press(stdin, 'c');
  f = await waitForFrame(frame, (x) => x.includes('Migration checklist: cedar'), 'the checklist');
  assert.match(f, /Migration checklist: cedar \(openstack\/cedar\) · 0 open of 4/);
  assert.match(f, /\[x\] Run privileged code through oslo\.privsep/);
  assert.match(f, /4 of 4 items done; migration status: clean\./);
  assert.doesNotMatch(f, /Retirement checklist/);
  await press(stdin, KEYS.escape);
  await waitForFrame(frame, (x) => x.includes('cedar') && x.includes('› findings'), 'back to cedar');
});

test('the app follows resizes and fits 80×24', async (t) => {
  const { ui, frame } = app(demo().report);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  const resize = (columns: number, rows: number) => {
    Object.defineProperty(ui.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
    ui.stdout.emit('resize');
  };
  resize(80, 24);
  let f = await waitForFrame(frame, (x) => Math.max(...x.split('\n').map((l) => l.length)) <= 80, 'an 80-column frame');
  assert.ok(f.split('\n').length <= 23, `at most 23 lines, got ${f.split('\n').length}`);
  assert.match(f, /PROJECT\s+MODS\s+INC\s+NS\s+RW\s+PRIVSEP\s+HUMAN\s+STATUS\s+RETIRE/, 'every column still there');
  resize(140, 40);
  f = await waitForFrame(frame, (x) => x.split('\n').some((l) => l.length > 100), 'a wider frame');
  assert.equal(f.split('\n').find((l) => l.includes('PROJECT'))!.length, 140, 'the name column takes the width');
});

test('live progress while the pipeline runs, then the list with the failed repository', async (t) => {
  const { projects } = demo();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const missing = join(tempDir(), 'not-a-checkout');
  const runner: Runner = async (listener, signal) => {
    const targets = [...projects.map((p) => ({ ...parseTarget(p.dir), name: p.name })), parseTarget(missing)];
    const report = await runBatch(targets, { cacheDir: tempDir(), cache: null, jobs: 2, signal }, listener);
    await gate;
    return report;
  };
  const ui = render(<ReviewApp runner={runner} now={NOW} colors={false} {...reviewFunctions()} />);
  t.after(() => ui.unmount());
  const frame = () => ui.lastFrame() ?? '';
  let f = await waitForFrame(frame, (x) => x.includes('5/5') && x.includes('failed 1'), 'all repositories finished', 30_000);
  assert.match(f, /Scanning 5 repositories/);
  assert.match(f, /\[#+\] 5\/5 {2}done 4 {2}failed 1 {2}elapsed \d+:\d\d {2}ETA 0:00/);
  for (const p of projects) assert.match(f, new RegExp(`done\\s+${p.dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), p.name);
  assert.match(f, /failed\s+\S+not-a-checkout {2}\S/, "the failed repository with its reason");
  release();
  f = await waitForFrame(frame, (x) => x.includes('sort: name'), 'the list after the run');
  assert.match(f, /5 projects · 1 failed/);
  assert.match(f.split('\n').find((l) => l.includes('not-a-checkout'))!, /error/);
  assert.ok(!existsSync(missing));
});
