// Retirement as it looked in each era of real OpenStack history, on fixtures built as real git
// repositories: 2015 layout.yaml with the project's own read-only ACL and retired-projects.yaml, 2017
// zuul.d with retired.config, 2018+ RETIRED, prefixes and publishing templates, today's deprecations.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeCommits, type CommitSpec } from '../../src/git/index.js';
import { assessRetirement, planRetirement, readRetireInputs, retirementChecklist, validateRetirementState, type RetirementState } from '../../src/retire/index.js';
import { tempDir } from '../helpers/tmp.js';
import { cli } from './cli.js';

const INFRA = 'Infra Core <infra@example.org>';
const DEV = 'Jane Developer <jane@example.org>';
const RELEASE_BOT = 'OpenStack Release Bot <infra-root@openstack.org>';

interface Case {
  projectConfig: CommitSpec[];
  governance: CommitSpec[];
  repository: CommitSpec[];
  name?: string;
}

async function build(c: Case): Promise<{ root: string; pc: string; gov: string; repo: string }> {
  const root = tempDir();
  const pc = join(root, 'project-config');
  const gov = join(root, 'governance');
  const repo = join(root, c.name ?? 'kite');
  await writeCommits(pc, c.projectConfig);
  await writeCommits(gov, c.governance);
  await writeCommits(repo, c.repository);
  return { root, pc, gov, repo };
}

async function stateOf(w: { pc: string; gov: string; repo: string }, now = '2026-01-01', extra: { requirements?: string } = {}): Promise<RetirementState> {
  const { inputs, lookup, close } = await readRetireInputs({ repository: w.repo, projectConfig: w.pc, governance: w.gov, now: new Date(`${now}T00:00:00Z`), ...extra });
  const state = await assessRetirement(inputs, lookup).finally(close);
  assert.deepEqual(validateRetirementState(state), [], 'the state must validate against the schema');
  return state;
}

const status = (s: RetirementState, id: string): string => s.steps.find((x) => x.id === id)!.status;
const step = (s: RetirementState, id: string) => s.steps.find((x) => x.id === id)!;

const GITREVIEW = '[gerrit]\nhost=review.opendev.org\nport=29418\nproject=openstack/kite.git\n';
const live = (date: string): CommitSpec => ({ date, author: DEV, message: 'Initial kite', files: { '.gitreview': GITREVIEW, 'README.rst': 'Kite\n====\n', 'kite/__init__.py': '', 'setup.cfg': '[metadata]\nname = kite\n' } });
const retired = (date: string, readme: string, readmeFile = 'README.rst'): CommitSpec => ({
  date, author: DEV, message: 'Retire kite', files: { 'README.rst': null, 'kite/__init__.py': null, 'setup.cfg': null, [readmeFile]: readme },
});

const govProjects = (body: string): string => `---\nbarbican:\n  ptl: Jane\n  deliverables:\n${body}`;
const KITE_DELIVERABLE = '    kite:\n      repos:\n        - openstack/kite\n';
const OTHER_DELIVERABLE = '    barbican:\n      repos:\n        - openstack/barbican\n';

// The 2015-2016 layout: a layout.yaml project list, a Jenkins job list, the project's own ACL file.
const layoutWith = (kite: string): string => `pipelines:\n  - name: check\n\nprojects:\n  - name: openstack/barbican\n    template:\n      - name: merge-check\n      - name: python-jobs\n\n${kite}  - name: openstack/zaqar\n    template:\n      - name: merge-check\n`;
const KITE_LAYOUT_LIVE = '  - name: openstack/kite\n    template:\n      - name: merge-check\n      - name: python-jobs\n      - name: openstack-server-publish-jobs\n\n';
const KITE_LAYOUT_NOOP = '  - name: openstack/kite\n    template:\n      - name: merge-check\n      - name: noop-jobs\n      - name: openstack-server-publish-jobs\n\n';

test('2015 era: noop-jobs beside a *-publish-jobs template ends gating; the evidence is the change, not a later re-sort', async () => {
  const w = await build({
    projectConfig: [
      { date: '2015-01-01T00:00:00Z', author: INFRA, message: 'Add kite', files: { 'zuul/layout.yaml': layoutWith(KITE_LAYOUT_LIVE), 'jenkins/jobs/projects.yaml': '- project:\n    name: kite\n    jobs:\n      - python-jobs\n', 'gerrit/projects.yaml': '- project: openstack/kite\n  description: Kite\n', 'gerrit/acls/openstack/kite.config': '[access "refs/heads/*"]\nabandon = group kite-core\n' } },
      { date: '2015-09-01T00:00:00Z', author: INFRA, message: 'End gating for kite', files: { 'zuul/layout.yaml': layoutWith(KITE_LAYOUT_NOOP), 'jenkins/jobs/projects.yaml': '- project:\n    name: heron\n    jobs:\n      - python-jobs\n' } },
      // A reformatting commit: re-indents every template line; what the entry runs is unchanged.
      { date: '2015-10-18T00:00:00Z', author: INFRA, message: 'Sort zuul/layout.yaml alphabetical', files: { 'zuul/layout.yaml': layoutWith(KITE_LAYOUT_NOOP).replace(/^ {6}- name: (\S+)$/gm, '      - name:  $1').replace(/name: {2}/g, 'name: ') + '\n' } },
      { date: '2015-11-01T00:00:00Z', author: INFRA, message: 'Make kite read-only', files: { 'gerrit/acls/openstack/kite.config': '[project]\nstate = read only\n' } },
    ],
    governance: [
      { date: '2015-01-01T00:00:00Z', author: INFRA, message: 'Teams', files: { 'reference/projects.yaml': govProjects(OTHER_DELIVERABLE + KITE_DELIVERABLE) } },
      { date: '2015-12-01T00:00:00Z', author: INFRA, message: 'Remove kite', files: { 'reference/projects.yaml': govProjects(OTHER_DELIVERABLE), 'reference/retired-projects.yaml': `---\nbarbican:\n  retired-on: 2015-12-01\n  deliverables:\n${KITE_DELIVERABLE}` } },
    ],
    repository: [live('2014-06-01T00:00:00Z'), retired('2015-09-02T00:00:00Z', 'This project is no longer maintained.\n')],
  });
  const s = await stateOf(w, '2016-06-01');
  assert.equal(status(s, 'gating-ended'), 'done');
  const gating = step(s, 'gating-ended').evidence[0]!;
  assert.equal(gating.file, 'zuul/layout.yaml');
  assert.equal(gating.date, '2015-09-01', 'the change that set noop-jobs, not the re-sort of 2015-10-18');
  assert.match(gating.note, /only noop.*merge-check, openstack-server-publish-jobs/);
  // The pre-2017 read-only ACL, and the jenkins jobs gone: infrastructure removed while still listed in layout.
  const infra = step(s, 'infra-removed');
  assert.ok(infra.evidence.some((e) => e.file === 'gerrit/acls/openstack/kite.config' && e.date === '2015-11-01' && /read-only/.test(e.note)));
  assert.ok(infra.evidence.some((e) => e.file === 'jenkins/jobs/projects.yaml' && e.date === '2015-09-01' && e.note === 'not listed'));
  // Governance in 2015: retired-projects.yaml, legacy.yaml's earlier name.
  assert.equal(status(s, 'governance-retired'), 'done');
  assert.ok(step(s, 'governance-retired').evidence.some((e) => e.file === 'reference/retired-projects.yaml' && /retired-on 2015-12-01/.test(e.note)));
  assert.ok(!s.leftovers.some((l) => /not recorded/.test(l.note)), 'a removal recorded in retired-projects.yaml is not a missing legacy entry');
});

const zuulEntry = (templates: string[], extra = ''): string => `- project:\n    name: openstack/kite\n    templates:\n${templates.map((t) => `      - ${t}\n`).join('')}${extra}`;
const zuulFile = (kite: string): string => `- project:\n    name: openstack/barbican\n    templates:\n      - official-openstack-repo-jobs\n\n${kite}\n- project:\n    name: openstack/zaqar\n    templates:\n      - official-openstack-repo-jobs\n`;

test('2017-2020 zuul.d: official-openstack-repo-jobs and publish-to-pypi beside noop-jobs do not gate; retired.config and RETIRED, finish infra', async () => {
  const w = await build({
    projectConfig: [
      { date: '2017-10-01T00:00:00Z', author: INFRA, message: 'Add kite', files: { 'zuul.d/projects.yaml': zuulFile(zuulEntry(['official-openstack-repo-jobs', 'publish-to-pypi'])), 'zuul/main.yaml': '- tenant:\n    name: openstack\n    source:\n      gerrit:\n        untrusted-projects:\n          - openstack/kite\n', 'gerrit/projects.yaml': '- project: openstack/kite\n  description: Kite\n' } },
      { date: '2020-05-01T00:00:00Z', author: INFRA, message: 'End gating for kite', files: { 'zuul.d/projects.yaml': zuulFile(zuulEntry(['official-openstack-repo-jobs', 'publish-to-pypi', 'noop-jobs'])) } },
    ],
    governance: [{ date: '2017-01-01T00:00:00Z', author: INFRA, message: 'Teams', files: { 'reference/projects.yaml': govProjects(OTHER_DELIVERABLE + KITE_DELIVERABLE), 'reference/legacy.yaml': '---\n' } }],
    repository: [live('2017-01-01T00:00:00Z'), { date: '2017-02-01T00:00:00Z', author: DEV, message: 'Zuul jobs', files: { '.zuul.yaml': '- project:\n    check:\n      jobs: [tox-py3]\n' } }],
  });
  let s = await stateOf(w, '2020-06-01');
  assert.equal(status(s, 'gating-ended'), 'done', 'noop-jobs with publishing templates only: gating has ended');
  assert.equal(step(s, 'gating-ended').evidence[0]!.date, '2020-05-01');
  assert.equal(s.state, 'gating-ended');

  // Before noop-jobs: gating came from the repository's own .zuul.yaml.
  execFileSync('git', ['-C', w.pc, 'reset', '-q', '--hard', 'HEAD~1']);
  s = await stateOf(w, '2020-06-01');
  assert.equal(status(s, 'gating-ended'), 'pending');
  assert.match(step(s, 'gating-ended').evidence[0]!.note, /own \.zuul\.yaml/);

  // 2018+: removed from Zuul, acl-config at retired.config, description prefixed RETIRED,.
  await writeCommits(w.pc, [{
    date: '2020-07-01T00:00:00Z', author: INFRA, message: 'Remove kite from infra', files: {
      'zuul.d/projects.yaml': zuulFile(''), 'zuul/main.yaml': '- tenant:\n    name: openstack\n',
      'gerrit/projects.yaml': '- project: openstack/kite\n  description: RETIRED, Kite\n  acl-config: /home/gerrit2/acls/openstack/retired.config\n',
    },
  }]);
  s = await stateOf(w, '2020-08-01');
  assert.equal(status(s, 'infra-removed'), 'done');
  assert.ok(step(s, 'infra-removed').evidence.every((e) => !/RETIRED,/.test(e.note)), 'the prefix is there: nothing to note');
  assert.equal(step(s, 'gating-ended').evidence[0]!.date, '2020-07-01');
});

test('README variants: README without extension saying "no longer being developed", README.md saying "deprecated"', async () => {
  for (const [file, text] of [['README', 'Kite is no longer being developed.\n'], ['README.md', '# Kite\n\nThis project is deprecated.\n']] as const) {
    const w = await build({
      projectConfig: [{ date: '2015-01-01T00:00:00Z', author: INFRA, message: 'pc', files: { 'gerrit/projects.yaml': '- project: openstack/kite\n' } }],
      governance: [{ date: '2015-01-01T00:00:00Z', author: INFRA, message: 'gov', files: { 'reference/projects.yaml': govProjects(OTHER_DELIVERABLE) } }],
      repository: [live('2014-06-01T00:00:00Z'), retired('2015-09-02T00:00:00Z', text, file)],
    });
    const s = await stateOf(w, '2016-01-01');
    assert.equal(status(s, 'content-removed'), 'done', file);
    const e = step(s, 'content-removed').evidence;
    assert.equal(e[0]!.file, file);
    assert.ok(e.some((x) => x.date === '2015-09-02' && x.note === 'content removed'), 'the retirement commit is found through any README');
  }
});

test('deprecated: master emptied, governance marks the deliverable deprecated, stable branches still gated', async () => {
  const stableJobs = '    check:\n      jobs:\n        - noop:\n            branches: master\n        - openstack-tox-py3:\n            branches:\n              regex: ^master$\n              negate: true\n';
  const w = await build({
    projectConfig: [{ date: '2024-01-01T00:00:00Z', author: INFRA, message: 'pc', files: { 'zuul.d/projects.yaml': zuulFile(zuulEntry(['official-openstack-repo-jobs', 'publish-to-pypi-stable-only'], stableJobs)), 'zuul/main.yaml': '- tenant:\n    source:\n      gerrit:\n        untrusted-projects:\n          - openstack/kite\n', 'gerrit/projects.yaml': '- project: openstack/kite\n' } }],
    governance: [{ date: '2024-01-01T00:00:00Z', author: INFRA, message: 'gov', files: { 'reference/projects.yaml': govProjects(`    kite:\n      deprecated: '2025.1'\n      release-management: deprecated\n      repos:\n        - openstack/kite\n`) } }],
    repository: [live('2023-01-01T00:00:00Z'), retired('2024-02-01T00:00:00Z', 'This project is no longer maintained.\nStable branches are maintained until their end of life.\n')],
  });
  const s = await stateOf(w, '2024-06-01');
  assert.equal(s.state, 'deprecated');
  assert.equal(status(s, 'gating-ended'), 'done');
  assert.match(step(s, 'gating-ended').evidence[0]!.note, /master only/);
  assert.equal(status(s, 'governance-retired'), 'pending');
  assert.ok(step(s, 'governance-retired').evidence.some((e) => /deprecated/.test(e.note)));
  // Nothing to change yet: the infrastructure and the deliverable stay until the stable branches end.
  const { inputs, lookup, close } = await readRetireInputs({ repository: w.repo, projectConfig: w.pc, governance: w.gov, now: new Date('2024-06-01T00:00:00Z') });
  const again = await assessRetirement(inputs, lookup).finally(close);
  assert.deepEqual(planRetirement(inputs, again, { date: '2024-06-01' }), []);
  const checklist = retirementChecklist(again, [], { date: '2024-06-01' });
  assert.match((checklist.summary ?? []).join('\n'), /^State: deprecated\./);
  assert.match((checklist.summary ?? []).join('\n'), /Deprecated, not retired: master is emptied but stable branches stay maintained/);
});

test('SIG and TC repositories are official: governance pending, not "not an official deliverable"', async () => {
  for (const [file, text, owner] of [
    ['reference/sigs-repos.yaml', '---\nAutomation:\n  - repo: openstack/kite\n', /a SIG/],
    ['reference/technical-committee-repos.yaml', '---\nTechnical Committee:\n  - repo: openstack/kite\n', /Technical Committee/],
  ] as const) {
    const w = await build({
      projectConfig: [{ date: '2018-01-01T00:00:00Z', author: INFRA, message: 'pc', files: { 'gerrit/projects.yaml': '- project: openstack/kite\n' } }],
      governance: [{ date: '2018-01-01T00:00:00Z', author: INFRA, message: 'gov', files: { 'reference/projects.yaml': govProjects(OTHER_DELIVERABLE), [file]: text } }],
      repository: [live('2017-06-01T00:00:00Z')],
    });
    const s = await stateOf(w, '2019-06-01');
    assert.equal(status(s, 'governance-retired'), 'pending', file);
    assert.match(step(s, 'governance-retired').evidence[0]!.note, owner);
    assert.ok(s.candidate.reasons.some((r) => /^official: owned by/.test(r)));
  }
});

test('candidacy: inactive but released and in global-requirements is quiet, not a candidate; with neither it is a candidate', async () => {
  const w = await build({
    projectConfig: [{ date: '2020-01-01T00:00:00Z', author: INFRA, message: 'pc', files: { 'zuul.d/projects.yaml': zuulFile(zuulEntry(['official-openstack-repo-jobs', 'publish-to-pypi'])), 'gerrit/projects.yaml': '- project: openstack/kite\n' } }],
    governance: [{ date: '2020-01-01T00:00:00Z', author: INFRA, message: 'gov', files: { 'reference/projects.yaml': govProjects(KITE_DELIVERABLE) } }],
    repository: [live('2020-01-01T00:00:00Z'), { date: '2024-09-01T00:00:00Z', author: RELEASE_BOT, message: 'Update master for stable/2024.2', files: { '.gitreview': `${GITREVIEW}defaultbranch=master\n` } }],
  });
  let s = await stateOf(w, '2025-06-01');
  assert.equal(s.candidate.isCandidate, true, 'no human commit for years, no release: a candidate');
  assert.ok(s.candidate.reasons.includes('official: deliverable kite of team barbican'));
  assert.ok(s.candidate.reasons.includes('never released (no tags)'));

  execFileSync('git', ['-C', w.repo, 'tag', '-a', '5.1.0', '-m', 'kite 5.1.0'], { env: { ...process.env, GIT_COMMITTER_DATE: '2025-03-01T00:00:00Z', GIT_COMMITTER_NAME: 'Bot', GIT_COMMITTER_EMAIL: 'bot@example.org' } });
  const req = join(w.root, 'requirements');
  await writeCommits(req, [{ date: '2025-01-01T00:00:00Z', author: INFRA, message: 'req', files: { 'global-requirements.txt': 'pbr>=2.0  # Apache-2.0\nkite>=5.0.0  # Apache-2.0\n' } }]);
  s = await stateOf(w, '2025-06-01', { requirements: req });
  assert.equal(s.candidate.isCandidate, false);
  assert.equal(s.candidate.quiet, true);
  assert.ok(s.candidate.reasons.some((r) => /^last release 5\.1\.0 on 2025-03-01/.test(r)), s.candidate.reasons.join('; '));
  assert.ok(s.candidate.reasons.includes('kite still in openstack/requirements global-requirements.txt (line 2)'));
  assert.ok(s.candidate.reasons.includes('quiet, not a candidate: inactive but still relied on'));
});

test('inputs: swapped checkouts exit 2 with one line; a bad folder name says where it came from; a shallow clone warns', async () => {
  const w = await build({
    projectConfig: [{ date: '2020-01-01T00:00:00Z', author: INFRA, message: 'pc', files: { 'gerrit/projects.yaml': '- project: openstack/kite\n' } }],
    governance: [{ date: '2020-01-01T00:00:00Z', author: INFRA, message: 'gov', files: { 'reference/projects.yaml': govProjects(KITE_DELIVERABLE) } }],
    repository: [{ date: '2020-01-01T00:00:00Z', author: DEV, message: 'Retire', files: { 'README.rst': 'This project is no longer maintained.\n' } }],
    name: 'kite repo',
  });
  let r = cli(['retire', w.repo, '--project-config', w.gov, '--governance', w.pc, '--repo', 'openstack/kite']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /is not a project-config checkout.*swapped/);

  r = cli(['retire', w.repo, '--project-config', w.pc, '--governance', w.gov]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /"openstack\/kite repo", taken from the folder name "kite repo" \(HEAD has no \.gitreview\).*--repo NAMESPACE\/NAME/);

  const shallow = join(w.root, 'shallow');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${w.pc}`, shallow]);
  r = cli(['retire', w.repo, '--project-config', shallow, '--governance', w.gov, '--repo', 'openstack/kite', '--format', 'json', '--date', '2020-06-01']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: project-config is a shallow clone/);
  const s = JSON.parse(r.stdout) as RetirementState;
  const open = step(s, 'infra-removed').evidence.find((e) => e.file === 'gerrit/projects.yaml')!;
  assert.equal(open.approximate, true, 'evidence at the shallow clone\'s only commit is approximate');
});

test('2015-2016 layout: --apply makes the era\'s changes: noop-jobs in layout.yaml, the own ACL read-only, retired-projects.yaml', async () => {
  const w = await build({
    projectConfig: [{ date: '2015-01-01T00:00:00Z', author: INFRA, message: 'Add kite', files: { 'zuul/layout.yaml': layoutWith(KITE_LAYOUT_LIVE), 'jenkins/jobs/projects.yaml': '- project:\n    name: kite\n    jobs:\n      - python-jobs\n', 'gerrit/projects.yaml': '- project: openstack/kite\n  description: Kite\n', 'gerrit/acls/openstack/kite.config': '[access "refs/heads/*"]\nabandon = group kite-core\n' } }],
    governance: [{ date: '2015-01-01T00:00:00Z', author: INFRA, message: 'Teams', files: { 'reference/projects.yaml': govProjects(OTHER_DELIVERABLE + KITE_DELIVERABLE), 'reference/retired-projects.yaml': '---\nzaqar:\n  deliverables:\n    marconi:\n      retired-on: 2014-08-01\n      repos:\n        - openstack/marconi\n' } }],
    repository: [live('2014-06-01T00:00:00Z')],
  });
  const env = { GIT_AUTHOR_NAME: 'Jane Developer', GIT_AUTHOR_EMAIL: 'jane@example.org', GIT_COMMITTER_NAME: 'Jane Developer', GIT_COMMITTER_EMAIL: 'jane@example.org', GIT_AUTHOR_DATE: '2016-06-01T12:00:00Z', GIT_COMMITTER_DATE: '2016-06-01T12:00:00Z' };
  const args = ['retire', w.repo, '--project-config', w.pc, '--governance', w.gov, '--apply', '--date', '2016-06-01'];
  const r = cli(args, env);
  assert.equal(r.status, 0, r.stderr);
  const show = (dir: string, path: string): string => execFileSync('git', ['-C', dir, 'show', `HEAD:${path}`], { encoding: 'utf8' });
  const log = (dir: string): string[] => execFileSync('git', ['-C', dir, 'log', '--format=%s'], { encoding: 'utf8' }).trim().split('\n');
  // project-config: gating ended, then the project taken out, each as the tree of that time does it.
  assert.deepEqual(log(w.pc).slice(0, 2), ['Remove openstack/kite from infrastructure', 'End project gating for openstack/kite']);
  const layout = show(w.pc, 'zuul/layout.yaml');
  assert.doesNotMatch(layout, /openstack\/kite/);
  assert.match(layout, /openstack\/barbican/);
  assert.doesNotMatch(show(w.pc, 'jenkins/jobs/projects.yaml'), /kite/);
  assert.equal(show(w.pc, 'gerrit/acls/openstack/kite.config'), '[project]\nstate = read only\n', 'the own ACL reduced to read-only, not deleted');
  assert.equal(show(w.pc, 'gerrit/projects.yaml'), '- project: openstack/kite\n  description: Kite\n', 'no common ACL and no RETIRED, prefix in a tree that had neither');
  // governance: out of projects.yaml, into retired-projects.yaml (legacy.yaml's name then).
  assert.doesNotMatch(show(w.gov, 'reference/projects.yaml'), /kite/);
  assert.match(show(w.gov, 'reference/retired-projects.yaml'), /^ {4}kite:\n {6}retired-on: 2016-06-01\n {6}repos:\n {8}- openstack\/kite$/m);
  // the repository: only README.rst and .gitreview.
  assert.deepEqual(execFileSync('git', ['-C', w.repo, 'ls-tree', '--name-only', 'HEAD'], { encoding: 'utf8' }).trim().split('\n'), ['.gitreview', 'README.rst']);
  // Every step reads as done in that era's terms, and a second --apply makes nothing.
  const s = await stateOf(w, '2016-07-01');
  for (const id of ['gating-ended', 'content-removed', 'infra-removed', 'governance-retired']) assert.equal(status(s, id), 'done', id);
  assert.ok(step(s, 'infra-removed').evidence.some((e) => /own ACL file makes the project read-only/.test(e.note)));
  const heads = [w.pc, w.gov, w.repo].map((d) => execFileSync('git', ['-C', d, 'rev-parse', 'HEAD'], { encoding: 'utf8' }));
  const again = cli(args, env);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual([w.pc, w.gov, w.repo].map((d) => execFileSync('git', ['-C', d, 'rev-parse', 'HEAD'], { encoding: 'utf8' })), heads);
});
