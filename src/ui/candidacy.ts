// Retirement candidacy as the project list shows it: a simple rule on activity alone, until the
// retirement work gives a fuller judgement.

import type { Project } from '../report/index.js';
import { monthsBetween } from '../util/text.js';

/** A project whose last human commit is at least this old is a retirement candidate. */
export const INACTIVE_MONTHS = 12;

export interface Candidacy {
  isCandidate: boolean;
  /** Why, in a few words, when it is a candidate. */
  reason: string | null;
}

export function retirementCandidacy(project: Project, now: Date): Candidacy {
  const activity = project.activity;
  if (project.error || !activity || !activity.lastCommit) return { isCandidate: false, reason: null };
  if (!activity.lastHumanCommit) return { isCandidate: true, reason: 'no human commit in its history' };
  const last = new Date(activity.lastHumanCommit);
  const months = monthsBetween(last, now);
  if (months < INACTIVE_MONTHS) return { isCandidate: false, reason: null };
  return { isCandidate: true, reason: `no human commit since ${activity.lastHumanCommit.slice(0, 10)} (${months} months)` };
}
