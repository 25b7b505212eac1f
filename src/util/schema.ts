// One way to check JSON against a shipped schema (the scan report, the trend report, the retirement
// state) and to parse a saved file through it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv and ajv-formats are CommonJS; their default exports are awkward under NodeNext. They are loaded
// only when something is checked, so commands that never read a saved file do not pay for them.
const require = createRequire(import.meta.url);

/** A checker for the schema at `schemaPath`, compiled on first use: errors one line each, none when valid. */
export function schemaChecker(schemaPath: string, formats = true): (value: unknown) => string[] {
  let validator: ValidateFunction | undefined;
  return (value) => {
    if (!validator) {
      const Ajv = require('ajv') as typeof import('ajv').default;
      const ajv = new Ajv({ allErrors: true, strict: false });
      if (formats) (require('ajv-formats') as typeof import('ajv-formats').default)(ajv);
      validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  };
}

/** Parses `text` (read from `origin`) as JSON and refuses it unless `check` finds it valid, naming `what` it should be. */
export function parseChecked<T>(text: string, origin: string, check: (value: unknown) => string[], what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${origin} is not JSON: ${(e as Error).message}`, { cause: e });
  }
  const errors = check(value);
  if (errors.length) throw new Error(`${origin} is not a valid ${what}: ${errors[0]}`);
  return value as T;
}
