import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colorWanted, expandBareColor, interactiveAllowed } from '../../src/cli/terminal.js';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';

const ESC = '\u001b[';

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
  const plain = await runCli(['scan', aster]);
  assert.equal(plain.code, 0);
  assert.ok(!plain.stdout.includes(ESC));
  const asked = await runCli(['scan', aster, '--color']);
  assert.ok(asked.stdout.includes(`${ESC}31mnot-started${ESC}39m`), asked.stdout);
  // The colours do not move the columns.
  const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');
  assert.equal(strip(asked.stdout), plain.stdout);
  const noColor = await runCli(['scan', aster, '--color=auto'], { env: { NO_COLOR: '1' } });
  assert.ok(!noColor.stdout.includes(ESC));
  const dumb = await runCli(['scan', aster, '--color=auto'], { env: { TERM: 'dumb' } });
  assert.ok(!dumb.stdout.includes(ESC));
  const json = await runCli(['scan', aster, '--color', '-f', 'json']);
  assert.ok(!json.stdout.includes(ESC));
});
