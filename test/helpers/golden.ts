import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

/**
 * Compares `actual` with test/golden/<name>. Run with UPDATE_GOLDEN=1 to (re)write the file instead,
 * then review the change with `git diff test/golden`.
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(packageRoot, 'test', 'golden', name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing golden file test/golden/${name} (run with UPDATE_GOLDEN=1 to create it)`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from test/golden/${name}`);
}
