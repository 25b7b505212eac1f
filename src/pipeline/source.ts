// The text of a scanned file, for previews: read from the project's checkout at the scanned commit,
// never from the work tree (which may have moved on since the scan).

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFileAtCommit } from '../git/index.js';
import type { Project } from '../report/index.js';

const utf8 = new TextDecoder('utf-8');

/** The file's text, or an Error saying why it cannot be shown (no checkout here, commit missing, binary). */
export async function readProjectSource(project: Project, file: string, cwd = process.cwd()): Promise<string> {
  if (!project.commit) throw new Error('the report names no scanned commit');
  // `source` is the path the scan was given; a URL or a path that is gone means no checkout to read from.
  const dir = resolve(cwd, project.source);
  if (/^[a-z][a-z0-9+.-]*:/i.test(project.source) || !existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`no checkout at ${project.source}`);
  }
  const data = await readFileAtCommit(dir, project.commit, file);
  if (data.includes(0)) throw new Error(`${file} is binary`);
  return utf8.decode(data);
}
