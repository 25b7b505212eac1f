import { readFileSync } from 'node:fs';
import { reportSchemaPath } from '../paths.js';
import { parseChecked, schemaChecker } from '../util/index.js';
import type { Report } from './types.js';

export function reportSchema(): object {
  return JSON.parse(readFileSync(reportSchemaPath, 'utf8')) as object;
}

/** Errors of a report against the shipped schema, one line each; empty when it is valid. */
export const validateReport: (value: unknown) => string[] = schemaChecker(reportSchemaPath);

/** Parses a saved report, refusing anything that is not a valid version-1 report. */
export function parseReport(text: string, origin: string): Report {
  return parseChecked<Report>(text, origin, validateReport, 'oslo-audit report');
}
