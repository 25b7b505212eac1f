// Is a project a candidate for retirement? Judged from its history's activity, with the reasons in words.

import type { Activity } from '../report/index.js';
import { monthsBetween, plural } from '../util/text.js';
import type { Candidacy } from './types.js';

export interface CandidacyRules {
  /** Months without a human commit before a project counts as inactive. */
  inactiveMonths: number;
  /** At most this many human authors in the last 365 days. */
  maxAuthors: number;
}

export const DEFAULT_RULES: CandidacyRules = { inactiveMonths: 12, maxAuthors: 1 };

export function candidacy(activity: Activity | null, now: Date, rules: CandidacyRules = DEFAULT_RULES): Candidacy {
  if (!activity) return { isCandidate: false, reasons: ['no history to judge from'] };
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
  return { isCandidate: inactive && few, reasons };
}
