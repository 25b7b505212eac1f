// Fixture checkouts for retirement tests: project-config and governance in their real layouts, and the
// repository to retire, as real git repositories with fixed dates.

import { join } from 'node:path';
import { writeCommits, type CommitSpec } from '../../src/git/index.js';
import { fixturesDir, readFixtureTree } from '../../src/demo/fixtureTree.js';
import { tempDir } from '../helpers/tmp.js';

export const INFRA = 'Infra Core <infra@example.org>';
export const DEV = 'Jane Developer <jane@example.org>';
export const BOT = 'OpenStack Proposal Bot <openstack-infra@lists.openstack.org>';
/** "Now" for candidacy: 34 months after kite's last human commit. */
export const NOW = new Date('2018-11-24T12:00:00Z');
/** What git sees as author and dates in tests that commit. */
export const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'Retiring Ptl',
  GIT_AUTHOR_EMAIL: 'ptl@example.org',
  GIT_COMMITTER_NAME: 'Retiring Ptl',
  GIT_COMMITTER_EMAIL: 'ptl@example.org',
  GIT_AUTHOR_DATE: '2018-11-24T12:00:00Z',
  GIT_COMMITTER_DATE: '2018-11-24T12:00:00Z',
};

export interface World {
  root: string;
  projectConfig: string;
  governance: string;
  kite: string;
}

export function kiteHistory(): CommitSpec[] {
  return [
    { date: '2015-03-01T10:00:00Z', author: DEV, message: 'Initial kite', files: readFixtureTree(join(fixturesDir, 'retire', 'kite')) },
    { date: '2016-01-20T10:00:00Z', author: DEV, message: 'Fix token expiry', files: { 'kite/__init__.py': '"""Kite, with expiring tokens."""\n' } },
    { date: '2016-06-01T10:00:00Z', author: BOT, message: 'Updated from global requirements', files: { 'requirements.txt': 'pbr>=1.6\n' } },
  ];
}

export async function world(layout: 'modern' | '2016' = 'modern', extra: { projectConfig?: CommitSpec[]; governance?: CommitSpec[] } = {}): Promise<World> {
  const root = tempDir();
  const projectConfig = join(root, 'project-config');
  const governance = join(root, 'governance');
  const kite = join(root, 'kite');
  await writeCommits(projectConfig, [
    { date: '2015-01-10T09:00:00Z', author: INFRA, message: 'Add project configuration', files: readFixtureTree(join(fixturesDir, 'project-config', layout)) },
    ...(extra.projectConfig ?? []),
  ]);
  await writeCommits(governance, [
    { date: '2015-01-12T09:00:00Z', author: INFRA, message: 'Add reference lists', files: readFixtureTree(join(fixturesDir, 'governance')) },
    ...(extra.governance ?? []),
  ]);
  await writeCommits(kite, kiteHistory());
  return { root, projectConfig, governance, kite };
}
