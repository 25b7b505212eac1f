import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { schemaChecker } from '../util/index.js';

export const retirementSchemaPath = join(packageRoot, 'src', 'retire', 'retirement.schema.json');

/** Errors of a retirement state against the shipped schema, one line each; empty when it is valid. */
export const validateRetirementState: (value: unknown) => string[] = schemaChecker(retirementSchemaPath, false);
