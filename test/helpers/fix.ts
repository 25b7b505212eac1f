import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, readFixtureTree } from '../../src/demo/index.js';
import { repoWith } from './repo.js';

export const FIX_FIXTURES = join(fixturesDir, 'fix');
export const COMMIT_DATE = '2015-06-01T10:00:00Z';

/** A real repository holding `fixtures/fix/<name>/before`. */
export async function fixRepo(name: string): Promise<string> {
  return repoWith(readFixtureTree(join(FIX_FIXTURES, name, 'before')), name);
}

/** The golden tree `fixtures/fix/<name>/after`, as path → bytes. */
export function goldenAfter(name: string): Map<string, Buffer> {
  const dir = join(FIX_FIXTURES, name, 'after');
  const files = readFixtureTree(dir);
  return new Map(Object.keys(files).map((p) => [p, readFileSync(join(dir, p))]));
}

/** The tracked files of a work tree, as path → bytes. */
export function trackedTree(dir: string): Map<string, Buffer> {
  const paths = execFileSync('git', ['ls-files', '-z'], { cwd: dir, encoding: 'utf8' }).split('\0').filter(Boolean);
  return new Map(paths.sort().map((p) => [p, readFileSync(join(dir, p))]));
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}

/** The environment of a CLI process that commits: a fixed author, committer and date. */
export const COMMIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Jane Developer',
  GIT_AUTHOR_EMAIL: 'jane@example.org',
  GIT_COMMITTER_NAME: 'Jane Developer',
  GIT_COMMITTER_EMAIL: 'jane@example.org',
  GIT_AUTHOR_DATE: COMMIT_DATE,
  GIT_COMMITTER_DATE: COMMIT_DATE,
};
