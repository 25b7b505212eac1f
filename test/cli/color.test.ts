import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { colorWanted, expandBareColor, interactiveAllowed } from '../../src/cli/terminal.js';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';

const ESC = '\u001b[';
// runCli sets NO_COLOR=1 unless told otherwise; empty means not set (no-color.org).
const colorEnv = { NO_COLOR: '', TERM: 'xterm' };

test('colours: --color decides; otherwise only a terminal gets them, and never with NO_COLOR or TERM=dumb', () => {
  assert.equal(colorWanted('always', { NO_COLOR: '1', TERM: 'dumb' }, false), true);
  assert.equal(colorWanted('never', {}, true), false);
  assert.equal(colorWanted(undefined, {}, true), true);
  assert.equal(colorWanted('auto', {}, false), false);
  assert.equal(colorWanted(undefined, { NO_COLOR: '1' }, true), false);
  assert.equal(colorWanted(undefined, { NO_COLOR: '' }, true), true);
  assert.equal(colorWanted(undefined, { TERM: 'dumb' }, true), false);
});

test('nothing interactive unless stdin and stdout are terminals', () => {
  assert.equal(interactiveAllowed(true, true, { TERM: 'xterm-256color' }), true);
  assert.equal(interactiveAllowed(true, false, {}), false);
  assert.equal(interactiveAllowed(false, true, {}), false);
  assert.equal(interactiveAllowed(true, true, { TERM: 'dumb' }), false);
});

test('a bare --color means always; a value after it is kept; nothing after -- is touched', () => {
  assert.deepEqual(expandBareColor(['--color', 'path']), ['--color=always', 'path']);
  assert.deepEqual(expandBareColor(['--color', 'never']), ['--color', 'never']);
  assert.deepEqual(expandBareColor(['--', '--color']), ['--', '--color']);
});

test('the CLI writes colour codes to a pipe only when asked, and never into files', async () => {
  const aster = await fixtureRepo('aster');
  const plain = await runCli(['scan', aster], { env: colorEnv });
  assert.equal(plain.code, 0);
  assert.ok(!plain.stdout.includes(ESC));
  const asked = await runCli(['scan', aster, '--color'], { env: colorEnv });
  assert.ok(asked.stdout.includes(`${ESC}31mnot-started${ESC}39m`), asked.stdout);
  // The colours do not move the columns.
  // eslint-disable-next-line no-control-regex
  const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');
  assert.equal(strip(asked.stdout), plain.stdout);
  const json = await runCli(['scan', aster, '--color', '-f', 'json'], { env: colorEnv });
  assert.ok(!json.stdout.includes(ESC));
});

// A tmux server of this file's own: sessions of other tests on the machine's default server can end it
// while this one starts.
const SOCKET = `oslo-audit-color-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
after(() => {
  try {
    tmux('kill-server');
  } catch {
    /* the server was never started or has already gone */
  }
});

/** Runs the CLI in a real terminal (a tmux pane) and returns the screen with its escape codes. */
async function inTerminal(args: string[], env: Record<string, string>): Promise<string> {
  const session = `oslo-audit-color-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const command = ['env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, join(packageRoot, 'bin', 'oslo-audit.js'), ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  // The end mark comes through the same terminal after the output, so once it shows, all output has.
  // The session is left to its `sleep` and ended with the server: killing it would leave the server
  // empty, and a server that exits while the next `new-session` connects fails that command
  // ("server exited unexpectedly").
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', `${command}; echo END-OF-RUN; sleep 60`);
  for (let i = 0; i < 300; i++) {
    const screen = tmux('capture-pane', '-p', '-e', '-t', session);
    if (screen.includes('END-OF-RUN')) return screen;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the command did not finish in the terminal');
}

test('in a terminal: colours by default, none with NO_COLOR or TERM=dumb', async () => {
  const aster = await fixtureRepo('aster');
  const colour = await inTerminal(['scan', aster], { TERM: 'xterm-256color', CI: 'false', NO_COLOR: '' });
  assert.match(colour, /PROJECT/);
  assert.ok(colour.includes(ESC), 'colours in a terminal');
  const noColor = await inTerminal(['scan', aster], { TERM: 'xterm-256color', NO_COLOR: '1' });
  assert.match(noColor, /not-started/);
  assert.ok(!noColor.includes(`${ESC}31m`), 'no colours with NO_COLOR');
  const dumb = await inTerminal(['scan', aster], { TERM: 'dumb', NO_COLOR: '' });
  assert.match(dumb, /not-started/);
  assert.ok(!dumb.includes(`${ESC}31m`), 'no colours with TERM=dumb');
});
