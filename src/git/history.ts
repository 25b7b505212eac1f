// Activity figures from a repository's history: the basis of every retirement decision.
//
// The history is read in two git commands run at once, both streamed: every commit of the
// first-parent history with its date, author and subject (no file names), and, narrowed to the paths
// where a sync can show (incubator copies and `openstack-common.conf`), the commits that changed them
// with their file names. The narrow read stops once it knows the newest sync and the date of every
// copy in the tree (syncSearch.ts). The read of every commit, when told the day the figures are
// counted back from and which authors are bots, stops once nothing further back can change them: past
// the longest window, the newest human commit and the newest sync. What the figures need is kept as a
// record (historyRecord.ts); with a record file, a commit already seen costs no git at all, and a
// later commit reads only the commits after it.

import { createHash } from 'node:crypto';
import type { Activity } from '../report/index.js';
import { activityFrom, answers, DAY, isBot, readStop, SKEW_DAYS, type ActivityOptions, type ReadStop } from './activity.js';
import { loadHistoryRecord, prependHistory, saveHistoryRecord, type HistoryRecord } from './historyRecord.js';
import { gitLines, HistoryUnavailableError, streamLines } from './logStream.js';
import { complaint, runGit } from './run.js';
import { assertSafeRef } from './safety.js';
import { isShallow } from './shallow.js';
import { isSyncSubject, SYNC_SUBJECTS, SyncSearch, syncScope, type SyncScope } from './syncSearch.js';

/** The scope of the narrow read, from the names of every file at `commit`. */
async function scopeAt(dir: string, commit: string): Promise<SyncScope> {
  const r = await runGit(dir, ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', commit]);
  // A tree git cannot list is history it cannot give, as a failed read of the commits is.
  if (r.code !== 0) throw new HistoryUnavailableError(complaint(r.stderr, `git exited with ${r.code}`));
  return syncScope(r.stdout.toString('utf8').split('\0'));
}

/** What decides a record's sync facts: a record made under other rules is read again. */
export const HISTORY_RULES = createHash('sha256').update(`${SYNC_SUBJECTS.map(String).join('\n')}\npackages 1\nmodules in the tree\ngate merges by their change\nremovals are no sync\nreads stop past the window ${SKEW_DAYS}`).digest('hex').slice(0, 32);

const SEP = '\x1f';
const FIRST_PARENT = ['log', '--no-color', '--no-renames', '-m', '--first-parent'];

/**
 * The commits of `range` (newest first) as a record, and (`joining` an older record) `base`, the first
 * parent of the oldest of them: where the range joins it. A whole history joins nothing, and git then
 * leaves every commit's parents out (a sixth of what it writes, on the thread that also lexes). With
 * `stop`, the read of every commit ends once what lies further back cannot change the figures: it is
 * past the window (by SKEW_DAYS), a human commit is read, and the newest sync is known (one by subject
 * read, or the narrow read's sync by conf and copy reached). On a history of ten years whose copies
 * were synced lately, that is a few hundred commits of tens of thousands.
 */
async function readRange(dir: string, tip: string, range: string[], scope: Promise<SyncScope>, joining: boolean, stop: ReadStop | null): Promise<{ record: HistoryRecord; base: string | null }> {
  // Keyed by object properties, not Map keys: V8 keeps a property name as a copy of its own, where a
  // Map keeps the cut-out string, and with it the whole block of git's output it was cut from. Kept
  // for the whole read, 13,000 hashes kept every block of nova's 3 MB alive through each collection.
  const authorIndex: Record<string, number> = Object.create(null);
  let authorCount = 0;
  const times: number[] = [];
  const who: number[] = [];
  const position: Record<string, number> = Object.create(null);
  let subjectSync = -1;
  /** The oldest commit's parents: the first is where the range joins an older record. */
  let oldestParents = '';
  /** A commit by a human (under `stop.bots`) has been read. */
  let human = false;
  /** The read of every commit ended before the first commit (`stop`): what it left out is older than everything it kept. */
  let shortened = false;
  /** The narrow read's sync by conf and copy, as soon as it finds one (the read of every commit may stop once past it). */
  let confSync: string | null = null;
  const pastWindow = stop ? stop.horizon - SKEW_DAYS * DAY : 0;
  // A line is hash, parents, time, author and subject (the rest of the line, whatever it holds). Its
  // fields are found by their separators and only the ones needed are cut out: on a long history this
  // handler runs tens of thousands of times on the thread that also lexes the scan's files.
  const all = streamLines(dir, [...FIRST_PARENT, `--format=%H${SEP}${joining ? '%P' : ''}${SEP}%ct${SEP}%an <%ae>${SEP}%s`, '--end-of-options', ...range, '--'], (line) => {
    const afterHash = line.indexOf(SEP);
    const afterParents = line.indexOf(SEP, afterHash + 1);
    const afterTime = line.indexOf(SEP, afterParents + 1);
    const afterAuthor = line.indexOf(SEP, afterTime + 1);
    if (afterHash <= 0 || afterParents < 0 || afterTime < 0 || afterAuthor < 0) return;
    const author = line.slice(afterTime + 1, afterAuthor);
    let a = authorIndex[author];
    if (a === undefined) authorIndex[author] = a = authorCount++;
    position[line.slice(0, afterHash)] = times.length;
    // Only the newest sync by subject counts: later subjects are not even cut out.
    if (subjectSync < 0 && isSyncSubject(line.slice(afterAuthor + 1))) subjectSync = times.length;
    const time = Number(line.slice(afterParents + 1, afterTime));
    times.push(time);
    who.push(a);
    oldestParents = line.slice(afterHash + 1, afterParents);
    if (stop === null) return;
    if (!human) human = !isBot(author, stop.bots);
    const syncKnown = subjectSync >= 0 || (confSync !== null && position[confSync] !== undefined);
    if (time < pastWindow && human && syncKnown) return (shortened = true);
  });
  // Its failure is taken below, once the narrow read has ended too.
  all.catch(() => undefined);
  // The narrow read: commits that touched a copy or the conf, with those of their files. It waits for
  // the tree's listing (what to name, which copies to date); the read of every commit does not.
  const { modules, paths } = await scope;
  const search = new SyncSearch(modules);
  let commit: { hash: string; time: number; files: string[] } | null = null;
  /** Takes the commit read; true when nothing further back can change the answers. */
  const enough = (): boolean => {
    if (commit === null) return false;
    const { hash, time, files } = commit;
    commit = null;
    const dated = search.add(hash, time, files);
    confSync = search.confSync;
    if (!dated) return false;
    // The newest sync: one by conf and copy, or one by subject newer than this commit (a commit the
    // shortened read of every commit left out is older than all it read).
    const at = position[hash];
    return search.confSync !== null || (subjectSync >= 0 && (at !== undefined ? at > subjectSync : shortened));
  };
  // Each file with its status: a file the commit deleted is left out, so that removing the copies
  // (with their lines of the conf) is not taken for a sync. A copy still in the tree was added again
  // after any deletion in its past, and that newer commit dates it.
  const narrow = streamLines(dir, [...FIRST_PARENT, `--format=\x1e%H${SEP}%ct`, '--name-status', '--end-of-options', ...range, '--', ...paths], (line) => {
    if (line.startsWith('\x1e')) {
      if (enough()) return true;
      const [hash, time] = line.slice(1).split(SEP);
      commit = { hash: hash!, time: Number(time), files: [] };
    } else if (line && commit !== null && line[0] !== 'D') commit.files.push(line.slice(line.indexOf('\t') + 1));
  }).then(() => void enough());
  await Promise.all([all, narrow]);
  const base = joining && oldestParents ? oldestParents.split(' ')[0]! : null;
  // A sync by conf and copy that the shortened read left out is older than the one by subject it read.
  let syncAt = subjectSync;
  const confAt = search.confSync ? position[search.confSync] : undefined;
  if (confAt !== undefined && (syncAt < 0 || confAt < syncAt)) syncAt = confAt;
  // In the order they were met: a property's name keeps its place.
  const authors = Object.keys(authorIndex);
  const record: HistoryRecord = { tip, authors, times, who, lastSync: syncAt < 0 ? null : times[syncAt]!, moduleTimes: search.moduleTimes };
  if (shortened) record.shortened = { horizon: stop!.horizon, bots: [...stop!.bots] };
  return { record, base };
}

async function assertWholeHistory(dir: string): Promise<void> {
  if (await isShallow(dir)) throw new HistoryUnavailableError('shallow clone: the history is incomplete');
}

export interface HistoryOptions {
  /** The record file to read and replace (see the scan's `historyRecordPath`); none: the history is read whole. */
  recordFile?: string | null;
  /** What the record is kept under: the repository's location. */
  location?: string;
  /**
   * The names of every file at `commit`, as a scan of the same commit lists them (null when that scan
   * did not list the tree): the narrow read's scope is then made from them, not from a listing of its own.
   */
  listing?: Promise<readonly string[] | null>;
  /**
   * What the figures will be counted with (`activityFrom`): the read may then stop once nothing
   * further back can change them, and its record answers only such figures (HistoryRecord.shortened).
   * Without it, the whole history is read.
   */
  activity?: ActivityOptions;
}

/**
 * The first-parent history of `commit` (40 hex) in the repository at `dir`. From the record when it
 * ends at this commit; reading only the newer commits when it ends at a first-parent ancestor.
 * Throws HistoryUnavailableError when git cannot give the whole history (shallow clone, missing objects).
 */
export async function historyOf(dir: string, commit: string, options: HistoryOptions = {}): Promise<HistoryRecord> {
  const ref = assertSafeRef(commit);
  const file = options.recordFile;
  const location = options.location ?? dir;
  const stop = options.activity ? readStop(options.activity) : null;
  const recorded = file ? loadHistoryRecord(file, location, HISTORY_RULES) : undefined;
  // A shortened record made for another window or other bots is read again, as a missing one is.
  const old = recorded && answers(recorded, stop) ? recorded : undefined;
  if (old?.tip === ref) return old;
  const whole = assertWholeHistory(dir);
  whole.catch(() => undefined);
  const scope = options.listing ? options.listing.then((names) => (names ? syncScope(names) : scopeAt(dir, ref))) : scopeAt(dir, ref);
  scope.catch(() => undefined);
  let record: HistoryRecord | undefined;
  if (old) {
    try {
      const newer = await readRange(dir, ref, [ref, `^${old.tip}`], scope, true, null);
      // Only when the old tip is the first parent of the oldest new commit do the two histories join up.
      if (newer.base === old.tip) record = prependHistory(newer.record, old, (await scope).modules);
    } catch {
      // The old commit may be gone (a rewritten branch): the whole history is read below.
    }
  }
  record ??= (await readRange(dir, ref, [ref], scope, false, stop)).record;
  await whole;
  if (file) {
    try {
      saveHistoryRecord(file, location, HISTORY_RULES, record);
    } catch {
      // An unwritable cache folder costs the next run a read; it does not change this one.
    }
  }
  return record;
}

/** Activity of the history reachable from `ref` (default HEAD). */
export async function activityOf(dir: string, ref = 'HEAD', options: ActivityOptions = {}): Promise<Activity> {
  const [commit] = await gitLines(dir, ['rev-parse', '--verify', '--end-of-options', `${assertSafeRef(ref)}^{commit}`]);
  return activityFrom(await historyOf(dir, commit!, { activity: options }), options);
}
