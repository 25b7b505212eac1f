import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { packageRoot } from '../../src/paths.js';

// The OASIS SARIF 2.1.0 schema (errata 01) is a draft-04 JSON Schema, shipped under test/schemas/.
const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

let validator: ValidateFunction | undefined;

export function sarifErrors(value: unknown): string[] {
  if (!validator) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(join(packageRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
  }
  if (validator(value)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export function assertValidSarif(value: unknown): void {
  assert.deepEqual(sarifErrors(value), [], 'SARIF must validate against the SARIF 2.1.0 schema');
}
