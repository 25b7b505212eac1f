// The text of a scanned file, for previews: read from the project's checkout at the scanned commit,
// never from the work tree (which may have moved on since the scan).

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { cacheKey, readFileAtCommit } from '../git/index.js';
import type { Project } from '../report/index.js';

const utf8 = new TextDecoder('utf-8');

export interface SourceLocations {
  /** The clone cache, where remote targets were cloned (the cache layout's `clones`, cacheLayout.ts). */
  cacheDir?: string;
  /** What relative `source` paths are relative to. */
  cwd?: string;
}

/** Where a project's repository is on this machine: the checkout it was scanned from, or its clone in the cache. */
export function repositoryDir(project: Project, where: SourceLocations): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^[^/.][^/:]*:/i.test(project.source)) {
    if (!where.cacheDir) return null;
    try {
      const dir = resolve(where.cacheDir, cacheKey(project.source));
      return existsSync(dir) ? dir : null;
    } catch {
      return null;
    }
  }
  const dir = resolve(where.cwd ?? process.cwd(), project.source);
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}

/** The file's text, or an Error saying why it cannot be shown (no checkout here, commit missing, binary). */
export async function readProjectSource(project: Project, file: string, where: SourceLocations = {}): Promise<string> {
  if (!project.commit) throw new Error('the report names no scanned commit');
  const dir = repositoryDir(project, where);
  if (!dir) throw new Error(`no checkout or cached clone of ${project.source} here`);
  const data = await readFileAtCommit(dir, project.commit, file);
  if (data.includes(0)) throw new Error(`${file} is binary`);
  return utf8.decode(data);
}
