// A project's copies against the incubator's history: provenance on each `incubator-copy` finding,
// and the project-level summary ("synced from incubator around DATE", local changes, stale copies).
// Pure: the caller reads the copies' texts and supplies them.

import { knowledge } from '../knowledge/index.js';
import type { CopyProvenance, Finding, FindingOf, Project, ProjectProvenance } from '../report/index.js';
import { copyLocation } from '../scan/index.js';
import { matchCopy, type MatchContext } from './match.js';
import { baseOf, undoRewrite } from './rewrite.js';

export interface ProvenanceOptions {
  /** `base=` from the project's openstack-common.conf, when it has one. */
  confBase?: string | null;
  /** When a module graduated (ISO date), or null; defaults to the first release of its successor library. */
  graduated?: (module: string) => string | null;
}

/** The date in the knowledge base's "oslo.concurrency 0.1.0 (2014-10-24)". */
export function graduationDate(module: string): string | null {
  const since = knowledge().incubatorModule(module)?.successorSince ?? '';
  return /\((\d{4}-\d{2}-\d{2})\)/.exec(since)?.[1] ?? null;
}

/**
 * The project with `provenance` on every `incubator-copy` finding whose text is in `copies`
 * (file → text as tracked in the project), and a project-level `provenance` summary.
 */
export function provenanceOf(project: Project, copies: ReadonlyMap<string, string>, ctx: MatchContext, options: ProvenanceOptions = {}): Project {
  const graduated = options.graduated ?? graduationDate;
  let base: string | null = options.confBase ?? null;
  const findings = project.findings.map((f): Finding => {
    if (f.kind !== 'incubator-copy') return f;
    const text = copies.get(f.file);
    const loc = copyLocation(f.file);
    if (text === undefined || !loc) return f;
    const b = baseOf(options.confBase ?? null, f.detail.package);
    base ??= b;
    const provenance = matchCopy({ file: f.file, relPath: loc.relPath, text: undoRewrite(text, b), original: text, graduated: graduated(f.detail.module) }, ctx);
    return { ...f, detail: { ...f.detail, provenance } };
  });
  return { ...project, findings, provenance: summariseProvenance(findings, ctx, base) };
}

type CopyFinding = FindingOf<'incubator-copy'> & { detail: { provenance: CopyProvenance } };

export function copiesWithProvenance(findings: readonly Finding[]): CopyFinding[] {
  return findings.filter((f): f is CopyFinding => f.kind === 'incubator-copy' && f.detail.provenance !== undefined);
}

export function summariseProvenance(findings: readonly Finding[], ctx: Pick<MatchContext, 'index'>, base: string | null): ProjectProvenance {
  const copies = copiesWithProvenance(findings);
  const of = (status: CopyProvenance['status']) => copies.filter((f) => f.detail.provenance.status === status);
  const exact = of('exact');
  const modified = of('modified');
  // A sync copies every file as it is at that moment, so the last sync is no older than the newest
  // version matched (a modified copy's closest version is the one its edits were made on).
  const dated = [...exact, ...modified].map((f) => f.detail.provenance.since).filter((d): d is string => d !== null);
  const syncedAround = dated.reduce<string | null>((max, d) => (max === null || Date.parse(d) > Date.parse(max) ? d : max), null);
  const stale = copies.filter((f) => f.detail.provenance.stale);
  return {
    incubator: { source: ctx.index.source, head: ctx.index.head },
    base,
    syncedAround,
    counts: { files: copies.length, exact: exact.length, modified: modified.length, unmatched: of('unmatched').length, stale: stale.length },
    localChanges: modified.map((f) => ({ module: f.detail.module, file: f.file, changes: f.detail.provenance.changes, similarity: f.detail.provenance.similarity })),
    stale: stale.map((f) => ({ module: f.detail.module, file: f.file, newerVersions: f.detail.provenance.newerVersions, latest: f.detail.provenance.latest!.date })),
    unmatched: of('unmatched').map((f) => f.file),
  };
}

const day = (iso: string | null): string => (iso ?? '').slice(0, 10);
const s = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * One line for a person deciding what to do with a copied file:
 * "lockutils.py carries 2 local changes: port them before switching to oslo.concurrency".
 */
export function provenanceLine(finding: FindingOf<'incubator-copy'>): string | null {
  const p = finding.detail.provenance;
  if (!p) return null;
  const name = copyLocation(finding.file)?.relPath ?? finding.file;
  const successor = finding.detail.successor?.package ?? finding.detail.successor?.import ?? null;
  const behind = p.stale ? `, ${s(p.newerVersions, 'incubator change')} behind (last ${day(p.latest?.date ?? null)})` : '';
  switch (p.status) {
    case 'modified':
      return `${name} carries ${s(p.changes, 'local change')}${behind}: ${p.changes === 1 ? 'port it' : 'port them'} ${successor ? `before switching to ${successor}` : 'before deleting the copy'}`;
    case 'exact':
      return `${name} is the incubator version of ${day(p.since)}${p.match === 'equivalent' ? ' (whitespace or comments differ)' : ''}${behind}: nothing to port${successor ? ` before switching to ${successor}` : ''}`;
    case 'unmatched':
      return `${name} matches no incubator version: review it by hand${successor ? ` before switching to ${successor}` : ' before deleting it'}`;
  }
}
