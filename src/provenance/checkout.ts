// Provenance of one scanned checkout (or a bare clone of it): reads its copies and openstack-common.conf at the scanned
// commit, then matches them against the incubator.

import { gitTreeSource, openRepository } from '../git/index.js';
import type { Project } from '../report/index.js';
import { confBase, copyLocation, type TreeEntry } from '../scan/index.js';
import type { Incubator } from './incubator.js';
import { provenanceOf, type ProvenanceOptions } from './project.js';

/** Copies larger than this are not compared (no incubator file came near it). */
const MAX_COPY_SIZE = 2 * 1024 * 1024;
const CONF = 'openstack-common.conf';

/**
 * The project with provenance added. A project that failed to scan is returned as it is; a failure
 * here becomes the project's `error` (stage `scan`), so one bad repository never stops a batch.
 */
export async function checkoutProvenance(project: Project, path: string, incubator: Incubator, options: Omit<ProvenanceOptions, 'confBase'> = {}): Promise<Project> {
  if (project.error || !project.commit) return project;
  try {
    const { root } = await openRepository(path, project.commit);
    const source = gitTreeSource(root, project.commit);
    const entries = await source.entries();
    // Symlinks are never followed: a link in a copy has no content of its own to compare.
    const wanted: TreeEntry[] = entries.filter((e) => (e.mode === '100644' || e.mode === '100755') && e.size <= MAX_COPY_SIZE && (e.path === CONF || copyLocation(e.path) !== null));
    const copies = new Map<string, string>();
    let conf: string | null = null;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const { entry, data } of source.read(wanted)) {
      if (!data) continue;
      let text: string;
      try {
        text = decoder.decode(data);
      } catch {
        continue;
      }
      if (entry.path === CONF) conf = text;
      else copies.set(entry.path, text);
    }
    await incubator.preload([...copies.keys()].map((f) => copyLocation(f)!.relPath));
    return provenanceOf(project, copies, incubator, { ...options, confBase: conf === null ? null : confBase(conf) });
  } catch (e) {
    return { ...project, findings: [], error: { stage: 'scan', message: `provenance: ${(e as Error).message.split('\n')[0]}` } };
  }
}
