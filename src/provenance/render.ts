// Provenance as text for the terminal: one block per project, a line per copy worth a look.

import type { FindingOf, Project, Report } from '../report/index.js';
import { copiesWithProvenance, provenanceLine } from './project.js';

const day = (iso: string | null): string => (iso ?? '').slice(0, 10);

export interface RenderOptions {
  /** Append each modified copy's unified diff. */
  diff?: boolean;
}

export function renderProvenanceProject(p: Project, options: RenderOptions = {}): string[] {
  const head = `${p.name}${p.repo ? ` (${p.repo})` : ''}${p.commit ? ` @ ${p.commit.slice(0, 10)}` : ''}`;
  if (p.error) return [`${head}: ${p.error.stage} failed: ${p.error.message}`];
  const s = p.provenance;
  if (!s || s.counts.files === 0) return [`${head}: no copy of oslo-incubator code`];
  const lines = [
    `${head}: ${s.syncedAround ? `synced from incubator around ${day(s.syncedAround)}` : 'no copy matches the incubator'}`,
    `  ${s.counts.files} copied files: ${s.counts.exact} exact, ${s.counts.modified} with local changes, ${s.counts.unmatched} unmatched; ${s.counts.stale} behind the incubator`,
  ];
  const copies = copiesWithProvenance(p.findings);
  // Exact copies that are level with the incubator need nothing from the reader.
  const notable = copies.filter((f) => f.detail.provenance.status !== 'exact' || f.detail.provenance.stale);
  const rank = { modified: 0, unmatched: 1, exact: 2 } as const;
  notable.sort((a, b) => rank[a.detail.provenance.status] - rank[b.detail.provenance.status] || (a.file < b.file ? -1 : 1));
  for (const f of notable) lines.push(`  ${provenanceLine(f as FindingOf<'incubator-copy'>)}`);
  if (options.diff) {
    for (const f of copies) {
      const d = f.detail.provenance.diff;
      if (d) lines.push('', ...d.replace(/\n$/, '').split('\n'));
    }
  }
  return lines;
}

export function renderProvenance(report: Report, options: RenderOptions = {}): string {
  return report.projects.map((p) => renderProvenanceProject(p, options).join('\n')).join('\n\n') + '\n';
}
