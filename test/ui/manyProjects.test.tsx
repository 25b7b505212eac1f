// A thousand projects: only the rows inside the window are rendered.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { makeReport, type Project } from '../../src/report/index.js';
import { ReviewApp } from '../../src/ui/index.js';
import { reviewFunctions } from './functions.js';
import { demoFixture, KEYS, NOW, press, waitForFrame } from './ink.js';

const demo = demoFixture();

function thousand(): Project[] {
  // Real scanned projects, renamed: the figures vary with the project each copy was made from.
  const base = demo().report.projects;
  return Array.from({ length: 1000 }, (_, i) => ({ ...base[i % base.length]!, name: `proj-${String(i).padStart(4, '0')}` }));
}

/** The project names on row lines (the title may name a project in its filter). */
const rowsIn = (frame: string): string[] => [...frame.matchAll(/^[> ] (proj-\d{4})/gm)].map((m) => m[1]!);

test('with 1,000 projects only the visible window of rows is in the frame', async (t) => {
  const ui = render(<ReviewApp report={makeReport(thousand())} now={NOW} colors={false} {...reviewFunctions()} />);
  t.after(() => ui.unmount());
  const frame = () => ui.lastFrame() ?? '';
  let f = await waitForFrame(frame, (x) => x.includes('proj-0000'), 'the first rows');
  assert.match(f, /1000 projects/);
  // 24 rows: one spare line, the title, the column header and the status bar leave 20 rows.
  assert.deepEqual(rowsIn(f), Array.from({ length: 20 }, (_, i) => `proj-${String(i).padStart(4, '0')}`));
  assert.ok(!f.includes('proj-0500'), 'row 500 is not rendered before the cursor gets there');

  await press(ui.stdin, 'G');
  f = await waitForFrame(frame, (x) => x.includes('proj-0999'), 'the last rows');
  assert.equal(rowsIn(f).length, 20);
  assert.equal(rowsIn(f)[0], 'proj-0980');
  assert.ok(!f.includes('proj-0000') && !f.includes('proj-0500'));
  assert.match(f.split('\n').find((l) => l.startsWith('>'))!, /proj-0999/);

  // Twenty-five pages down from the top lands on row 500, and only its window is drawn.
  await press(ui.stdin, 'g');
  for (let i = 0; i < 25; i++) await press(ui.stdin, KEYS.pageDown);
  f = await waitForFrame(frame, (x) => x.includes('> proj-0500'), 'row 500 selected');
  assert.equal(rowsIn(f).length, 20);
  assert.deepEqual(rowsIn(f).slice(-1), ['proj-0500']);
  await press(ui.stdin, KEYS.pageUp);
  f = await waitForFrame(frame, (x) => x.includes('> proj-0480'), 'a page up');
  assert.equal(rowsIn(f)[0], 'proj-0480');

  // Filtering a thousand rows down to one.
  await press(ui.stdin, '/', ...'proj-0777', KEYS.enter);
  f = await waitForFrame(frame, (x) => x.includes('1 of 1000 projects'), 'the filtered list');
  assert.deepEqual(rowsIn(f), ['proj-0777']);
});
