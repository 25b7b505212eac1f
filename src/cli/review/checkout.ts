// Where a reviewed project's work tree is on this machine, if anywhere. Changes are only ever planned
// and committed in a checkout the user gave; clones in the cache are the tool's own and stay untouched.

import { openCheckout } from '../../git/index.js';
import type { Project } from '../../report/index.js';
import { parseTarget } from '../../sources/index.js';

export type LocalCheckout = { root: string } | { reason: string };

/** The project's checkout (its `source`, relative to `cwd`), or why there is none. */
export async function localCheckout(project: Project, cwd: string): Promise<LocalCheckout> {
  if (project.error) return { reason: `${project.name} was not scanned (${project.error.stage}: ${project.error.message.split('\n')[0]})` };
  const target = parseTarget(project.source, { cwd });
  if (target.location.kind === 'url') return { reason: `${project.name} was scanned from ${project.source}, not from a local checkout` };
  if (target.location.kind !== 'path') return { reason: `${project.name}: ${target.location.reason}` };
  try {
    return { root: (await openCheckout(target.location.path)).root };
  } catch (e) {
    return { reason: (e as Error).message.split('\n')[0]! };
  }
}
