import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

/**
 * Compares text with `test/golden/<name>`. Golden files are reviewed in diffs; to regenerate them
 * after an intended change, run the tests with UPDATE_GOLDEN=1 and review `git diff test/golden`.
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(packageRoot, 'test', 'golden', name);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
  assert.ok(existsSync(path), `golden file test/golden/${name} is missing (run with UPDATE_GOLDEN=1 to create it)`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from test/golden/${name}`);
}
