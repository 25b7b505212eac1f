// The key of everything a file's scan result depends on besides the file: the results cache and the
// commit records are valid only under the key they were made with.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compiledDir, knowledgeDataDir, queriesDir } from '../paths.js';
import { toolVersion } from '../version.js';

export const CACHE_FORMAT = 1;

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

let toolKeyMemo: string | undefined;
/**
 * Everything a file's findings depend on besides the file: the queries, the knowledge data, the code
 * of the scan and knowledge stations (so a changed detector never meets results of the old one), the version.
 */
export function toolKey(): string {
  if (toolKeyMemo) return toolKeyMemo;
  const hash = createHash('sha256').update(`oslo-audit ${toolVersion} cache ${CACHE_FORMAT}\n`);
  // The stations' compiled modules, wherever this code runs from: the CLI runs a bundle made of them
  // (dist/bundle), tests import them as they are, and both must agree on the key.
  const code = [...filesUnder(join(compiledDir, 'scan'), '.js'), ...filesUnder(join(compiledDir, 'knowledge'), '.js')];
  for (const file of [...filesUnder(queriesDir, '.scm'), ...filesUnder(knowledgeDataDir, '.tsv'), ...code]) {
    hash.update(`${file.slice(file.lastIndexOf('/') + 1)}\0`).update(readFileSync(file)).update('\0');
  }
  toolKeyMemo = hash.digest('hex');
  return toolKeyMemo;
}
