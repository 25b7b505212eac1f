// Checklist items for the community goals of rule packs that are data (eventlet, rbac, user packs):
// one item per goal and rule, with every place it found, what to do instead and the goal's references.
// Grouped by goal: items are ordered by goal, then rule, and each title names its goal.

import type { Finding, Project, RuleFindingDetail } from '../report/index.js';
import type { ChecklistItem } from './types.js';

type RuleFinding = Finding & { detail: RuleFindingDetail };

function isRuleFinding(f: Finding): f is RuleFinding {
  return f.kind === 'goal-usage' || f.kind === 'goal-adoption';
}

/** Items for what is left of each goal (`goal-usage`); progress (`goal-adoption`) is said in their detail. */
export function goalItems(project: Project): ChecklistItem[] {
  const usage = new Map<string, RuleFinding[]>();
  const progress = new Map<string, number>();
  for (const f of project.findings) {
    if (!isRuleFinding(f)) continue;
    const goal = f.detail.goal ?? f.detail.pack;
    if (f.kind === 'goal-adoption') progress.set(goal, (progress.get(goal) ?? 0) + 1);
    else usage.set(`${goal}\0${f.detail.rule}`, [...(usage.get(`${goal}\0${f.detail.rule}`) ?? []), f]);
  }
  return [...usage.keys()].sort().map((key) => {
    const list = usage.get(key)!;
    const [goal, rule] = key.split('\0') as [string, string];
    const d = list[0]!.detail;
    const seen = progress.get(goal);
    return {
      id: `goal:${goal}:${rule}`,
      section: 'goals' as const,
      title: `${goal}: ${rule} (${list.length} ${list.length === 1 ? 'place' : 'places'})`,
      done: false,
      detail: [
        ...(d.replacement ? [d.replacement] : []),
        ...(seen ? [`Progress toward ${goal} is already visible in ${seen} ${seen === 1 ? 'place' : 'places'}.`] : []),
        ...(d.references.length ? [`References: ${d.references.join(' ')}`] : []),
      ],
      places: list.map((f) => ({ file: f.file, line: f.line, note: f.message })),
    };
  });
}
