// The changes the review UI previews and applies: `fix`'s generated migration commits and `retire`'s
// remaining retirement commits, planned on the project's own checkout and committed there (never
// pushed). Each preview carries the function that commits exactly what was shown.

import { applyFixes, planFixes, type FixPlan } from '../../fix/index.js';
import { commitEnv } from '../../git/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { checkoutProvenance } from '../../provenance/index.js';
import type { Project } from '../../report/index.js';
import { applyRetirement, editText, type PlannedChange } from '../../retire/index.js';
import type { AppliedChanges, ChangePlanner, ChangePreview, ChangeSource, MadeCommit } from '../../ui/index.js';
import { plural } from '../../util/index.js';
import { localCheckout } from './checkout.js';
import { retirementPlan } from './retirement.js';
import type { ReviewSettings } from './settings.js';

/** The checkout's root, or a rejection saying why changes cannot be made for this project. */
async function rootOf(project: Project, settings: ReviewSettings, what: string): Promise<string> {
  const local = await localCheckout(project, settings.cwd);
  if ('reason' in local) throw new Error(`${what} needs a local checkout: ${local.reason}`);
  return local.root;
}

/** The project scanned again at its checkout's new HEAD, named and placed as before. */
export async function rescan(project: Project, root: string, settings: ReviewSettings): Promise<Project> {
  const scanned = await scanCheckout({ path: root, name: project.name, repo: project.repo }, settings.scan);
  // Extra fields (team, GitHub facts) carry over; the scan's own fields and provenance are new.
  const { provenance: _old, ...kept } = project;
  const fresh: Project = { ...kept, ...scanned, source: project.source };
  return settings.incubator ? checkoutProvenance(fresh, root, settings.incubator) : fresh;
}

function fixNotes(plan: FixPlan): string[] {
  return plan.left.map((item) => `left for review: ${item.title}: ${item.reason}`);
}

function fixPlanner(settings: ReviewSettings): ChangePlanner {
  return async (project) => {
    const root = await rootOf(project, settings, 'fix');
    const plan = await planFixes(root, project);
    const apply = async (): Promise<AppliedChanges> => {
      const made = await applyFixes(root, plan, { identity: settings.identity });
      return { commits: made.map((c) => ({ commit: c.commit, subject: c.subject })), project: await rescan(project, root, settings) };
    };
    const preview: ChangePreview = {
      title: plan.changes.length ? `${plural(plan.changes.length, 'commit')}: ${plan.changes.map((c) => c.library).join(', ')}` : 'nothing to generate',
      text: plan.diff,
      notes: fixNotes(plan),
      commits: plan.changes.length,
      target: root,
      apply: plan.changes.length ? apply : null,
    };
    return preview;
  };
}

/** A planned retirement change for people: which checkout, the subject, then its edits. */
function changeText(change: PlannedChange): string {
  return [`── ${change.target}: ${change.subject}`, ...change.edits.map(editText)].join('\n');
}

function retirementPlanner(settings: ReviewSettings): ChangePlanner {
  return async (project, now) => {
    if (!settings.projectConfig || !settings.governance) throw new Error('retirement changes need --project-config DIR and --governance DIR (local checkouts)');
    const root = await rootOf(project, settings, 'retiring');
    const plan = await retirementPlan(project, root, now, settings);
    const { inputs, changes, roots } = plan;
    const heads = { repository: inputs.repository.head, 'project-config': inputs.projectConfigHead ?? null, governance: inputs.governanceHead ?? null };
    const apply = async (): Promise<AppliedChanges> => {
      const env = settings.identity ? commitEnv(settings.identity.author, settings.identity.date) : {};
      const made = await applyRetirement(changes, roots, heads, env);
      const commits: MadeCommit[] = made.map((a) => ({ commit: a.commit, subject: a.subject, where: a.target }));
      return { commits, project: await rescan(project, root, settings) };
    };
    const steps = plan.state.steps.filter((s) => s.status === 'unknown' && s.id !== 'announce').map((s) => s.id);
    return {
      title: changes.length ? `${plural(changes.length, 'commit')}: ${changes.map((c) => c.target).join(', ')}` : 'nothing left to change',
      text: changes.map(changeText).join('\n\n'),
      notes: [
        `State: ${plan.state.state}.${steps.length ? ` Unknown: ${steps.join(', ')}.` : ''}`,
        'Send the announcement (see the checklist) before these changes, and link it from them.',
      ],
      commits: changes.length,
      target: [roots.projectConfig, roots.repository, roots.governance].filter(Boolean).join(', '),
      apply: changes.length ? apply : null,
    };
  };
}

export function reviewChanges(settings: ReviewSettings): ChangeSource {
  return { fix: fixPlanner(settings), retirement: retirementPlanner(settings) };
}
