import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { packageRoot } from '../paths.js';

// ajv is CommonJS; its default export is awkward under NodeNext. It is loaded only when a state is
// checked, so commands that never check one do not pay for it.
const require = createRequire(import.meta.url);

export const retirementSchemaPath = join(packageRoot, 'src', 'retire', 'retirement.schema.json');
let validator: ValidateFunction | undefined;

/** Errors of a retirement state against the shipped schema, one line each; empty when it is valid. */
export function validateRetirementState(value: unknown): string[] {
  if (!validator) {
    const Ajv = require('ajv') as typeof import('ajv').default;
    validator = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(retirementSchemaPath, 'utf8')) as object);
  }
  if (validator(value)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
