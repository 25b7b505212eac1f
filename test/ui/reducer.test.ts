// The review UI's store without a screen: a state and an action in, the next state out.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Key } from 'ink';
import type { Project } from '../../src/report/index.js';
import { keysOf } from '../../src/ui/keys.js';
import { reduce } from '../../src/ui/reducer.js';
import { initialState, type Action, type Layout, type ReviewState, type StoreEnv } from '../../src/ui/store.js';
import type { ChangePreview } from '../../src/ui/types.js';
import { reviewFunctions } from './functions.js';
import { demoFixture, KEYS, NOW } from './ink.js';

const demo = demoFixture();
const LAYOUT: Layout = { width: 100, body: 29 };
const env = (over: Partial<StoreEnv> = {}): StoreEnv => ({ now: NOW, candidacy: reviewFunctions().candidacy, canWrite: true, changeKinds: ['fix', 'retirement'], ...over });

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** What Ink hands over for one key as typed: `\r` is enter, `\x1b` esc; anything else is text. */
function keyAction(input: string): Action {
  if (input === KEYS.enter) return { type: 'key', input: '', key: { ...NO_KEY, return: true }, layout: LAYOUT };
  if (input === KEYS.escape) return { type: 'key', input: '', key: { ...NO_KEY, escape: true, meta: true }, layout: LAYOUT };
  return { type: 'key', input, key: NO_KEY, layout: LAYOUT };
}

const run = (s: ReviewState, actions: Action[], e = env()): ReviewState => actions.reduce((state, a) => reduce(state, a, e), s);
const press = (s: ReviewState, keys: string[], e = env()): ReviewState => run(s, keys.map(keyAction), e);
const listed = (e = env()): ReviewState => initialState(demo().report, e);
const project = (name: string): Project => demo().report.projects.find((p) => p.name === name)!;

test('keys act one after the other on the state the previous key left: a filter, enter, enter opens the one project left', () => {
  const s = press(listed(), ['/', 'd', 'u', 'n', KEYS.enter, KEYS.enter]);
  assert.equal(s.nav.list.filter, 'dun');
  assert.equal(s.nav.list.editing, false);
  assert.equal(s.nav.view, 'project');
  assert.equal(s.nav.open?.name, 'dunlin');
});

test('a burst from stdin splits into the same keys: text, enter, backspace', () => {
  const burst = keysOf('/dunx\x7f\r\r', NO_KEY).map(([input, key]): Action => ({ type: 'key', input, key, layout: LAYOUT }));
  assert.equal(burst.length, 8);
  const s = run(listed(), burst);
  assert.equal(s.nav.list.filter, 'dun');
  assert.equal(s.nav.open?.name, 'dunlin');
  // An escape sequence is one key, never split.
  assert.deepEqual(keysOf(KEYS.down, { ...NO_KEY, downArrow: true }).length, 1);
});

test('a run: progress events fold in, the report brings the list and its rows', () => {
  let s = initialState(null, env());
  assert.equal(s.nav.view, 'progress');
  s = reduce(s, { type: 'progress', events: [{ type: 'queued', target: 'a', index: 0, total: 2 }, { type: 'queued', target: 'b', index: 1, total: 2 }], elapsedMs: 400 }, env());
  assert.deepEqual(s.progress.targets.map((t) => t.target), ['a', 'b']);
  assert.equal(s.elapsedMs, 400);
  s = reduce(s, { type: 'finished', report: demo().report }, env());
  assert.equal(s.nav.view, 'projects');
  assert.deepEqual(s.rows.map((r) => [r.name, r.candidate]), [['aster', false], ['birch', false], ['cedar', false], ['dunlin', true]]);
  assert.equal(reduce(initialState(null, env()), { type: 'runFailed', reason: 'no network' }, env()).runError, 'no network');
});

test('checklists: an answer counts while it is awaited; w asks for the Markdown to be written, and the writer answers', () => {
  let s = press(listed(), ['G', 'c']);
  assert.equal(s.nav.view, 'checklist');
  const dunlin = project('dunlin');
  assert.equal(reduce(s, { type: 'checklists', project: dunlin, state: { state: 'ready', value: { checklists: [], notes: [], markdown: '' } } }, env()), s, 'not asked for: ignored');
  assert.match(press(s, ['w']).nav.message!, /still loading/);
  s = run(s, [
    { type: 'checklists', project: dunlin, state: { state: 'loading' } },
    { type: 'checklists', project: dunlin, state: { state: 'ready', value: { checklists: [], notes: ['n'], markdown: '# Migration checklist: dunlin\n' } } },
  ]);
  s = press(s, ['w']);
  assert.deepEqual(s.writing, { project: dunlin, markdown: '# Migration checklist: dunlin\n' });
  s = reduce(s, { type: 'written', message: 'wrote /x/dunlin-checklist.md' }, env());
  assert.equal(s.writing, null);
  assert.equal(s.nav.message, 'wrote /x/dunlin-checklist.md');
  assert.match(press(press(listed(env({ canWrite: false })), ['G', 'c'], env({ canWrite: false })), ['w'], env({ canWrite: false })).nav.message!, /not available here/);
});

test('changes: x asks for a plan; a stale answer is dropped; a, then y asks to apply; the applied changes replace the project and drop the checklists', () => {
  let s = press(listed(), ['G', 'c', 'x']);
  assert.equal(s.nav.view, 'changes');
  assert.deepEqual([s.change?.seq, s.change?.kind, s.change?.change.state], [1, 'fix', 'loading']);
  assert.equal(press(s, ['a']).nav.message, 'still planning…');
  const preview: ChangePreview = { title: '1 commit', text: '', notes: [], commits: 1, target: '/src/dunlin', apply: async () => ({ commits: [] }) };
  assert.equal(reduce(s, { type: 'planned', seq: 0, change: { state: 'failed', reason: 'old' } }, env()).change, s.change, 'an answer to an older request');
  s = reduce(s, { type: 'planned', seq: 1, change: { state: 'ready', preview, applying: false } }, env());
  s = press(s, ['a']);
  assert.equal(s.nav.confirm, true);
  const cancelled = press(s, ['n']);
  assert.deepEqual([cancelled.nav.confirm, cancelled.nav.message], [false, 'not applied']);
  s = press(s, ['y']);
  assert.equal(s.change?.change.state === 'ready' && s.change.change.applying, true);
  assert.equal(s.nav.message, 'applying…');
  const old = project('dunlin');
  const fresh: Project = { ...old, commit: 'f'.repeat(40) };
  s = reduce(s, { type: 'applied', seq: 1, project: old, applied: { commits: [{ commit: 'a'.repeat(40), subject: 'Fix' }], project: fresh } }, env());
  assert.equal(s.change?.change.state, 'applied');
  assert.equal(s.checklists.size, 0);
  assert.equal(s.nav.open, fresh);
  assert.ok(s.report!.projects.includes(fresh) && !s.report!.projects.includes(old));
  assert.equal(s.rows.find((r) => r.name === 'dunlin')!.project, fresh);
  assert.equal(s.nav.message, 'committed 1 change locally; nothing was pushed');
});

test('changes that cannot be made here, or a project that is no retirement candidate, only say so', () => {
  const none = env({ changeKinds: [] });
  assert.equal(press(listed(none), ['G', 'c', 'x'], none).nav.message, 'generating fixes: not available here');
  const aster = press(listed(), ['c', 'r']);
  assert.equal(aster.nav.view, 'checklist');
  assert.equal(aster.nav.message, 'aster is not a retirement candidate');
  assert.equal(aster.change, null);
});

test('q leaves with the report; nothing changes after', () => {
  const s = press(listed(), ['q']);
  assert.deepEqual(s.left, { interrupted: false, report: demo().report });
  assert.equal(press(s, ['j']), s);
  const ctrlC = reduce(press(listed(), ['/']), { type: 'key', input: 'c', key: { ...NO_KEY, ctrl: true }, layout: LAYOUT }, env());
  assert.equal(ctrlC.left?.interrupted, true, 'ctrl-c leaves even while typing a filter');
});
