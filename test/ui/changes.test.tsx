// Fixing and retiring from the checklist view: previews, the confirmation, the commits made (never
// pushed), and the refusals, on real repositories built by the tests.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { reviewChanges } from '../../src/cli/review/changes.js';
import { reviewChecklists } from '../../src/cli/review/retirement.js';
import type { ReviewSettings } from '../../src/cli/review/settings.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { makeReport, type Project } from '../../src/report/index.js';
import { DEFAULT_RULES } from '../../src/retire/index.js';
import { ReviewApp } from '../../src/ui/index.js';
import { assertGolden } from '../helpers/golden.js';
import { fixtureRepo } from '../helpers/repo.js';
import { NOW as RETIRE_NOW, world } from '../retire/world.js';
import { reviewFunctions } from './functions.js';
import { KEYS, NOW, press, waitForFrame } from './ink.js';

const git = (dir: string, ...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const head = (dir: string): string => git(dir, 'rev-parse', 'HEAD').trim();
/** The frame's text with wrapped lines joined, for messages that wrap. */
const joined = (frame: string): string => frame.replace(/\s*\n\s*/g, ' ');

function settings(extra: Partial<ReviewSettings> = {}, now = NOW): ReviewSettings {
  return {
    cwd: process.cwd(),
    projectConfig: null,
    governance: null,
    rules: DEFAULT_RULES,
    scan: { activity: { now } },
    incubator: null,
    identity: { author: 'Jane Developer <jane@example.org>', date: now.toISOString() },
    ...extra,
  };
}

/** The app on one project, with the review command's own checklist and change functions. */
function app(project: Project, s: ReviewSettings, now = NOW) {
  const ui = render(<ReviewApp report={makeReport([project])} now={now} colors={false} {...reviewFunctions()} checklists={reviewChecklists(s)} changes={reviewChanges(s)} />);
  return { ui, frame: () => ui.lastFrame() ?? '', stdin: ui.stdin };
}

async function scanned(dir: string, name: string, now = NOW): Promise<Project> {
  return scanCheckout({ path: dir, name }, { activity: { now } });
}

test('x previews the fix diff; a asks first, any other key cancels; y commits it locally, says what, and rescans', async (t) => {
  const dir = await fixtureRepo('birch');
  const before = head(dir);
  const { ui, frame, stdin } = app(await scanned(dir, 'birch'), settings());
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('birch'), 'the list');
  await press(stdin, 'c');
  await waitForFrame(frame, (x) => x.includes('Migration checklist: birch'), 'the checklist');
  await press(stdin, 'x');
  let f = await waitForFrame(frame, (x) => x.includes('diff --git'), 'the diff');
  assert.match(f, /Generated migration changes \(fix\) for birch: 3 commits: oslo\.concurrency, oslo\.config, oslo\.utils/);
  assert.match(f, /birch › fix .*a apply/);
  // The diff scrolls: the namespace rewrite is further down.
  for (let i = 0; i < 8 && !frame().includes('+from oslo_config import cfg'); i++) await press(stdin, ' ');
  await waitForFrame(frame, (x) => x.includes('-from oslo.config import cfg') && x.includes('+from oslo_config import cfg'), 'the namespace rewrite');

  await press(stdin, 'a');
  f = await waitForFrame(frame, (x) => x.includes('y: commit 3 changes locally · any other key: cancel'), 'the confirmation');
  assert.ok(f.includes(`Commit 3 changes locally in ${dir}? Nothing is pushed.`), f);
  await press(stdin, 'n');
  await waitForFrame(frame, (x) => x.includes('not applied'), 'the cancellation');
  assert.equal(head(dir), before, 'nothing committed without y');

  await press(stdin, 'a', 'y');
  f = await waitForFrame(frame, (x) => x.includes('Committed locally (3)'), 'the commits', 15_000);
  const log = git(dir, 'log', '--format=%h %s', '-3').trim().split('\n').reverse();
  assert.equal(log.length, 3);
  for (const line of log) {
    const [id, ...subject] = line.split(' ');
    assert.ok(f.includes(`${head(dir).startsWith(id!) ? id : id!.slice(0, 7)}`), `commit ${id} shown`);
    assert.ok(f.includes(subject.join(' ')), `subject ${subject.join(' ')} shown`);
  }
  assert.match(f, /Drop use of 'oslo' namespace for oslo\.config/);
  assert.match(f, /Nothing was pushed/);
  assert.match(f, /committed 3 changes locally; nothing was pushed/);
  assert.equal(git(dir, 'rev-list', '--count', `${before}..HEAD`).trim(), '3');
  assert.equal(git(dir, 'remote').trim(), '', 'no remote to push to');
  assert.equal(git(dir, 'status', '--porcelain'), '', 'the work tree is clean afterwards');

  // The project was scanned again: its checklist and its row now show the new state.
  await press(stdin, KEYS.escape);
  f = await waitForFrame(frame, (x) => x.includes('Migration checklist: birch') && !x.includes('loading'), 'the new checklist');
  assert.match(f, new RegExp(`Commit \`${head(dir).slice(0, 12)}\``));
  await press(stdin, KEYS.escape);
  f = await waitForFrame(frame, (x) => x.includes('sort: name'), 'the list');
  assert.match(f.split('\n').find((l) => l.includes('birch'))!, /birch\s+0\s+0\s+0\s/, 'no incubator modules or namespace imports left');
});

test('applying refuses a dirty work tree with its one-line reason and commits nothing', async (t) => {
  const dir = await fixtureRepo('birch');
  const before = head(dir);
  const { ui, frame, stdin } = app(await scanned(dir, 'birch'), settings());
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('birch'), 'the list');
  await press(stdin, 'c', 'x');
  await waitForFrame(frame, (x) => x.includes('diff --git'), 'the diff');
  writeFileSync(join(dir, 'requirements.txt'), 'pbr\n# edited by hand\n');
  await press(stdin, 'a', 'y');
  const f = await waitForFrame(frame, (x) => x.includes('Not applied:'), 'the refusal');
  assert.match(f, /not applied: /, 'in the status bar');
  assert.ok(joined(f).includes(`Not applied: ${dir}: the work tree has uncommitted changes (requirements.txt): commit or stash them first`), 'in full on the screen');
  assert.equal(head(dir), before);
  // The preview stays, to apply once the tree is clean.
  await press(stdin, 'a');
  await waitForFrame(frame, (x) => x.includes('y: commit 3 changes locally'), 'the confirmation again');
  await press(stdin, KEYS.escape);
  await waitForFrame(frame, (x) => x.includes('not applied') && !x.includes('y: commit'), 'esc cancels');
  assert.equal(head(dir), before);
});

test('a project scanned from a URL: the fix says it needs a local checkout; a candidate gets a note instead of a retirement checklist', async (t) => {
  const dir = await fixtureRepo('dunlin');
  // Scanned from the clone cache: no checkout of the user's to change. Nothing here reaches the network.
  const project = { ...(await scanned(dir, 'dunlin')), source: 'https://opendev.org/openstack/dunlin' };
  const { ui, frame, stdin } = app(project, settings());
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, 'c');
  let f = await waitForFrame(frame, (x) => x.includes('Migration checklist: dunlin'), 'the checklist');
  assert.match(joined(f), /retirement checklist: dunlin was scanned from https:\/\/opendev\.org\/openstack\/dunlin, not from a local checkout; run 'oslo-audit retire PATH' on a clone of it/);
  assert.doesNotMatch(f, /Retirement checklist:/);
  await press(stdin, 'x');
  f = await waitForFrame(frame, (x) => x.includes('needs a local checkout'), 'the reason');
  assert.match(joined(f), /fix needs a local checkout: dunlin was scanned from https:\/\/opendev\.org\/openstack\/dunlin, not from a local checkout/);
  assert.match(f, /esc back/);
  assert.doesNotMatch(f, /a apply/, 'nothing to apply');
  await press(stdin, 'a');
  await waitForFrame(frame, (x) => x.includes('nothing to apply'), 'no confirmation for nothing');
});

test('r on a candidate previews the retirement edits across checkouts; y commits them as chained local commits', async (t) => {
  const w = await world();
  const before = [head(w.kite), head(w.projectConfig), head(w.governance)];
  const s = settings({ projectConfig: w.projectConfig, governance: w.governance, identity: { author: 'Retiring Ptl <ptl@example.org>', date: RETIRE_NOW.toISOString() } }, RETIRE_NOW);
  const { ui, frame, stdin } = app(await scanned(w.kite, 'kite', RETIRE_NOW), s, RETIRE_NOW);
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('kite'), 'the list');
  await press(stdin, 'c');
  let f = await waitForFrame(frame, (x) => x.includes('Retirement checklist: kite'), 'the retirement checklist', 10_000);
  // Read from project-config and governance: the steps are pending, not unknown.
  assert.doesNotMatch(f, /no project-config checkout given/);
  await press(stdin, 'r');
  f = await waitForFrame(frame, (x) => x.includes('Retirement changes for kite: 4 commits'), 'the retirement preview');
  assert.match(f, /4 commits: project-config, repository, project-config, governance/);
  assert.match(f, /── project-config: End project gating for openstack\/kite/);
  assert.match(f, /^-\s+- check-requirements$/m, 'the edit: lines out');
  assert.match(f, /^\+\s+- noop-jobs$/m, 'and in');
  assert.match(f, /edit zuul\.d\/projects\.yaml/);
  await press(stdin, 'a');
  f = await waitForFrame(frame, (x) => x.includes('y: commit 4 changes locally'), 'the confirmation');
  assert.ok(joined(f).includes(`Commit 4 changes locally in ${w.projectConfig}, ${w.kite}, ${w.governance}? Nothing is pushed.`), f);
  await press(stdin, 'y');
  f = await waitForFrame(frame, (x) => x.includes('Committed locally (4)'), 'the commits', 15_000);
  assert.match(f, /End project gating for openstack\/kite {2}\(project-config\)/);
  assert.match(f, /Retire kite: remove project content {2}\(repository\)/);
  assert.match(f, /Remove openstack\/kite from infrastructure {2}\(project-config\)/);
  assert.match(f, /Retire openstack\/kite {2}\(governance\)/);
  assert.match(f, /Nothing was pushed/);
  // The same commits `retire --apply` makes: the reviewed golden diffs.
  assertGolden('retire-apply-gating.diff', git(w.projectConfig, 'show', '--format=', 'HEAD~1'));
  assertGolden('retire-apply-infra.diff', git(w.projectConfig, 'show', '--format=', 'HEAD'));
  assertGolden('retire-apply-governance.diff', git(w.governance, 'show', '--format=', 'HEAD'));
  assert.deepEqual(git(w.kite, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n'), ['.gitreview', 'README.rst']);
  assert.notDeepEqual([head(w.kite), head(w.projectConfig), head(w.governance)], before);

  // Reloaded, the retirement checklist shows every step done.
  await press(stdin, KEYS.escape);
  await waitForFrame(frame, (x) => x.includes('Retirement checklist: kite') && x.includes('State: fully-retired'), 'the new retirement state', 10_000);
});

test('r without project-config and governance says what it needs; r on a project that is no candidate says so', async (t) => {
  const dir = await fixtureRepo('dunlin');
  const { ui, frame, stdin } = app(await scanned(dir, 'dunlin'), settings());
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  await press(stdin, 'c');
  await waitForFrame(frame, (x) => x.includes('Migration checklist: dunlin'), 'the checklists');
  await press(stdin, 'G');
  await waitForFrame(frame, (x) => x.includes('Retire it in governance'), 'the retirement checklist');
  await press(stdin, 'r');
  let f = await waitForFrame(frame, (x) => x.includes('need --project-config'), 'the reason');
  assert.match(f, /retirement changes need --project-config DIR and --governance DIR/);

  const active = await fixtureRepo('cedar');
  const other = app(await scanned(active, 'cedar', new Date('2014-06-01T00:00:00Z')), settings({}, new Date('2014-06-01T00:00:00Z')), new Date('2014-06-01T00:00:00Z'));
  t.after(() => other.ui.unmount());
  await waitForFrame(other.frame, (x) => x.includes('cedar'), 'the list');
  await press(other.stdin, 'c');
  await waitForFrame(other.frame, (x) => x.includes('Migration checklist: cedar'), 'the checklist');
  await press(other.stdin, 'r');
  f = await waitForFrame(other.frame, (x) => x.includes('not a retirement candidate'), 'the refusal');
  assert.match(f, /cedar is not a retirement candidate/);
  assert.match(f, /cedar › checklist/, 'still on the checklist');
});
