import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { reportSchemaPath } from '../paths.js';
import type { Report } from './types.js';

// ajv and ajv-formats are CommonJS; their default exports are awkward under NodeNext. They are loaded
// only when a report is checked, so commands that never read one do not pay for them.
const require = createRequire(import.meta.url);

let validator: ValidateFunction | undefined;

export function reportSchema(): object {
  return JSON.parse(readFileSync(reportSchemaPath, 'utf8')) as object;
}

/** Errors of a report against the shipped schema, one line each; empty when it is valid. */
export function validateReport(value: unknown): string[] {
  if (!validator) {
    const Ajv = require('ajv') as typeof import('ajv').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(reportSchema());
  }
  if (validator(value)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Parses a saved report, refusing anything that is not a valid version-1 report. */
export function parseReport(text: string, origin: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${origin} is not JSON: ${(e as Error).message}`);
  }
  const errors = validateReport(value);
  if (errors.length) throw new Error(`${origin} is not a valid oslo-audit report: ${errors[0]}`);
  return value as Report;
}
