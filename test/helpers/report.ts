import assert from 'node:assert/strict';
import { validateReport, type Finding, type Project, type Report } from '../../src/report/index.js';

/** Every report a test produces is checked against the shipped schema. */
export function assertValidReport(report: unknown): asserts report is Report {
  assert.deepEqual(validateReport(report), [], 'report must validate against src/report/report.schema.json');
}

/** A compact, readable line per finding for whole-report comparisons. */
export function brief(f: Finding): string {
  return `${f.kind} ${f.file}:${f.line ?? '-'} ${JSON.stringify(f.detail)}`;
}

export function briefs(p: Project, kind?: Finding['kind']): string[] {
  return p.findings.filter((f) => !kind || f.kind === kind).map(brief);
}
