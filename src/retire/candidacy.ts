// Is a project a candidate for retirement? Judged from its history's activity, then weighed against
// what says it is still relied on: recent releases and other projects that require it. A repository
// that is inactive but relied on is *quiet*, not a candidate. Being official and gated is reported
// (it is what a retirement would have to undo) but does not by itself keep a dead project off the list.

import type { Activity } from '../report/index.js';
import { monthsBetween, plural } from '../util/index.js';
import type { Candidacy } from './types.js';

export interface CandidacyRules {
  /** Months without a human commit before a project counts as inactive. */
  inactiveMonths: number;
  /** At most this many human authors in the last 365 days. */
  maxAuthors: number;
}

const RELEASE_TAG = /^v?\d+(\.\d+)*$/;

export const DEFAULT_RULES: CandidacyRules = { inactiveMonths: 12, maxAuthors: 1 };

/** What else is known of the project; a missing field is simply not weighed. */
export interface CandidacySignals {
  /** `deliverable X of team Y`, `owned by a SIG`, or null when not official. */
  official?: string | null;
  /** What still gates it in project-config, or null when gating has ended. */
  gated?: string | null;
  /** Release tags reachable from HEAD (before retirement), newest first. */
  releases?: { tag: string; date: string }[] | null;
  /** Projects that still require it, by where that was found. */
  dependents?: { source: string; projects: string[] } | null;
  /** The package's line in an openstack/requirements checkout's global-requirements.txt, or null when absent. */
  globalRequirement?: { package: string; line: number | null } | null;
}

export function candidacy(activity: Activity | null, now: Date, rules: CandidacyRules = DEFAULT_RULES, signals: CandidacySignals = {}): Candidacy {
  if (!activity) return { isCandidate: false, quiet: false, reasons: ['no history to judge from'] };
  const reasons: string[] = [];
  let inactive: boolean;
  if (activity.lastHumanCommit === null) {
    inactive = true;
    reasons.push(activity.lastCommit ? `no human commit at all (only bots, last ${activity.lastCommit.slice(0, 10)})` : 'no commits at all');
  } else {
    const months = monthsBetween(new Date(activity.lastHumanCommit), now);
    inactive = months >= rules.inactiveMonths;
    reasons.push(inactive
      ? `no human commit since ${activity.lastHumanCommit.slice(0, 10)} (${plural(months, 'month')})`
      : `a human commit on ${activity.lastHumanCommit.slice(0, 10)}, ${plural(months, 'month')} ago (under ${rules.inactiveMonths})`);
  }
  const few = activity.authors365d <= rules.maxAuthors;
  reasons.push(`${plural(activity.authors365d, 'human author')} in the last 365 days (${few ? 'at most' : 'more than'} ${rules.maxAuthors})`);

  if (signals.official !== undefined) reasons.push(signals.official ? `official: ${signals.official}` : 'not official in governance');
  if (signals.gated !== undefined) reasons.push(signals.gated ? `still gated: ${signals.gated}` : 'not gated');
  let relied = false;
  if (signals.releases) {
    // Version tags only: `victoria-em`, `stein-eol` mark branches, not releases.
    const past = signals.releases.filter((r) => RELEASE_TAG.test(r.tag) && r.date <= now.toISOString().slice(0, 10));
    const latest = past[0];
    const months = latest ? monthsBetween(new Date(`${latest.date}T00:00:00Z`), now) : null;
    const recent = months !== null && months < rules.inactiveMonths;
    relied ||= recent;
    reasons.push(latest ? `last release ${latest.tag} on ${latest.date} (${plural(months!, 'month')} ago${recent ? `, under ${rules.inactiveMonths}` : ''})` : 'never released (no tags)');
  }
  if (signals.dependents) {
    const { source, projects } = signals.dependents;
    relied ||= projects.length > 0;
    const shown = projects.slice(0, 5).join(', ') + (projects.length > 5 ? ', …' : '');
    reasons.push(projects.length ? `required by ${plural(projects.length, 'project')} (${source}): ${shown}` : `required by no project (${source})`);
  }
  if (signals.globalRequirement) {
    const { package: pkg, line } = signals.globalRequirement;
    relied ||= line !== null;
    reasons.push(line !== null ? `${pkg} still in openstack/requirements global-requirements.txt (line ${line})` : `${pkg} not in openstack/requirements global-requirements.txt`);
  }
  const quiet = inactive && few && relied;
  if (quiet) reasons.push('quiet, not a candidate: inactive but still relied on');
  return { isCandidate: inactive && few && !relied, quiet, reasons };
}
