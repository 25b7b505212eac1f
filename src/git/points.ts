// Points in a repository's history for `trend`: release tags, the commit in effect at given dates,
// or refs named by the user, each resolved to a commit with its date. Also tags a commit (the demo).

import { runGit } from './run.js';
import { assertSafeRef } from './safety.js';

/** One point of a history: what the user sees it as (`label`), and the commit it stands for. */
export interface HistoryPoint {
  label: string;
  commit: string;
  /** The commit's committer date, ISO 8601 UTC. */
  date: string;
}

export class HistoryError extends Error {}

async function gitOut(dir: string, args: string[]): Promise<string> {
  const r = await runGit(dir, args);
  if (r.code !== 0) throw new HistoryError(r.stderr.trim().split('\n')[0] || `git ${args[0]} failed`);
  return r.stdout.toString();
}

const iso = (d: string): string => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The commits of `tip`'s first-parent line, newest first, each with its committer date in seconds. */
async function firstParentLine(dir: string, tip: string): Promise<(HistoryPoint & { seconds: number })[]> {
  const out = await gitOut(dir, ['log', '--first-parent', '--format=%H %ct %cI', '--end-of-options', assertSafeRef(tip), '--']);
  const lines = out.trim().split('\n').filter(Boolean);
  if (lines.length === 0) throw new HistoryError('the repository has no commits');
  return lines.map((line) => {
    const [commit, seconds, date] = line.split(' ');
    return { label: commit!.slice(0, 10), commit: commit!, date: iso(date!), seconds: Number(seconds) };
  });
}

const pointOf = ({ label, commit, date }: HistoryPoint): HistoryPoint => ({ label, commit, date });

/** The commit and date of the first and last commit reachable from `tip` on its first-parent line. */
export async function historySpan(dir: string, tip: string): Promise<{ first: HistoryPoint; last: HistoryPoint }> {
  const line = await firstParentLine(dir, tip);
  return { first: pointOf(line[line.length - 1]!), last: pointOf(line[0]!) };
}

/** The committer date of each of `ids` (resolved commit ids), by id. */
async function commitDates(dir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const log = await gitOut(dir, ['log', '--no-walk=unsorted', '--format=%H %cI', ...ids, '--']);
  return new Map(log.trim().split('\n').map((l) => [l.slice(0, 40), iso(l.slice(41))] as const));
}

/** Commit and date of each commit-ish, in the order given; an unknown one is a HistoryError. */
async function commitsOf(dir: string, refs: readonly string[]): Promise<{ commit: string; date: string }[]> {
  // Checked one by one for a clear message, then described together.
  const ids: string[] = [];
  for (const ref of refs) {
    const r = await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${assertSafeRef(ref)}^{commit}`]);
    const id = r.stdout.toString().trim();
    if (r.code !== 0 || !id) throw new HistoryError(`unknown ref ${ref}: not a branch, tag or commit of the repository`);
    ids.push(id);
  }
  if (ids.length === 0) return [];
  const dates = await commitDates(dir, ids);
  return ids.map((id) => ({ commit: id, date: dates.get(id)! }));
}

/** The refs the user named, as points in the order given. */
export async function refPoints(dir: string, refs: readonly string[]): Promise<HistoryPoint[]> {
  const commits = await commitsOf(dir, refs);
  return commits.map((c, i) => ({ label: refs[i]!, ...c }));
}

/**
 * Tags whose names match any of `patterns` (shell globs, `*.0.0`; every tag when none), as points
 * ordered by their commit's date (then name).
 */
export async function tagPoints(dir: string, patterns: readonly string[]): Promise<HistoryPoint[]> {
  // eslint-disable-next-line no-control-regex
  for (const p of patterns) if (p.startsWith('-') || /[\x00-\x1f\x7f]/.test(p)) throw new HistoryError(`refusing tag pattern ${JSON.stringify(p)}`);
  const refs = patterns.length ? patterns.map((p) => `refs/tags/${p}`) : ['refs/tags/'];
  // %(*objectname) is the commit an annotated tag points at; a lightweight tag is the commit itself.
  const out = await gitOut(dir, ['for-each-ref', '--format=%(refname:strip=2)%09%(objectname)%09%(*objectname)%09%(objecttype)%09%(*objecttype)', '--end-of-options', ...refs]);
  const tags: { name: string; commit: string }[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name, object, peeled, type, peeledType] = line.split('\t');
    if (type === 'commit') tags.push({ name: name!, commit: object! });
    else if (type === 'tag' && peeledType === 'commit') tags.push({ name: name!, commit: peeled! });
  }
  if (tags.length === 0) return [];
  const dates = await commitDates(dir, [...new Set(tags.map((t) => t.commit))]);
  return tags
    .map((t) => ({ label: t.name, commit: t.commit, date: dates.get(t.commit)! }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * The commit in effect at each date on `tip`'s first-parent line (the last one committed at or before
 * it). A date before the first commit is a HistoryError naming the first commit's date.
 */
export async function datePoints(dir: string, tip: string, dates: readonly Date[]): Promise<HistoryPoint[]> {
  // One walk of the line answers every date: the newest commit committed at or before it (git
  // ignores fractions of a second in a date, so they are dropped here too).
  const line = await firstParentLine(dir, tip);
  const first = line[line.length - 1]!;
  const points: HistoryPoint[] = [];
  for (const d of dates) {
    const when = d.toISOString();
    if (when < first.date) throw new HistoryError(`${when.slice(0, 10)} is before the first commit (${first.date.slice(0, 10)})`);
    const seconds = Math.floor(d.getTime() / 1000);
    // Found: a date not before the first commit's (which has no fraction) is past its second.
    const at = line.find((c) => c.seconds <= seconds)!;
    points.push({ label: when.slice(0, 10), commit: at.commit, date: at.date });
  }
  return points;
}

/** Tags `commit` as `name` (a lightweight tag), replacing a tag of that name. */
export async function tagCommit(dir: string, name: string, commit: string): Promise<void> {
  await gitOut(dir, ['tag', '--force', '--end-of-options', assertSafeRef(name), assertSafeRef(commit)]);
}
