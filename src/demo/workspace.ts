// The demo workspace: a few OpenStack-like projects at different migration stages, built as
// real git repositories with dated histories, so the tool can show itself without a network.

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagCommit, writeCommits, type CommitSpec, type FileChange } from '../git/index.js';
import { projectFixture } from './fixtureTree.js';

const MARKER = '.oslo-audit-demo';
const DAY = 86_400_000;

const HUMANS = ['Ana Lima <ana@example.org>', 'Ben Okafor <ben@example.org>', 'Chen Wei <chen@example.org>', 'Dara Novak <dara@example.org>'];
const PROPOSAL_BOT = 'OpenStack Proposal Bot <openstack-infra@lists.openstack.org>';
const ZUUL = 'Zuul <zuul@review.opendev.org>';

export interface DemoProject {
  name: string;
  dir: string;
  stage: string;
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A note appended to a file, so each commit of the history changes something real. */
function touch(files: Record<string, FileChange>, path: string, note: string): Record<string, FileChange> {
  const old = files[path];
  const text = typeof old === 'string' ? old : Buffer.isBuffer(old) ? old.toString() : '';
  const next = `${text}# ${note}\n`;
  files[path] = next;
  return { [path]: next };
}

/**
 * What a project carried at first and dropped along its history, one file per release, so `trend`
 * has a burndown to show: incubator copies and a module of namespace imports and rootwrap calls,
 * taken from aster's fixture.
 */
const LEGACY: Record<string, Record<string, string>> = {
  birch: {
    'birch/openstack/common/jsonutils.py': 'aster/openstack/common/jsonutils.py',
    'birch/openstack/common/gettextutils.py': 'aster/openstack/common/gettextutils.py',
    'birch/network/legacy_manager.py': 'aster/compute/manager.py',
  },
  cedar: {
    'cedar/volume/legacy_manager.py': 'aster/compute/manager.py',
    'cedar/openstack/common/log.py': 'aster/openstack/common/log.py',
  },
};

/** Releases tagged along each history: every quarter of its steps. */
const RELEASES = 4;

function history(name: string, start: Date, end: Date, steps: number, syncAt: number | null, bots: boolean): CommitSpec[] {
  const files = projectFixture(name);
  const aster = projectFixture('aster');
  const legacy = Object.entries(LEGACY[name] ?? {});
  const initial = { ...files, ...Object.fromEntries(legacy.map(([to, from]) => [to, aster[from]!])) };
  const commits: CommitSpec[] = [{ date: iso(start), author: HUMANS[0]!, message: `Initial import of ${name}`, files: initial }];
  const span = end.getTime() - start.getTime();
  const releaseEvery = Math.max(1, Math.floor(steps / RELEASES));
  for (let i = 1; i <= steps; i++) {
    const when = new Date(start.getTime() + (span * i) / steps);
    // Just before each release but the first, one legacy file goes.
    const dropping = i % releaseEvery === releaseEvery - 1 && i > releaseEvery ? legacy.shift() : undefined;
    if (dropping) {
      commits.push({ date: iso(when), author: HUMANS[i % HUMANS.length]!, message: `Remove ${dropping[0]}`, files: { [dropping[0]]: null } });
    } else if (syncAt === i && files['openstack-common.conf']) {
      commits.push({
        date: iso(when),
        author: HUMANS[i % HUMANS.length]!,
        message: 'Sync with oslo-incubator',
        files: touch(files, 'openstack-common.conf', `synced ${iso(when).slice(0, 10)}`),
      });
    } else if (bots && i % 4 === 0) {
      commits.push({ date: iso(when), author: i % 8 === 0 ? ZUUL : PROPOSAL_BOT, message: 'Updated from global requirements', files: touch(files, 'requirements.txt', `bump ${i}`) });
    } else {
      commits.push({ date: iso(when), author: HUMANS[i % HUMANS.length]!, message: `Improve ${name} (step ${i})`, files: touch(files, 'README.rst', `change ${i}`) });
    }
  }
  return commits;
}

/** Writes the commits, tagging `1.0.0`, `2.0.0`, … every quarter of the way and the last commit. */
async function writeReleases(dir: string, commits: CommitSpec[]): Promise<void> {
  const every = Math.max(1, Math.floor((commits.length - 1) / RELEASES));
  let release = 0;
  for (let from = 0; from < commits.length; from += every) {
    const head = await writeCommits(dir, commits.slice(from, from + every));
    if (from + every >= commits.length || from > 0) await tagCommit(dir, `${++release}.0.0`, head);
  }
}

/**
 * Builds the workspace under `dir` (replacing an earlier demo there, never anything else) and returns
 * its projects. Histories end shortly before `now`, except the inactive project's, which stops in 2016.
 */
export async function buildDemoWorkspace(dir: string, now: Date = new Date()): Promise<DemoProject[]> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) {
      throw new Error(`${dir} exists and is not a demo workspace; choose another --dir`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'oslo-audit demo workspace: safe to delete\n');
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY);
  const plan: { name: string; stage: string; commits: CommitSpec[] }[] = [
    { name: 'aster', stage: 'not started: incubator copies, namespace imports, rootwrap', commits: history('aster', ago(1400), ago(6), 24, 3, true) },
    { name: 'birch', stage: 'in progress: oslo.utils and oslo.log adopted, lockutils and timeutils left', commits: history('birch', ago(700), ago(12), 16, 5, true) },
    { name: 'cedar', stage: 'clean: on the libraries, privsep instead of rootwrap', commits: history('cedar', ago(500), ago(2), 20, null, true) },
    {
      name: 'dunlin',
      stage: 'inactive since 2016: a retirement candidate',
      commits: history('dunlin', new Date('2014-06-02T10:00:00Z'), new Date('2016-01-20T15:30:00Z'), 10, 4, false).concat([
        { date: '2016-03-01T06:12:00Z', author: PROPOSAL_BOT, message: 'Updated from global requirements', files: { 'requirements.txt': 'pbr>=1.6\nBabel>=1.3\noslo.config>=2.3.0\nWebOb>=1.2.3\n' } },
      ]),
    },
  ];
  const out: DemoProject[] = [];
  for (const p of plan) {
    const repoDir = join(dir, p.name);
    await writeReleases(repoDir, p.commits);
    out.push({ name: p.name, dir: repoDir, stage: p.stage });
  }
  return out;
}
