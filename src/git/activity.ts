// The activity figures (docs/report-format.md, `activity`), counted from a history record back from a
// given day, and what a read of the history must keep for them: the figures look back no further
// than their longest window, to the newest human commit and to the newest sync.

import type { Activity } from '../report/index.js';
import type { HistoryRecord } from './historyRecord.js';

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

/** The longest window the figures count back (`commits365d`, `authors365d`). */
export const LONGEST_WINDOW_DAYS = 365;
/**
 * How far past the longest window the read of every commit goes before it may stop. Committer dates
 * along a first-parent line are newest first but for a clock set wrong: a commit dated inside the
 * window behind a month of older ones is not looked for.
 */
export const SKEW_DAYS = 30;
export const DAY = 86_400;

/** Where a read of every commit may stop: what the figures will be counted with. */
export interface ReadStop {
  /** The start of the longest window, in seconds: every commit dated after it is kept. */
  horizon: number;
  bots: readonly string[];
}

/** Where the read for figures counted with `options` may stop. */
export function readStop(options: ActivityOptions): ReadStop {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return { horizon: now - LONGEST_WINDOW_DAYS * DAY, bots: options.bots ?? DEFAULT_BOTS };
}

const botKey = (bots: readonly string[]): string => JSON.stringify(bots.map((b) => b.toLowerCase()).sort());

/**
 * Whether a record answers figures counted with `stop` (null: the whole history is asked for): a
 * whole record answers any; a shortened one only a window starting no earlier than its own, with the
 * bots it found the newest human commit under.
 */
export function answers(record: HistoryRecord, stop: ReadStop | null): boolean {
  const kept = record.shortened;
  if (!kept) return true;
  return stop !== null && stop.horizon >= kept.horizon && botKey(stop.bots) === botKey(kept.bots);
}

export function isBot(author: string, bots: readonly string[] = DEFAULT_BOTS): boolean {
  const who = author.toLowerCase();
  return bots.some((b) => who.includes(b.toLowerCase()));
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The activity figures of a history, counted back from `now`. */
export function activityFrom(h: HistoryRecord, options: ActivityOptions = {}): Activity {
  const now = (options.now ?? new Date()).getTime() / 1000;
  const bots = options.bots ?? DEFAULT_BOTS;
  const human = h.authors.map((a) => !isBot(a, bots));
  let lastHuman: string | null = null;
  let commits90d = 0;
  let commits365d = 0;
  const authors = new Set<string>();
  for (let i = 0; i < h.times.length; i++) {
    const t = h.times[i]!;
    const a = h.who[i]!;
    if (lastHuman === null && human[a]) lastHuman = isoDate(t);
    if (t <= now && now - t <= 90 * DAY) commits90d++;
    if (t <= now && now - t <= LONGEST_WINDOW_DAYS * DAY) {
      commits365d++;
      if (human[a]) authors.add(h.authors[a]!.toLowerCase());
    }
  }
  return {
    lastCommit: h.times.length > 0 ? isoDate(h.times[0]!) : null,
    lastHumanCommit: lastHuman,
    commits90d,
    commits365d,
    authors365d: authors.size,
    lastIncubatorSync: h.lastSync === null ? null : isoDate(h.lastSync),
    incubatorModuleDates: Object.fromEntries(Object.entries(h.moduleTimes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([m, t]) => [m, isoDate(t)])),
  };
}
