// When a run fails a CI step: findings over a threshold (exit 1), some projects not scanned (exit 3).

import { KINDS, RULE_KINDS, type Kind, type Report } from '../report/index.js';

/** Every kind `--fail-on` names: the built-in ones and those of rule packs (`goal-usage`). */
const ALL_KINDS: readonly Kind[] = [...KINDS, ...RULE_KINDS];
import { EXIT, UsageError } from './exitCodes.js';

/** What stands between a project and the libraries; oslo.privsep use and Oslo requirements are not problems. */
export const MIGRATION_KINDS: readonly Kind[] = ['incubator-copy', 'incubator-config', 'incubator-import', 'namespace-import', 'rootwrap-import', 'rootwrap-call', 'rootwrap-config'];

/** Names `--fail-on` takes besides the kinds themselves. */
export const KIND_GROUPS: Readonly<Record<string, readonly Kind[]>> = {
  incubator: ['incubator-copy', 'incubator-config', 'incubator-import'],
  namespace: ['namespace-import'],
  rootwrap: ['rootwrap-import', 'rootwrap-call', 'rootwrap-config'],
  migration: MIGRATION_KINDS,
};

export interface Threshold {
  /** The kinds that count. */
  kinds: readonly Kind[];
  /** The run fails when more findings than this count. */
  max: number;
}

/** Kinds from `--fail-on` values, each a comma-separated list of kinds or group names. */
export function parseKinds(values: readonly string[]): Kind[] {
  const kinds = new Set<Kind>();
  for (const value of values) {
    for (const raw of value.split(',')) {
      const name = raw.trim();
      if (!name) continue;
      const group = KIND_GROUPS[name];
      if (group) group.forEach((k) => kinds.add(k));
      else if ((ALL_KINDS as readonly string[]).includes(name)) kinds.add(name as Kind);
      else throw new UsageError(`--fail-on: unknown kind ${JSON.stringify(name)} (kinds: ${ALL_KINDS.join(', ')}; groups: ${Object.keys(KIND_GROUPS).join(', ')})`);
    }
  }
  if (kinds.size === 0) throw new UsageError('--fail-on needs at least one kind');
  return ALL_KINDS.filter((k) => kinds.has(k));
}

/**
 * `--fail-on K` alone fails on any finding of K; `--max-findings N` alone fails on more than N
 * migration findings; together, on more than N findings of K. Neither: no threshold.
 */
export function thresholdOf(failOn: readonly string[] | undefined, maxFindings: string | undefined): Threshold | null {
  if (maxFindings !== undefined && !/^\d+$/.test(maxFindings)) throw new UsageError(`--max-findings takes a whole number, not ${JSON.stringify(maxFindings)}`);
  const kinds = failOn?.length ? parseKinds(failOn) : null;
  if (!kinds && maxFindings === undefined) return null;
  return { kinds: kinds ?? MIGRATION_KINDS, max: maxFindings === undefined ? 0 : Number(maxFindings) };
}

export interface Verdict {
  /** Findings of the threshold's kinds, over all projects. */
  counted: number;
  over: boolean;
  failedProjects: number;
  exitCode: number;
}

/**
 * Findings over the threshold win over failed projects (1 before 3): repositories that could not be
 * scanned can only add findings, so the threshold is broken whatever they hold.
 */
export function verdictOf(report: Report, threshold: Threshold | null): Verdict {
  const kinds = new Set(threshold?.kinds ?? []);
  const counted = report.projects.reduce((n, p) => n + p.findings.filter((f) => kinds.has(f.kind)).length, 0);
  const over = threshold !== null && counted > threshold.max;
  const failedProjects = report.projects.filter((p) => p.error).length;
  const exitCode = over ? EXIT.findings : failedProjects > 0 ? EXIT.projectsFailed : EXIT.ok;
  return { counted, over, failedProjects, exitCode };
}
