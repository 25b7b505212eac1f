// The real CLI in a real terminal: `oslo-audit review` inside tmux, driven by keys, read off the screen.
// tmux is required (`.ci/run` installs it): without it this test fails rather than skips.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildDemoWorkspace, type DemoProject } from '../../src/demo/index.js';
import { packageRoot } from '../../src/paths.js';
import { tempDir } from '../helpers/tmp.js';

// A tmux server of our own, so no session of the person running the tests is touched.
const SOCKET = `oslo-audit-e2e-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

const root = tempDir();
let projects: DemoProject[] = [];

before(async () => {
  execFileSync('tmux', ['-V']); // throws, failing the tests, when tmux is missing
  projects = await buildDemoWorkspace(join(root, 'demo'));
});
after(() => {
  try {
    tmux('kill-server');
  } catch {
    /* the server was never started or has already gone */
  }
});

/**
 * Starts the CLI in a 100×30 terminal; the shell reports the exit code and keeps the pane open.
 * CI is unset rather than set to false: under any CI value Ink draws only the last frame or chalk
 * draws no colour, and the test is about what a person at a terminal sees.
 */
function start(session: string, env: string, args: string[]): void {
  const cli = `node ${quote(join(packageRoot, 'bin', 'oslo-audit.js'))} ${args.map(quote).join(' ')}`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `cd ${quote(root)} && env -u CI -u CONTINUOUS_INTEGRATION ${env} ${cli}; echo "exit code $?"; sleep 120`);
}

const screen = (session: string, escapes = false): string => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session);

async function waitFor(session: string, ok: (s: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = screen(session);
    if (ok(s)) return s;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}; screen:\n${s}`);
    await settle(100);
  }
}

const keys = (session: string, ...k: string[]): void => void tmux('send-keys', '-t', session, ...k);

// Any foreground colour: 30–37, 90–97, or 256/true colour (38;…).
// eslint-disable-next-line no-control-regex
const COLOUR = /\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m/;

test('review in tmux: list, a project with its findings and preview, its checklists written to Markdown, quit', async () => {
  const out = join(root, 'checklists');
  start('review', '-u NO_COLOR', ['review', '--checklist-dir', out, ...projects.map((p) => p.dir)]);
  let s = await waitFor('review', (x) => x.includes('4 projects') && x.includes('dunlin'), 'the project list after the scan');
  for (const p of projects) assert.match(s, new RegExp(`^[> ] ${p.name}\\s`, 'm'), p.name);
  assert.match(s, /^ {2}dunlin\s.*not-started\s+yes\s*$/m, 'dunlin is a retirement candidate');
  assert.ok(COLOUR.test(screen('review', true)), 'statuses are coloured when NO_COLOR is not set');

  keys('review', 'G');
  await waitFor('review', (x) => /^> dunlin/m.test(x), 'the cursor on dunlin');
  keys('review', 'Enter');
  s = await waitFor('review', (x) => x.includes('dunlin › findings'), 'the dunlin screen');
  assert.match(s, /retirement candidate/);
  assert.match(s, /last human commit 2016-01-20/);
  assert.match(s, /^incubator \S+ → /m, 'findings grouped by incubator module');
  assert.match(s, /^── \S+ ─+/m, 'the source preview of the selected finding');

  keys('review', 'j');
  keys('review', 'c');
  s = await waitFor('review', (x) => x.includes('Migration checklist: dunlin'), 'the migration checklist');
  assert.match(s, /Migration checklist: dunlin \(openstack\/dunlin\) · \d+ open of \d+/);
  // A real migration item: the module, its successor library and import, and the requirement line to add.
  assert.match(s, /\[ \] gettextutils: use oslo\.i18n \(`oslo_i18n`\)/);
  assert.match(s, /- Add to requirements\.txt: `oslo\.i18n>=0\.1\.0`/);
  keys('review', 'G');
  await waitFor('review', (x) => x.includes('Retire it in governance'), 'the retirement checklist');
  keys('review', 'w');
  const path = join(out, 'dunlin-checklist.md');
  await waitFor('review', (x) => x.includes('wrote '), 'the checklist written');
  assert.ok(existsSync(path));
  const md = readFileSync(path, 'utf8');
  assert.match(md, /^# Migration checklist: dunlin/);
  assert.match(md, /^# Retirement checklist: dunlin/m);

  keys('review', 'Escape');
  await waitFor('review', (x) => x.includes('dunlin › findings'), 'back to the project');
  keys('review', 'Escape');
  await waitFor('review', (x) => x.includes('sort: name'), 'back to the list');
  keys('review', 'q');
  s = await waitFor('review', (x) => x.includes('exit code'), 'the exit');
  assert.match(s, /exit code 0/);
  assert.doesNotMatch(s, /sort: name/, 'the alternate screen is left: the list is gone from the terminal');
});

test('review in tmux with NO_COLOR: no colours, a failed repository counted, exit code 3', async () => {
  start('plain', 'NO_COLOR=1', ['review', projects[0]!.dir, join(root, 'missing')]);
  const s = await waitFor('plain', (x) => x.includes('2 projects'), 'the project list');
  assert.match(s, /1 failed/);
  assert.match(s, /^ {2}missing\s.*error/m);
  assert.doesNotMatch(screen('plain', true), COLOUR, 'no colour escape sequences');
  keys('plain', 'q');
  assert.match(await waitFor('plain', (x) => x.includes('exit code'), 'the exit'), /exit code 3/);
});
