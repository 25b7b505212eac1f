// SARIF rules for the findings of rule packs that are data: one SARIF rule per pack rule that has
// work left (`goal-usage`), described by its first finding; progress (`goal-adoption`) is not a problem
// and stays in the JSON report, as privsep use does.

import type { Finding, Report, RuleFindingDetail } from '../types.js';

export interface PackRule {
  id: string;
  descriptor: object;
}

function usage(f: Finding): (Finding & { detail: RuleFindingDetail }) | null {
  return f.kind === 'goal-usage' ? (f as Finding & { detail: RuleFindingDetail }) : null;
}

/** The pack rules with results in the report, in order of their ids. */
export function packRules(report: Report): PackRule[] {
  const first = new Map<string, Finding & { detail: RuleFindingDetail }>();
  for (const p of report.projects) for (const f of p.findings) {
    const u = usage(f);
    if (u && !first.has(u.detail.rule)) first.set(u.detail.rule, u);
  }
  return [...first.keys()].sort().map((id) => {
    const d = first.get(id)!.detail;
    const help = d.replacement || `See ${d.references[0] ?? 'the rule'}.`;
    return {
      id,
      descriptor: {
        id,
        shortDescription: { text: `${d.pack} pack: ${id}` },
        fullDescription: { text: d.goal ? `Work left for the community goal ${d.goal}.` : `A match of the ${d.pack} pack's rule ${id}.` },
        help: { text: help, markdown: help },
        ...(d.references[0] ? { helpUri: d.references[0] } : {}),
        defaultConfiguration: { level: d.severity },
        properties: { tags: ['oslo', d.pack, ...(d.goal ? [d.goal] : [])] },
      },
    };
  });
}

/** The SARIF rule id and level of a finding of a pack rule, or null. */
export function packRuleOf(f: Finding): { id: string; level: string } | null {
  const u = usage(f);
  return u ? { id: u.detail.rule, level: u.detail.severity } : null;
}
