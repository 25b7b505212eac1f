// Findings of rule packs in the outputs: the JSON report stays valid, a goal's table says done / in
// progress / not started per repository from a governance checkout, checklists group them by goal,
// and SARIF gets one rule per pack rule with work left.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoWith } from '../helpers/repo.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

const PROJECTS = `Alpha:
  deliverables:
    alpha:
      repos:
        - openstack/alpha
        - openstack/beta
        - openstack/gamma
`;

async function world() {
  const alpha = await repoWith({ '.gitreview': '[gerrit]\nproject=openstack/alpha.git\n', 'alpha/svc.py': 'import eventlet\n\neventlet.monkey_patch()\n' }, 'alpha');
  const beta = await repoWith(
    {
      '.gitreview': '[gerrit]\nproject=openstack/beta.git\n',
      'beta/svc.py': 'from oslo_service import backend\n\nbackend.init_backend(backend.BackendType.THREADING)\nimport eventlet\n',
    },
    'beta',
  );
  const gamma = await repoWith({ '.gitreview': '[gerrit]\nproject=openstack/gamma.git\n', 'gamma/svc.py': '"""No eventlet here: eventlet.spawn is gone."""\nimport threading\n' }, 'gamma');
  const governance = tempDir();
  mkdirSync(join(governance, 'reference'));
  writeFileSync(join(governance, 'reference', 'projects.yaml'), PROJECTS);
  mkdirSync(join(governance, 'goals', 'selected'), { recursive: true });
  writeFileSync(join(governance, 'goals', 'selected', 'remove-eventlet.rst'), '==============================\nRemove Eventlet from OpenStack\n==============================\n\nText.\n');
  const out = tempDir();
  const report = join(out, 'r.json');
  const scanned = await runCli(['scan', alpha, beta, gamma, '--packs', 'eventlet', '--no-cache', '-f', 'json', '-o', report]);
  assert.equal(scanned.code, 0, scanned.stderr);
  return { alpha, governance, report };
}

test('goal table, checklist and SARIF for a rule pack', async () => {
  const { alpha, governance, report } = await world();
  const parsed: unknown = JSON.parse(readFileSync(report, 'utf8'));
  assertValidReport(parsed);
  assert.equal(parsed.projects[0]!.summary.counts['goal-usage'], 2);

  const goal = await runCli(['merge', report, '--format', 'goal', '--goal', 'remove-eventlet', '--governance', governance]);
  assert.equal(goal.code, 0, goal.stderr);
  assert.match(goal.stdout, /^# Remove Eventlet from OpenStack\n/);
  assert.match(goal.stdout, /\| openstack\/alpha \| eventlet-import 1, eventlet-monkey-patch 1 \| none \| not started \|/);
  assert.match(goal.stdout, /\| openstack\/beta \| eventlet-import 1 \| oslo-service-threading-backend 1 \| in progress \|/);
  assert.match(goal.stdout, /\| openstack\/gamma \| none \| none \| done \|/);
  assert.match(goal.stdout, /1 of 3 repositories done\./);

  const noFormat = await runCli(['merge', report, '--goal', 'remove-eventlet', '--governance', governance]);
  assert.equal(noFormat.code, 2);
  assert.match(noFormat.stderr, /--goal renders a goal table: give it with --format goal/);

  const gate = await runCli(['merge', report, '--fail-on', 'goal-usage', '-o', join(tempDir(), 'm.json')]);
  assert.equal(gate.code, 1);
  assert.match(gate.stderr, /3 findings of goal-usage; the threshold is 0/);

  const missing = await runCli(['merge', report, '--format', 'goal', '--goal', 'no-such-goal', '--governance', governance]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--goal no-such-goal: cannot read .*no-such-goal\.rst/);

  const checklist = await runCli(['checklist', alpha, '--packs', 'eventlet', '--no-cache']);
  assert.equal(checklist.code, 0, checklist.stderr);
  assert.match(checklist.stdout, /## Community goals \(rule packs\), by goal\n\n- \[ \] \*\*remove-eventlet: eventlet-import \(1 place\)\*\*/);
  assert.match(checklist.stdout, /`alpha\/svc.py:3` — eventlet.monkey_patch is Eventlet's monkey patching/);

  const sarif = JSON.parse((await runCli(['merge', report, '--format', 'sarif'])).stdout);
  const run = sarif.runs[0];
  const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.ok(ids.includes('eventlet-monkey-patch') && ids.includes('eventlet-import'));
  const patch = run.results.find((r: { ruleId: string }) => r.ruleId === 'eventlet-monkey-patch');
  assert.equal(patch.level, 'error');
  assert.equal(ids[patch.ruleIndex], 'eventlet-monkey-patch');
  assert.ok(!run.results.some((r: { ruleId: string }) => r.ruleId === 'oslo-service-threading-backend'), 'progress is not a problem');
});

test('the review UI lists rule-pack findings under their goal', async () => {
  const { findingEntries } = await import('../../src/ui/findingGroups.js');
  const { alpha } = await world();
  const scanned = await runCli(['scan', alpha, '--packs', 'eventlet,incubator', '--no-cache', '-f', 'json']);
  const project = JSON.parse(scanned.stdout).projects[0];
  const titles = findingEntries(project).filter((e) => e.type === 'group').map((e) => (e as { title: string }).title);
  assert.deepEqual(titles, ['goal remove-eventlet: left to change: 2']);
});
