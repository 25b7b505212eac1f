import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanCheckout } from '../../src/pipeline/index.js';
import { failedProject, makeReport, parseGovernanceTeams, renderGoal, type Report } from '../../src/report/index.js';
import { packageRoot } from '../../src/paths.js';
import { assertGolden } from '../helpers/golden.js';
import { fixtureRepo } from '../helpers/repo.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const GOVERNANCE = join(packageRoot, 'fixtures', 'governance-goal', 'reference', 'projects.yaml');


let report: Promise<Report> | undefined;
function fixtureReport(): Promise<Report> {
  report ??= (async () => {
    const projects = [];
    for (const name of ['aster', 'birch', 'cedar', 'dunlin']) projects.push(await scanCheckout({ path: await fixtureRepo(name) }, { activity: { now: NOW } }));
    projects.push(failedProject({ name: 'python-asterclient', repo: 'openstack/python-asterclient', source: 'x' }, { stage: 'clone', message: 'repository not found' }));
    return makeReport(projects, NOW);
  })();
  return report;
}

test('the governance reader gives each team its repositories in file order', () => {
  const teams = parseGovernanceTeams(readFileSync(GOVERNANCE, 'utf8'), GOVERNANCE);
  assert.deepEqual(teams, [
    { name: 'Aster Compute', repos: ['openstack/aster', 'openstack/python-asterclient', 'openstack/birch'] },
    { name: 'cedar', repos: ['openstack/cedar', 'openstack/cedar-tempest-plugin'] },
  ]);
  assert.throws(() => parseGovernanceTeams('- a\n- b\n', 'list.yaml'), /list\.yaml is not a governance projects\.yaml/);
  assert.throws(() => parseGovernanceTeams('a: [\n', 'bad.yaml'), /bad\.yaml is not YAML/);
});

test('goal tables in Markdown, per team from a governance with two teams', async () => {
  const teams = parseGovernanceTeams(readFileSync(GOVERNANCE, 'utf8'), GOVERNANCE);
  assertGolden('goal.md', renderGoal(await fixtureReport(), { teams, style: 'markdown' }));
});

test('goal tables in reStructuredText, per team from a governance with two teams', async () => {
  const teams = parseGovernanceTeams(readFileSync(GOVERNANCE, 'utf8'), GOVERNANCE);
  assertGolden('goal.rst', renderGoal(await fixtureReport(), { teams, style: 'rst' }));
});
