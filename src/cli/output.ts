import { statSync, writeFileSync } from 'node:fs';
import { atomicWrite } from '../util/index.js';

/**
 * Whether `path` names something other than a regular file that exists: a device (`/dev/null`,
 * `/dev/stdout`), a pipe or a socket. Renaming a temp file over it would replace it with a file.
 */
function isSpecialFile(path: string): boolean {
  try {
    const s = statSync(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

/** Writes a rendering to --output (atomically, or straight into a device or pipe) or to stdout. */
export function emit(text: string, output: string | undefined): void {
  if (!output || output === '-') process.stdout.write(text);
  else if (isSpecialFile(output)) writeFileSync(output, text);
  else atomicWrite(output, text);
}
