import { join } from 'node:path';
import { writeCommits, type CommitSpec, type FileChange } from '../../src/git/index.js';
import { projectFixture } from '../../src/demo/index.js';
import { tempDir } from './tmp.js';

export const FIXED_DATE = '2014-05-06T10:20:30Z';
export const DEV = 'Jane Developer <jane@example.org>';

/** A real git repository in a temp folder, with one commit of `files` at a fixed date. */
export async function repoWith(files: Record<string, FileChange>, name = 'repo'): Promise<string> {
  const dir = join(tempDir(), name);
  await writeCommits(dir, [{ date: FIXED_DATE, author: DEV, message: 'Initial commit', files }]);
  return dir;
}

/** A real git repository built from commits. */
export async function repoWithHistory(commits: CommitSpec[], name = 'repo'): Promise<string> {
  const dir = join(tempDir(), name);
  await writeCommits(dir, commits);
  return dir;
}

/** A repository holding one of the project fixtures under fixtures/projects/. */
export async function fixtureRepo(fixture: string): Promise<string> {
  return repoWith(projectFixture(fixture), fixture);
}
