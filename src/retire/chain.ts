// Commit messages for the planned changes, in OpenStack's conventions: a short subject, a wrapped body,
// and footers that chain the changes in order (Depends-On the previous, Needed-By the next) by Change-Id.

import { wrapWords } from '../util/index.js';
import { createHash } from 'node:crypto';
import type { PlannedChange } from './plan.js';

/** A Gerrit Change-Id (`I` + 40 hex), derived from what the change does and where it starts from. */
export function changeIdOf(change: PlannedChange, seed: string): string {
  const h = createHash('sha1');
  h.update(`${seed}\0${change.target}\0${change.step}\0${change.subject}\0`);
  for (const [path, content] of Object.entries(change.files).sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${path}\0${content ?? '\u0000deleted'}\0`);
  return `I${h.digest('hex')}`;
}


export interface ChainedChange extends PlannedChange {
  changeId: string;
  message: string;
}

/** Gives each change its Change-Id and message; `seeds[i]` should identify the checkout change i is made on (its HEAD). */
export function chainChanges(changes: readonly PlannedChange[], seeds: readonly string[]): ChainedChange[] {
  const ids = changes.map((c, i) => changeIdOf(c, seeds[i] ?? ''));
  return changes.map((c, i) => {
    const footers = [
      ...(i > 0 ? [`Depends-On: ${ids[i - 1]}`] : []),
      ...(i + 1 < ids.length ? [`Needed-By: ${ids[i + 1]}`] : []),
      `Change-Id: ${ids[i]}`,
    ];
    const body = c.body.map((p) => wrapWords(p).join('\n'));
    return { ...c, changeId: ids[i]!, message: [c.subject, '', ...body.flatMap((p) => [p, '']), ...footers].join('\n') + '\n' };
  });
}
