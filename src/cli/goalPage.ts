// `--goal NAME`: a selected community goal, read from the governance checkout given with
// `--governance` (goals/selected/NAME.rst); its title heads the goal table.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoalPage } from '../report/index.js';
import { UsageError } from './exitCodes.js';

export function readGoalPage(governance: string | undefined, name: string): GoalPage {
  if (governance === undefined) throw new UsageError('--goal needs --governance PATH (a governance checkout)');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new UsageError(`--goal takes a goal page's name (remove-eventlet), not ${JSON.stringify(name)}`);
  const file = join(governance, 'goals', 'selected', `${name}.rst`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--goal ${name}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); --governance must be a governance checkout`);
  }
  // The title is the first line of text between two lines of `=`.
  const lines = text.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l, i) => l !== '' && !/^=+$/.test(l) && /^=+$/.test(lines[i + 1] ?? ''));
  return { name, title: at >= 0 ? lines[at]! : name };
}
