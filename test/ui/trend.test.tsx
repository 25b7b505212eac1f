// The review app given a trend: a sparkline per project in the list, a small chart in the project view.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { parseTarget } from '../../src/sources/index.js';
import { remainingAt, sparkline, type TrendReport } from '../../src/report/index.js';
import { runTrend } from '../../src/trend/index.js';
import { ReviewApp } from '../../src/ui/index.js';
import { demoFixture, KEYS, NOW, press, waitForFrame } from './ink.js';
import { reviewFunctions } from './functions.js';

const demo = demoFixture();
let trend: TrendReport;
/** The demo's trend over its release tags, made once (after the workspace is built). */
async function demoTrend(): Promise<TrendReport> {
  const targets = demo().projects.map((p) => ({ ...parseTarget(p.dir), name: p.name }));
  trend ??= (await runTrend(targets, { by: 'tags', patterns: [], maxPoints: 20 }, { cacheDir: '/nonexistent', cache: null })).trend;
  return trend;
}

test('the demo histories have releases that burn down', async () => {
  await demoTrend();
  const birch = trend.projects.find((p) => p.name === 'birch')!;
  assert.ok(birch.points.length >= 4, JSON.stringify(birch.points.map((p) => p.label)));
  const left = birch.points.map(remainingAt);
  assert.ok(left[0]! > left[left.length - 1]!, `birch burns down: ${left.join(' ')}`);
});

test('the list has a TREND column with each project’s sparkline; the project view a chart per series', async (t) => {
  await demoTrend();
  const ui = render(<ReviewApp report={demo().report} now={NOW} colors={false} trend={trend} {...reviewFunctions()} />);
  t.after(() => ui.unmount());
  const frame = () => ui.lastFrame() ?? '';
  const f = await waitForFrame(frame, (x) => x.includes('dunlin'), 'the list');
  assert.match(f, /RETIRE {2}TREND/);
  for (const p of trend.projects) {
    const line = f.split('\n').find((l) => l.includes(` ${p.name} `))!;
    assert.ok(line.trimEnd().endsWith(sparkline(p.points.map(remainingAt))), `${p.name}: ${line}`);
  }
  await press(ui.stdin, KEYS.down, KEYS.enter);
  const birch = trend.projects.find((p) => p.name === 'birch')!;
  const view = await waitForFrame(frame, (x) => x.includes('trend over'), 'the project view');
  assert.match(view, new RegExp(`trend over ${birch.points.length} points, ${birch.points[0]!.label} \\(`));
  const first = birch.points[0]!;
  const last = birch.points[birch.points.length - 1]!;
  const modules = birch.points.map((p) => p.incubatorModules);
  assert.match(view, new RegExp(`incubator modules left\\s+${sparkline(modules)}\\s+${first.incubatorModules} → ${last.incubatorModules}`));
  const namespace = birch.points.map((p) => p.counts['namespace-import'] ?? 0);
  assert.match(view, new RegExp(`namespace imports\\s+${sparkline(namespace)}\\s+${namespace[0]} → ${namespace[namespace.length - 1]}`));
});
