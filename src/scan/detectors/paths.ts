// Findings that need only a file's path: the incubator copy tree and rootwrap config files.

import type { Knowledge } from '../../knowledge/index.js';
import type { Finding } from '../../report/index.js';
import { copyLocation } from '../../knowledge/index.js';
import { makeFinding, WHOLE_FILE } from '../finding.js';
import { moduleLabel, successorClause } from '../messages.js';

export function detectCopy(file: string, knowledge: Knowledge): Finding | null {
  const loc = copyLocation(file);
  if (!loc) return null;
  // Data files in a copy (test_migrations.conf) are known by path; Python files by module.
  const facts = loc.isPython ? knowledge.incubatorModule(loc.module) : knowledge.incubatorPath(loc.relPath);
  return makeFinding('incubator-copy', file, WHOLE_FILE, `Copy of oslo-incubator ${moduleLabel(loc.module)}, ${successorClause(facts)}.`, {
    module: loc.module,
    package: loc.package,
    successor: facts?.successor ?? null,
    fate: facts?.fate ?? 'unknown',
    incubatorFate: facts?.incubatorFate || null,
    successorSince: facts?.successorSince ?? null,
  });
}

export function rootwrapConfigKind(file: string): 'conf' | 'filters' | null {
  const parts = file.split('/');
  const base = parts[parts.length - 1]!;
  if (base === 'rootwrap.conf') return 'conf';
  if (base.endsWith('.filters') && parts.slice(0, -1).includes('rootwrap.d')) return 'filters';
  return null;
}

export function detectRootwrapFile(file: string): Finding | null {
  const what = rootwrapConfigKind(file);
  if (!what) return null;
  const message = what === 'conf' ? 'rootwrap configuration file.' : 'rootwrap filters file: each entry is a command run as root to move to oslo.privsep.';
  return makeFinding('rootwrap-config', file, WHOLE_FILE, message.charAt(0).toUpperCase() + message.slice(1), { what });
}
