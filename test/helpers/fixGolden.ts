// Golden before/after trees under fixtures/fix/: each is built as a real repository, planned from
// its scan, applied as commits, and compared byte for byte with the `after` tree. The preview diff,
// applied with `git apply` to a clone, must give the same tree.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { applyFixes, planFixes, type FixPlan } from '../../src/fix/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { DEV } from './repo.js';
import { COMMIT_DATE, fixRepo, git, goldenAfter, trackedTree } from './fix.js';
import { tempDir } from './tmp.js';
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const identity = { author: DEV, date: COMMIT_DATE };

export async function plan(dir: string): Promise<FixPlan> {
  const project = await scanCheckout({ path: dir });
  assert.equal(project.error, null);
  return planFixes(dir, project);
}

export function assertSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()], 'the same files');
  for (const [path, content] of expected) assert.equal(actual.get(path)!.toString('utf8'), content.toString('utf8'), path);
  for (const [path, content] of expected) assert.ok(actual.get(path)!.equals(content), `${path} byte for byte`);
}

export async function checkGolden(name: string): Promise<{ dir: string; plan: FixPlan }> {
  const dir = await fixRepo(name);
  const p = await plan(dir);
  assert.ok(p.changes.length > 0, 'something to do');

  // The preview is a patch git takes, and it gives the golden tree.
  const clone = join(tempDir(), 'clone');
  git(dir, 'clone', '--quiet', dir, clone);
  const patch = join(tempDir(), 'fix.patch');
  writeFileSync(patch, p.diff);
  git(clone, 'apply', '--index', patch);
  assertSameTree(trackedTree(clone), goldenAfter(name));

  const before = git(dir, 'rev-parse', 'HEAD').trim();
  const commits = await applyFixes(dir, p, { identity });
  assert.equal(commits.length, p.changes.length, 'one commit per library');
  assert.deepEqual(commits.map((c) => c.library), p.changes.map((c) => c.library));
  assert.equal(git(dir, 'rev-list', '--count', `${before}..HEAD`).trim(), String(p.changes.length));
  assert.equal(git(dir, 'status', '--porcelain'), '', 'nothing left uncommitted');
  assertSameTree(trackedTree(dir), goldenAfter(name));
  for (const c of commits) {
    const message = git(dir, 'log', '-1', '--format=%B', c.commit);
    const [summary, blank, ...body] = message.trimEnd().split('\n');
    assert.ok(summary!.length <= 50, `summary within 50 characters: ${summary}`);
    assert.equal(blank, '');
    assert.match(body[body.length - 1]!, /^Change-Id: I[0-9a-f]{40}$/);
    assert.ok(body.every((l) => l.length <= 72), 'body wrapped at 72');
    assert.ok(message.includes(c.library), 'the message names the library');
  }
  return { dir, plan: p };
}

/** Every changed Python file that compiled before still compiles (python3's own compiler). */
export function assertStillCompiles(dir: string, p: FixPlan): void {
  const files = [...new Set(p.changes.flatMap((c) => c.files).filter((f) => f.after !== null && f.path.endsWith('.py')).map((f) => f.path))];
  assert.ok(files.length > 0);
  for (const f of files) {
    const r = spawnSync('python3', ['-m', 'py_compile', join(dir, f)], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${f}: ${r.stderr}`);
  }
}
