import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SourceError, targetsFromGovernance, type GovernanceEntry } from '../../src/sources/index.js';
import { tempDir } from '../helpers/tmp.js';

const PROJECTS = `---
Oslo:
  ptl:
    name: Some One
  deliverables:
    oslo.config:
      repos:
        - openstack/oslo.config
    oslo-incubator:
      repos:
        - openstack/oslo-incubator
barbican:
  deliverables:
    barbican:
      repos:
        - openstack/barbican
    castellan-ui:
      repos:
        - openstack/castellan-ui
    weird:
      repos:
        - ../../etc/passwd
`;

const LEGACY = `---
barbican:
  partial: yes
  deliverables:
    castellan-ui:
      retired-on: 2019-05-22
      repos:
        - openstack/castellan-ui
congress:
  retired-on: 2020-05-18
  deliverables:
    congress:
      repos:
        - openstack/congress
`;

function governance(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'reference'));
  writeFileSync(join(dir, 'reference', 'projects.yaml'), PROJECTS);
  writeFileSync(join(dir, 'reference', 'legacy.yaml'), LEGACY);
  return dir;
}

const gov = (t: { extra?: Record<string, unknown> }) => t.extra?.['governance'] as GovernanceEntry;

test('projects.yaml gives every repository of every team, marked retired when legacy.yaml lists it', () => {
  const targets = targetsFromGovernance(governance(), { baseUrl: 'https://opendev.org/' });
  assert.deepEqual(targets.map((t) => t.repo ?? t.source), ['openstack/oslo.config', 'openstack/oslo-incubator', 'openstack/barbican', 'openstack/castellan-ui', '../../etc/passwd']);
  assert.equal(targets[0]!.source, 'https://opendev.org/openstack/oslo.config');
  assert.deepEqual(gov(targets[0]!), { team: 'Oslo', deliverable: 'oslo.config', retired: false, retiredOn: null });
  assert.deepEqual(gov(targets[3]!), { team: 'barbican', deliverable: 'castellan-ui', retired: true, retiredOn: '2019-05-22' });
  // A repository name that is not namespace/name never becomes a URL.
  assert.equal(targets[4]!.location.kind, 'unresolved');
});

test('--team filters case-insensitively; --include-legacy adds retired teams; an unknown team is an error', () => {
  const dir = governance();
  assert.deepEqual(targetsFromGovernance(dir, { baseUrl: 'https://opendev.org/', teams: ['oslo'] }).map((t) => t.repo), ['openstack/oslo.config', 'openstack/oslo-incubator']);
  const withLegacy = targetsFromGovernance(dir, { baseUrl: 'https://opendev.org/', teams: ['congress'], includeLegacy: true });
  assert.deepEqual(withLegacy.map((t) => [t.repo, gov(t).retiredOn]), [['openstack/congress', '2020-05-18']]);
  assert.throws(() => targetsFromGovernance(dir, { baseUrl: 'https://opendev.org/', teams: ['nosuch'] }), (e: Error) => e instanceof SourceError && /--team nosuch: no such team/.test(e.message));
});

test('a projects.yaml path works directly; missing or broken files are clear errors', () => {
  const dir = governance();
  assert.equal(targetsFromGovernance(join(dir, 'reference', 'projects.yaml'), { baseUrl: 'https://opendev.org/' }).length, 5);
  assert.throws(() => targetsFromGovernance(join(dir, 'nope'), { baseUrl: 'https://opendev.org/' }), /no such file or directory/);
  writeFileSync(join(dir, 'reference', 'projects.yaml'), 'a: [unclosed\n');
  assert.throws(() => targetsFromGovernance(dir, { baseUrl: 'https://opendev.org/' }), /is not valid YAML/);
});
