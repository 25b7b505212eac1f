// Keys that arrive together: a fast typist or a paste sends `/gli` and enter in one read, or in several
// reads before the screen redraws. Every key counts, in order, as if typed slowly.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { ReviewApp } from '../../src/ui/index.js';
import { reviewFunctions } from './functions.js';
import { demoFixture, KEYS, NOW, rowNames, waitForFrame } from './ink.js';

const demo = demoFixture();
const NAMES = ['aster', 'birch', 'cedar', 'dunlin'];

function app() {
  const ui = render(<ReviewApp report={demo().report} now={NOW} colors={false} {...reviewFunctions()} />);
  return { ui, frame: () => ui.lastFrame() ?? '', stdin: ui.stdin };
}

const keptFilter = (f: string): boolean => f.includes('filter: dun') && !f.includes('filter: /');

test('a filter and enter in one read: the filter is kept and the prompt closed', async (t) => {
  const { ui, frame, stdin } = app();
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  stdin.write('/dun\r');
  const f = await waitForFrame(frame, keptFilter, 'the kept filter');
  assert.deepEqual(rowNames(f, NAMES), ['dunlin']);
  assert.match(f, /enter open .* q quit/, 'the list hints, not the prompt');
  // The next key is a list key again: enter opens the one project left.
  stdin.write(KEYS.enter);
  await waitForFrame(frame, (x) => x.includes('dunlin') && x.includes('› findings'), 'dunlin opened');
});

test('a filter and enter in separate reads before any redraw: the same as one read', async (t) => {
  const { ui, frame, stdin } = app();
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  for (const k of ['/', 'd', 'u', 'n', KEYS.enter]) stdin.write(k);
  const f = await waitForFrame(frame, keptFilter, 'the kept filter');
  assert.deepEqual(rowNames(f, NAMES), ['dunlin']);
});

test('a filter, enter and enter again in one read: the prompt closes, then the one project left opens', async (t) => {
  const { ui, frame, stdin } = app();
  t.after(() => ui.unmount());
  await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  stdin.write('/dun\r\r');
  const f = await waitForFrame(frame, (x) => x.includes('› findings'), 'a project opened');
  assert.match(f, /^dunlin/m);
});
