import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FileChange } from '../git/index.js';
import { packageRoot } from '../paths.js';

export const fixturesDir = join(packageRoot, 'fixtures');

/** The files of a fixture folder, keyed by POSIX path, keeping executable bits and links. */
export function readFixtureTree(dir: string): Record<string, FileChange> {
  const files: Record<string, FileChange> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      const rel = relative(dir, abs).split('\\').join('/');
      const st = lstatSync(abs);
      if (st.isDirectory()) walk(abs);
      else if (st.isSymbolicLink()) files[rel] = { symlink: readlinkSync(abs) };
      else files[rel] = st.mode & 0o111 ? { content: readFileSync(abs), executable: true } : readFileSync(abs);
    }
  };
  walk(dir);
  return files;
}

export function projectFixture(name: string): Record<string, FileChange> {
  return readFixtureTree(join(fixturesDir, 'projects', name));
}
