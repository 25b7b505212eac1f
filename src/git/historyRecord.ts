// What the activity figures need from a repository's history, kept between runs beside the scan's
// commit record. It holds facts that do not change as days pass (each commit's date and author, the
// newest incubator sync, the newest change to each copied module); "the last 90 days" is counted
// from them when a report is made, so a record never goes stale.
//
// One file per repository: a header line naming the format, the rules that decided what a sync is,
// the location, the commit the history ends at and a digest of the body; then the body. A record that
// differs in any of these, whose body does not match its digest or is not whole, is ignored and
// rebuilt, never trusted. Written with a temp file and a rename.

import { readRecord, writeRecord } from '../util/index.js';

/** The first-parent history ending at `tip`, newest first. */
export interface HistoryRecord {
  tip: string;
  /** Distinct authors, `Name <email>`. */
  authors: string[];
  /** Each commit's committer date, in seconds since the epoch. */
  times: number[];
  /** Each commit's author, an index into `authors`. */
  who: number[];
  /** Committer date of the newest incubator sync. */
  lastSync: number | null;
  /** Incubator module whose Python copy is in the tree at `tip` → committer date of the newest commit that changed it. */
  moduleTimes: Record<string, number>;
  /**
   * Set when the read stopped before the first commit (history.ts): `times` and `who` then hold every
   * commit dated after `horizon` (seconds), and older ones down to the newest by a human under `bots`
   * and the newest sync. Such a record answers only figures whose longest window starts at `horizon`
   * or later, counted with these bots; absent, the record holds the whole history.
   */
  shortened?: { horizon: number; bots: string[] };
}

// 2: records may be shortened. A reader of format 1 would take one for the whole history.
const FORMAT = 2;

interface Header {
  format: number;
  rules: string;
  location: string;
  tip: string;
  body: string;
}

const isTime = (n: unknown): n is number => Number.isInteger(n);

function whole(r: HistoryRecord, tip: string): boolean {
  if (r.tip !== tip || !Array.isArray(r.authors) || !Array.isArray(r.times) || !Array.isArray(r.who)) return false;
  if (r.times.length !== r.who.length || !r.authors.every((a) => typeof a === 'string')) return false;
  if (!r.times.every(isTime) || !r.who.every((i) => Number.isInteger(i) && i >= 0 && i < r.authors.length)) return false;
  if (r.lastSync !== null && !isTime(r.lastSync)) return false;
  if (r.shortened !== undefined && !(isTime(r.shortened?.horizon) && Array.isArray(r.shortened.bots) && r.shortened.bots.every((b) => typeof b === 'string'))) return false;
  return typeof r.moduleTimes === 'object' && r.moduleTimes !== null && Object.values(r.moduleTimes).every(isTime);
}

/** The recorded history of the repository at `location`, whichever commit it ends at; undefined when none can be trusted. */
export function loadHistoryRecord(file: string, location: string, rules: string): HistoryRecord | undefined {
  let tip = '';
  const r = readRecord<Header>(file, (h) => {
    tip = h.tip;
    return h.format === FORMAT && h.rules === rules && h.location === location && /^[0-9a-f]{40}$/.test(h.tip);
  }) as HistoryRecord | undefined;
  return r && typeof r === 'object' && whole(r, tip) ? r : undefined;
}

/** Replaces the repository's history record, atomically. */
export function saveHistoryRecord(file: string, location: string, rules: string, record: HistoryRecord): void {
  const { tip, authors, times, who, lastSync, moduleTimes, shortened } = record;
  writeRecord(file, { format: FORMAT, rules, location, tip } satisfies Omit<Header, 'body'>, { tip, authors, times, who, lastSync, moduleTimes, ...(shortened ? { shortened } : {}) } satisfies HistoryRecord);
}

/**
 * `newer` (the commits after `older.tip`, newest first, read whole) in front of `older`; `modules`: the
 * copies in the tree at `newer.tip`. A shortened `older` leaves the result shortened as it was.
 */
export function prependHistory(newer: HistoryRecord, older: HistoryRecord, modules: ReadonlySet<string>): HistoryRecord {
  const authors = [...older.authors];
  const index = new Map(authors.map((a, i) => [a, i]));
  const who = newer.who.map((i) => {
    const a = newer.authors[i]!;
    let j = index.get(a);
    if (j === undefined) index.set(a, (j = authors.push(a) - 1));
    return j;
  });
  return {
    tip: newer.tip,
    authors,
    times: [...newer.times, ...older.times],
    who: [...who, ...older.who],
    lastSync: newer.lastSync ?? older.lastSync,
    // A copy the newer commits left alone was in the older tree, with its date.
    moduleTimes: Object.fromEntries([...modules].flatMap((m) => {
      const t = newer.moduleTimes[m] ?? older.moduleTimes[m];
      return t === undefined ? [] : [[m, t]];
    })),
    ...(older.shortened ? { shortened: older.shortened } : {}),
  };
}
