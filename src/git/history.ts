// Activity figures from a repository's history: the basis of every retirement decision.

import { simpleGit } from 'simple-git';
import type { Activity } from '../report/index.js';
import { copyLocation } from '../scan/index.js';
import { assertSafeRef } from './safety.js';

/** Authors whose commits are not a sign of life: CI and proposal bots. Matched against `Name <email>`. */
export const DEFAULT_BOTS = [
  'OpenStack Proposal Bot',
  'OpenStack Release Bot',
  'Zuul',
  'OpenStack Jenkins',
  'Jenkins',
  'OpenDev Sysadmins',
  'openstack-infra@lists.openstack.org',
  'infra-root@openstack.org',
];

export interface ActivityOptions {
  /** The moment "the last 90 days" counts back from. */
  now?: Date;
  /** Substrings (case-insensitive) of `Name <email>` that mark a bot. */
  bots?: readonly string[];
}

interface LogCommit {
  date: string;
  author: string;
  subject: string;
  files: string[];
}

// "Sync with oslo-incubator", "Updated from oslo-incubator", "Sync lockutils from oslo", but not
// "Update oslo.config to 1.2" (a library bump, not a sync of copied code).
const SYNC_SUBJECTS = [
  /\b(sync\w*|update[sd]?|merge[sd]?|import\w*)\b.*\b(oslo[- ]?incubator|oslo[- ]common|openstack[-. ]common)\b/i,
  /\bsync\w*\b.*\b(from|with)\s+oslo\b(?![._-])/i,
];

/** Whether a commit is a sync from oslo-incubator: by its subject, or by touching the conf and the copy together. */
export function isIncubatorSync(subject: string, files: readonly string[]): boolean {
  if (SYNC_SUBJECTS.some((re) => re.test(subject))) return true;
  return files.some((f) => f.endsWith('openstack-common.conf')) && files.some((f) => copyLocation(f) !== null);
}

export function isBot(author: string, bots: readonly string[] = DEFAULT_BOTS): boolean {
  const who = author.toLowerCase();
  return bots.some((b) => who.includes(b.toLowerCase()));
}

const SEP = '\x1f';

async function readLog(dir: string, ref: string): Promise<LogCommit[]> {
  // One pass over the history, newest first; --name-only lists the paths each commit touched.
  const out = await simpleGit({ baseDir: dir }).raw([
    'log', '--no-color', '--no-renames', '-m', '--first-parent', `--format=%x1e%cI${SEP}%an <%ae>${SEP}%s`, '--name-only', '--end-of-options', assertSafeRef(ref), '--',
  ]);
  const commits: LogCommit[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const [head, ...rest] = record.split('\n');
    const [date, author, subject] = head!.split(SEP);
    commits.push({ date: date!, author: author!, subject: subject ?? '', files: rest.filter((l) => l.length > 0) });
  }
  return commits;
}

function isoDate(d: string): string {
  return new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Activity of the history reachable from `ref` (default HEAD). */
export async function activityOf(dir: string, ref = 'HEAD', options: ActivityOptions = {}): Promise<Activity> {
  const now = (options.now ?? new Date()).getTime();
  const bots = options.bots ?? DEFAULT_BOTS;
  const commits = await readLog(dir, ref);
  const day = 86_400_000;
  let lastHuman: string | null = null;
  let lastSync: string | null = null;
  let commits90d = 0;
  let commits365d = 0;
  const authors = new Set<string>();
  const moduleDates: Record<string, string> = {};
  for (const c of commits) {
    const t = new Date(c.date).getTime();
    const human = !isBot(c.author, bots);
    if (human && lastHuman === null) lastHuman = isoDate(c.date);
    if (t <= now && now - t <= 90 * day) commits90d++;
    if (t <= now && now - t <= 365 * day) {
      commits365d++;
      if (human) authors.add(c.author.toLowerCase());
    }
    if (lastSync === null && isIncubatorSync(c.subject, c.files)) lastSync = isoDate(c.date);
    for (const f of c.files) {
      const loc = copyLocation(f);
      if (loc?.isPython && moduleDates[loc.module] === undefined) moduleDates[loc.module] = isoDate(c.date);
    }
  }
  return {
    lastCommit: commits[0] ? isoDate(commits[0].date) : null,
    lastHumanCommit: lastHuman,
    commits90d,
    commits365d,
    authors365d: authors.size,
    lastIncubatorSync: lastSync,
    incubatorModuleDates: moduleDates,
  };
}
