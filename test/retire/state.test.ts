import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeCommits } from '../../src/git/index.js';
import { applyRetirement, assessRetirement, candidacy, planRetirement, readRetireInputs, validateRetirementState, type RetirementState } from '../../src/retire/index.js';
import { COMMIT_ENV, INFRA, NOW, world, type World } from './world.js';

async function stateOf(w: World): Promise<RetirementState> {
  const { inputs, lookup } = await readRetireInputs({ repository: w.kite, projectConfig: w.projectConfig, governance: w.governance, now: NOW });
  const state = await assessRetirement(inputs, lookup);
  assert.deepEqual(validateRetirementState(state), [], 'the state must validate against src/retire/retirement.schema.json');
  return state;
}

const statuses = (s: RetirementState): Record<string, string> => Object.fromEntries(s.steps.map((x) => [x.id, x.status]));

/** Commits only the first `n` planned changes: a repository part-way through its retirement. */
async function retireUpTo(w: World, n: number): Promise<void> {
  const { inputs, lookup, roots } = await readRetireInputs({ repository: w.kite, projectConfig: w.projectConfig, governance: w.governance, now: NOW });
  const changes = planRetirement(inputs, await assessRetirement(inputs, lookup), { date: '2018-11-24' });
  await applyRetirement(changes.slice(0, n), roots, {}, COMMIT_ENV);
}

test('an active project: every step pending, with the lines that say so', async () => {
  const w = await world();
  const s = await stateOf(w);
  assert.equal(s.repo, 'openstack/kite');
  assert.equal(s.state, 'active');
  assert.deepEqual(statuses(s), { announce: 'unknown', 'gating-ended': 'pending', 'content-removed': 'pending', 'infra-removed': 'pending', 'governance-retired': 'pending' });
  const gating = s.steps[1]!.evidence[0]!;
  assert.equal(gating.file, 'zuul.d/projects.yaml');
  assert.equal(gating.line, 13);
  assert.match(gating.note, /^entry still gates: openstack-python3-jobs, check-requirements, kite-tempest$/);
  assert.match(gating.commit ?? '', /^[0-9a-f]{40}$/);
  assert.equal(gating.date, '2015-01-10');
  const governance = s.steps[4]!.evidence[0]!;
  assert.deepEqual([governance.file, governance.line], ['reference/projects.yaml', 19]);
  assert.deepEqual(s.leftovers, []);
});

test('candidacy: months since the last human commit (bots do not count) and the number of authors, in words', async () => {
  const s = await stateOf(await world());
  assert.deepEqual(s.candidate, {
    isCandidate: true,
    quiet: false,
    reasons: [
      'no human commit since 2016-01-20 (34 months)', '0 human authors in the last 365 days (at most 1)', 'official: deliverable kite of team aviary',
      'still gated: zuul.d/projects.yaml: openstack-python3-jobs, check-requirements, kite-tempest', 'never released (no tags)',
    ],
  });
  const busy = { lastCommit: '2018-10-01T00:00:00Z', lastHumanCommit: '2018-10-01T00:00:00Z', commits90d: 9, commits365d: 40, authors365d: 4, lastIncubatorSync: null };
  const c = candidacy(busy, NOW, { inactiveMonths: 12, maxAuthors: 1 });
  assert.equal(c.isCandidate, false);
  assert.deepEqual(c.reasons, ['a human commit on 2018-10-01, 1 month ago (under 12)', '4 human authors in the last 365 days (more than 1)']);
  assert.equal(candidacy(busy, NOW, { inactiveMonths: 1, maxAuthors: 5 }).isCandidate, true);
});

test('each state in turn as the changes land: gating-ended, content-removed, infra-removed, fully-retired', async () => {
  const expected: [number, string, Record<string, string>][] = [
    [1, 'gating-ended', { 'gating-ended': 'done', 'content-removed': 'pending', 'infra-removed': 'pending', 'governance-retired': 'pending' }],
    [2, 'content-removed', { 'gating-ended': 'done', 'content-removed': 'done', 'infra-removed': 'pending', 'governance-retired': 'pending' }],
    [3, 'infra-removed', { 'gating-ended': 'done', 'content-removed': 'done', 'infra-removed': 'done', 'governance-retired': 'pending' }],
    [4, 'fully-retired', { 'gating-ended': 'done', 'content-removed': 'done', 'infra-removed': 'done', 'governance-retired': 'done' }],
  ];
  for (const [n, state, steps] of expected) {
    const w = await world();
    await retireUpTo(w, n);
    const s = await stateOf(w);
    assert.equal(s.state, state, `after ${n} changes`);
    const { announce, ...rest } = statuses(s);
    assert.equal(announce, 'unknown');
    assert.deepEqual(rest, steps, `after ${n} changes`);
    // After retirement, candidacy still judges the history before the retirement commit.
    assert.equal(s.candidate.isCandidate, true);
  }
});

test('evidence of a done step names the commit that did it', async () => {
  const w = await world();
  await retireUpTo(w, 1);
  const s = await stateOf(w);
  const e = s.steps[1]!.evidence[0]!;
  assert.equal(e.note, 'check and gate run only noop');
  assert.equal(e.date, '2018-11-24');
  const w4 = await world();
  await retireUpTo(w4, 4);
  const legacy = (await stateOf(w4)).steps[4]!.evidence.find((x) => x.file === 'reference/legacy.yaml')!;
  assert.match(legacy.note, /retired-on 2018-11-24/);
});

test('steps done out of order: governance first gives state governance-retired with the rest pending', async () => {
  const w = await world('modern', {
    governance: [{
      date: '2017-02-01T10:00:00Z', author: INFRA, message: 'Move kite to legacy',
      files: {
        'reference/projects.yaml': (await import('node:fs')).readFileSync(new URL('../../../fixtures/governance/reference/projects.yaml', import.meta.url), 'utf8')
          .replace('    kite:\n      repos:\n        - openstack/kite\n      tags:\n        - type:service\n', ''),
        'reference/legacy.yaml': '---\naviary:\n  partial: yes\n  deliverables:\n    kite:\n      retired-on: 2017-01-31\n      repos:\n        - openstack/kite\n',
      },
    }],
  });
  const s = await stateOf(w);
  assert.equal(s.state, 'governance-retired');
  assert.equal(statuses(s)['gating-ended'], 'pending');
  const ev = s.steps[4]!.evidence;
  assert.equal(ev[0]!.note, 'not in reference/projects.yaml');
  assert.equal(ev[0]!.date, '2017-02-01', 'the removal commit is found in governance history');
  assert.equal(ev[1]!.line, 6);
});

test('leftovers: an ACL file kept after switching to retired.config, and a gerritbot entry', async () => {
  const fs = await import('node:fs');
  const gerrit = fs.readFileSync(new URL('../../../fixtures/project-config/modern/gerrit/projects.yaml', import.meta.url), 'utf8')
    .replace('- project: openstack/kite\n  description: Kite key distribution service\n', '- project: openstack/kite\n  description: RETIRED, Kite key distribution service\n  acl-config: /home/gerrit2/acls/openstack/retired.config\n');
  const zuul = fs.readFileSync(new URL('../../../fixtures/project-config/modern/zuul.d/projects.yaml', import.meta.url), 'utf8');
  const w = await world('modern', {
    projectConfig: [{
      date: '2018-03-01T10:00:00Z', author: INFRA, message: 'Remove kite from infrastructure',
      files: {
        'gerrit/projects.yaml': gerrit,
        'zuul.d/projects.yaml': zuul.replace(/# kite keeps[\s\S]*?kite-tempest\n    gate:\n      jobs:\n        - kite-tempest\n\n/, ''),
        'zuul/main.yaml': fs.readFileSync(new URL('../../../fixtures/project-config/modern/zuul/main.yaml', import.meta.url), 'utf8').replace('          - openstack/kite\n', ''),
      },
    }],
  });
  const s = await stateOf(w);
  assert.equal(statuses(s)['infra-removed'], 'done');
  assert.deepEqual(s.leftovers.map((l) => `${l.file}:${l.line ?? '-'} ${l.note}`), [
    'gerrit/acls/openstack/kite.config:- ACL file still present although acl-config points at retired.config',
    'gerritbot/channels.yaml:8 still listed for #openstack-birds',
    'gerritbot/channels.yaml:17 still listed for #openstack-kite',
  ]);
  const removal = s.steps[3]!.evidence.find((e) => e.file === 'zuul/main.yaml')!;
  assert.equal(removal.note, 'not listed');
  assert.equal(removal.date, '2018-03-01');
});

test('the 2016 layout: zuul/layout.yaml, jenkins/jobs/projects.yaml and a read-only ACL file', async () => {
  const fs = await import('node:fs');
  const read = (p: string): string => fs.readFileSync(new URL(`../../../fixtures/project-config/2016/${p}`, import.meta.url), 'utf8');
  const layout = read('zuul/layout.yaml');
  const noop = layout.replace('      - name: merge-check\n      - name: python-jobs\n      - name: python34-jobs\n    check:\n      - gate-kite-dsvm\n', '      - name: merge-check\n      - name: noop-jobs\n');
  const w = await world('2016', {
    projectConfig: [{
      date: '2016-03-25T10:00:00Z', author: INFRA, message: 'Retiring kite and python-kiteclient projects',
      files: { 'zuul/layout.yaml': noop, 'jenkins/jobs/projects.yaml': read('jenkins/jobs/projects.yaml').replace('- project:\n    name: kite\n    node: ubuntu-trusty\n    jobs:\n      - python-jobs\n      - gate-kite-dsvm\n\n', '') },
    }],
  });
  let s = await stateOf(w);
  assert.equal(statuses(s)['gating-ended'], 'done');
  assert.deepEqual([s.steps[1]!.evidence[0]!.file, s.steps[1]!.evidence[0]!.date, s.steps[1]!.evidence[0]!.note], ['zuul/layout.yaml', '2016-03-25', 'check and gate run only noop (the other templates do not gate: merge-check)']);
  assert.equal(statuses(s)['infra-removed'], 'pending');

  await writeCommits(w.projectConfig, [{
    date: '2016-07-12T10:00:00Z', author: INFRA, message: 'Remove kite configuration',
    files: {
      'zuul/layout.yaml': noop.replace('  # kite runs its own devstack job\n  - name: openstack/kite\n    template:\n      - name: merge-check\n      - name: noop-jobs\n\n', ''),
      'gerrit/acls/openstack/kite.config': '[project]\nstate = read only\n',
    },
  }]);
  s = await stateOf(w);
  assert.equal(statuses(s)['infra-removed'], 'done');
  assert.equal(statuses(s)['gating-ended'], 'done');
  const acl = s.steps[3]!.evidence.find((e) => e.file === 'gerrit/acls/openstack/kite.config')!;
  assert.deepEqual([acl.line, acl.date], [2, '2016-07-12']);
  assert.deepEqual(s.leftovers.map((l) => `${l.file}:${l.line}`), ['gerritbot/channels.yaml:6']);
  assert.equal(s.state, 'infra-removed');
});

test('a project that is not official is not-applicable in governance, and unknown where project-config never knew it', async () => {
  const w = await world();
  const { inputs, lookup } = await readRetireInputs({ repository: w.kite, projectConfig: w.projectConfig, governance: w.governance, repo: 'x/sparrow', now: NOW });
  const s = await assessRetirement(inputs, lookup);
  assert.deepEqual(validateRetirementState(s), []);
  assert.equal(statuses(s)['governance-retired'], 'not-applicable');
  assert.equal(statuses(s)['gating-ended'], 'unknown');
  assert.equal(statuses(s)['infra-removed'], 'unknown');
});

test("a GitHub mirror's farewell after the retirement commit does not undo it (kite, 2016 then 2019)", async () => {
  const w = await world();
  await retireUpTo(w, 2); // gating ended, content removed: README.rst says the project is no longer maintained
  const retired = await stateOf(w);
  const removal = retired.steps.find((x) => x.id === 'content-removed')!;
  assert.equal(removal.status, 'done');
  const at = removal.evidence.find((e) => e.note === 'content removed');
  assert.match(at?.commit ?? '', /^[0-9a-f]{40}$/);
  // 2019: the mirror replaces README.rst with a README.md pointing to the new home.
  await writeCommits(w.kite, [
    { date: '2019-09-26T10:00:00Z', author: 'Jim Mirror <jim@example.org>', message: 'Retire github mirror, repo moved to opendev', files: { 'README.rst': null, 'README.md': '# This repo has moved to OpenDev\n\nIt can now be found at https://opendev.org/x/kite\n' } },
  ]);
  const s = await stateOf(w);
  const step = s.steps.find((x) => x.id === 'content-removed')!;
  assert.equal(step.status, 'done');
  assert.equal(step.evidence[0]!.commit, at!.commit, 'the evidence is the retirement commit, not the farewell');
  assert.match(step.evidence[1]!.note, /mirror commit replaced the README/);
  // Activity is judged from before the retirement: the farewell is no sign of life.
  assert.match(s.candidate.reasons[0]!, /^no human commit since 2016-01-20/);
});

test('a README.md that does not say the repository moved is still content', async () => {
  const w = await world();
  await retireUpTo(w, 2);
  await writeCommits(w.kite, [{ date: '2019-09-26T10:00:00Z', author: 'Jim <jim@example.org>', message: 'Add notes', files: { 'README.md': '# Notes\n\nUse it like this.\n' } }]);
  const step = (await stateOf(w)).steps.find((x) => x.id === 'content-removed')!;
  assert.equal(step.status, 'pending');
});
