// Whether a repository's history stops short (a shallow clone): its history cannot be walked whole,
// so activity, trends and retirement evidence from it are unknown or approximate.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workTreeGitFolders } from './head.js';
import { gitLines } from './logStream.js';

/**
 * Whether the repository is a shallow clone: from its files when it is a checkout (a linked work tree
 * too: the `shallow` file is in the common folder) or a bare clone, else by asking git.
 */
export async function isShallow(dir: string): Promise<boolean> {
  const commonDir = workTreeGitFolders(dir)?.commonDir ?? (isDirectory(join(dir, 'objects')) && existsSync(join(dir, 'HEAD')) ? dir : null);
  if (commonDir) return existsSync(join(commonDir, 'shallow'));
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
