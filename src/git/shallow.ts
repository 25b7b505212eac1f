// Whether a repository's history stops short (a shallow clone): its history cannot be walked whole,
// so activity, trends and retirement evidence from it are unknown or approximate.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gitLines } from './logStream.js';

/** Whether the repository is a shallow clone: from its files when it is a plain checkout or a bare clone, else by asking git. */
export async function isShallow(dir: string): Promise<boolean> {
  const dotGit = join(dir, '.git');
  const gitDir = isDirectory(dotGit) ? dotGit : isDirectory(join(dir, 'objects')) && existsSync(join(dir, 'HEAD')) ? dir : null;
  if (gitDir) return existsSync(join(gitDir, 'shallow'));
  const [shallow] = await gitLines(dir, ['rev-parse', '--is-shallow-repository']);
  return shallow === 'true';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
