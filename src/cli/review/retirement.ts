// A project's retirement, as `retire` judges and plans it: read the repository, project-config and
// governance, assess each step, and plan the remaining changes. Shared by the checklist and the
// changes the review UI shows, so both say the same.

import { migrationChecklist, type Checklist } from '../../checklist/index.js';
import type { Project } from '../../report/index.js';
import {
  assessRetirement, candidacy, planRetirement, readRetireInputs, retirementChecklist,
  type PlannedChange, type RetireInputs, type RetireRoots, type RetirementState,
} from '../../retire/index.js';
import type { ProjectChecklists } from '../../ui/index.js';
import { localCheckout } from './checkout.js';
import type { ReviewSettings } from './settings.js';
import { shownChecklists } from './shown.js';

export interface RetirementPlan {
  inputs: RetireInputs;
  state: RetirementState;
  changes: PlannedChange[];
  roots: RetireRoots;
  /** `YYYY-MM-DD`: the announcement's and legacy.yaml's date. */
  date: string;
}

/** The date `now` falls on, as `retire --date` takes it. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** Reads and plans the retirement of the project's local checkout at `root`. */
export async function retirementPlan(project: Project, root: string, now: Date, settings: ReviewSettings): Promise<RetirementPlan> {
  const { inputs, lookup, roots, close } = await readRetireInputs({
    repository: root,
    projectConfig: settings.projectConfig,
    governance: settings.governance,
    repo: project.repo,
    now,
    rules: settings.rules,
    activity: settings.scan.activity,
  });
  const state = await assessRetirement(inputs, lookup).finally(close);
  const date = dayOf(now);
  return { inputs, state, changes: planRetirement(inputs, state, { date }), roots, date };
}

/** Whether the retirement checklist belongs on the screen: a candidate, or a retirement under way. */
const wanted = (state: RetirementState): boolean => state.candidate.isCandidate || state.state !== 'active';

async function retirementPart(project: Project, now: Date, settings: ReviewSettings): Promise<{ checklist?: Checklist; note?: string }> {
  if (project.error) return {};
  const local = await localCheckout(project, settings.cwd);
  if ('reason' in local) {
    // The retirement state is read from the repository's files at HEAD, which only a checkout has.
    if (!candidacy(project.activity, now, settings.rules).isCandidate) return {};
    return { note: `retirement checklist: ${local.reason}; run 'oslo-audit retire PATH' on a clone of it` };
  }
  try {
    const plan = await retirementPlan(project, local.root, now, settings);
    if (!wanted(plan.state)) return {};
    return { checklist: retirementChecklist(plan.state, plan.changes, { date: plan.date }) };
  } catch (e) {
    return { note: `retirement checklist: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** The review UI's checklists: the migration checklist, and the retirement checklist of a candidate. */
export function reviewChecklists(settings: ReviewSettings) {
  return async (project: Project, now: Date): Promise<ProjectChecklists> => {
    const checklists = [migrationChecklist(project)];
    const notes: string[] = [];
    const retirement = await retirementPart(project, now, settings);
    if (retirement.checklist) checklists.push(retirement.checklist);
    if (retirement.note) notes.push(retirement.note);
    return shownChecklists(checklists, notes);
  };
}
